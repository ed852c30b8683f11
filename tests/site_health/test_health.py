"""The health endpoint for monitoring (R-SITE-8: the site runs 24 hours a day, 002 Đ10.1,
Đ13.1): database, cache, task queue and scheduler, each only "ok" or "fail"."""

import datetime
import json

import pytest
from django.db import OperationalError
from django.utils import timezone

from plugins.site_health import health

CHECKS = {"database": "ok", "cache": "ok", "queue": "ok", "scheduler": "ok"}


@pytest.fixture
def no_overdue_schedules(db):
    """The migrations' schedules are due now: a cluster would start them within a minute."""
    from django_q.models import Schedule

    Schedule.objects.update(next_run=timezone.now())


def test_a_healthy_site_answers_200_with_ok_checks_and_is_never_cached(
        client, no_overdue_schedules, django_assert_max_num_queries):
    """R-SITE-8: 200, JSON with one ok per check and nothing else; not cached."""
    with django_assert_max_num_queries(3):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "checks": CHECKS}
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_an_old_task_in_the_queue_fails_the_queue_check(client, no_overdue_schedules, settings):
    """R-SITE-8: a task waiting longer than SITE_HEALTH_QUEUE_MAX_AGE means the workers are
    stopped or behind: 503."""
    from django_q.brokers import get_broker
    from django_q.models import OrmQ

    settings.SITE_HEALTH_QUEUE_MAX_AGE = 600
    broker = get_broker()
    OrmQ.objects.create(key=broker.list_key, payload="x",
                        lock=timezone.now() - datetime.timedelta(seconds=300))
    assert client.get("/healthz").status_code == 200  # five minutes: within the limit

    OrmQ.objects.create(key=broker.list_key, payload="x",
                        lock=timezone.now() - datetime.timedelta(seconds=900))
    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "fail",
                                            "checks": {**CHECKS, "queue": "fail"}}


def test_a_task_being_worked_on_is_not_waiting(client, no_overdue_schedules):
    """R-SITE-8: a task a worker holds (its lock in the future) is not an old queued one."""
    from django_q.brokers import get_broker
    from django_q.models import OrmQ

    OrmQ.objects.create(key=get_broker().list_key, payload="x",
                        lock=timezone.now() + datetime.timedelta(seconds=60))

    assert client.get("/healthz").status_code == 200


def test_an_overdue_schedule_means_no_cluster_runs(client, no_overdue_schedules):
    """R-SITE-8: a schedule overdue by hours: nobody runs the scheduled work."""
    from django_q.models import Schedule

    Schedule.objects.create(func="plugins.site_health.jobs.check_links_task",
                            schedule_type=Schedule.HOURLY, name="x",
                            next_run=timezone.now() - datetime.timedelta(hours=5))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {**CHECKS, "scheduler": "fail"}


class _BrokenConnection:
    def cursor(self):
        raise OperationalError("could not connect to server at 10.0.0.5: password rejected")


def test_a_failing_service_is_reported_without_its_error(client, no_overdue_schedules,
                                                         monkeypatch):
    """R-SITE-8: the answer says fail, never the error (no host, no password, no version)."""
    monkeypatch.setattr(health, "connection", _BrokenConnection())
    monkeypatch.setattr(health.cache, "get", lambda key: None)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "fail", "checks": {**CHECKS, "database": "fail", "cache": "fail"}}
    assert b"10.0.0.5" not in response.content and b"password" not in response.content


def test_the_endpoint_only_answers_reads(client, no_overdue_schedules):
    """R-SITE-8: GET and HEAD only; a POST is refused and starts nothing."""
    from django_q.models import OrmQ

    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
    assert OrmQ.objects.count() == 0
