"""The health endpoint for monitoring (R-SITE-8: the site runs 24 hours a day).

``GET /healthz`` answers JSON, HTTP 200 when every check passes and 503 otherwise::

    {"status": "ok", "checks": {"database": "ok", "cache": "ok", "queue": "ok",
                                "scheduler": "ok"}}

Each check says only "ok" or "fail": no error text, host name, version or count leaves
the server. Every check is one cheap statement; the answer is never cached.
"""

import datetime
import uuid

from django.core.cache import cache
from django.db import connection
from django.db.models import Min
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from plugins.site_health.conf import setting

OK, FAIL = "ok", "fail"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def check_cache():
    key = f"site_health:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


def check_queue(now=None):
    """The oldest task waiting in django-q2's queue is younger than
    ``SITE_HEALTH_QUEUE_MAX_AGE`` seconds (the database broker: a waiting task's ``lock``
    is the time it was queued, or became free again); another broker must answer a ping."""
    from django_q.brokers import get_broker
    from django_q.brokers.orm import ORM

    now = now or timezone.now()
    broker = get_broker()
    if not isinstance(broker, ORM):
        return bool(broker.ping())
    oldest = broker.get_connection().filter(key=broker.list_key, lock__lte=now).aggregate(
        oldest=Min("lock"))["oldest"]
    limit = datetime.timedelta(seconds=setting("SITE_HEALTH_QUEUE_MAX_AGE"))
    return oldest is None or now - oldest <= limit


def check_scheduler(now=None):
    """No schedule is overdue by more than ``SITE_HEALTH_SCHEDULE_MAX_DELAY`` seconds:
    otherwise no django-q2 cluster is running to start them."""
    from django_q.models import Schedule

    now = now or timezone.now()
    limit = datetime.timedelta(seconds=setting("SITE_HEALTH_SCHEDULE_MAX_DELAY"))
    overdue = Schedule.objects.exclude(repeats=0).filter(next_run__lt=now - limit)
    return not overdue.exists()


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "queue": check_queue,
    "scheduler": check_scheduler,
}


def run_checks():
    """{check name: "ok" or "fail"}; a check that raises fails, whatever the error."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = OK if check() else FAIL
        except Exception:  # noqa: BLE001 - an unreachable service is what this reports
            results[name] = FAIL
    return results


@require_safe
def health(request):
    checks = run_checks()
    healthy = all(value == OK for value in checks.values())
    response = JsonResponse({"status": OK if healthy else FAIL, "checks": checks},
                            status=200 if healthy else 503)
    add_never_cache_headers(response)
    return response
