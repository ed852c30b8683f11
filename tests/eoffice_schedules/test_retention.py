"""Retention (R-EO-10; seed 004 Đ7.1): entries and plans are kept one year; the daily
django-q2 job first reports what it will purge, and purges a week after the report."""

import datetime

import pytest
from django.utils import timezone

from plugins.eoffice.schedules import retention
from plugins.eoffice.schedules.models import ScheduleEntry, WorkPlan

pytestmark = pytest.mark.django_db


def test_r_eo_10_retention_job_is_scheduled():
    from django_q.models import Schedule

    retention.schedule_retention()
    retention.schedule_retention()
    assert Schedule.objects.filter(func=retention.RUN_FUNC,
                                   schedule_type=Schedule.DAILY).count() == 1


def test_r_eo_10_reports_first_then_purges_after_notice(make_entry, staff, bql,
                                                        django_capture_on_commit_callbacks):
    from plugins.core.models import OutgoingMail
    from plugins.eoffice.schedules import services

    today = timezone.localdate()
    old = make_entry("published", day=today - datetime.timedelta(days=400), content="Năm ngoái")
    recent = make_entry("published", day=today - datetime.timedelta(days=300), content="Còn giữ")
    old_plan = services.create_plan(staff["clerk"], bql, period_kind="month",
                                    year=today.year - 2, period=1, title="Kế hoạch cũ")
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        result = retention.run_retention(now)
    assert result["reported"] == {bql.pk: (1, 1)} and result["purged"] == (0, 0)
    # One mail per person (core's notification centre: each in their own language).
    reports = list(OutgoingMail.objects.filter(subject__contains="purged"))
    for report in reports:
        assert "Năm ngoái" in report.body and "Kế hoạch cũ" in report.body
        assert "Còn giữ" not in report.body
    addresses = {address for report in reports for address in report.to}
    assert {"vanthu@example.test", "quantri@example.test"} <= addresses
    assert len(reports) == len(addresses)
    # A second run the next day reports nothing again and purges nothing yet.
    result = retention.run_retention(now + datetime.timedelta(days=1))
    assert result["reported"] == {} and result["purged"] == (0, 0)
    assert OutgoingMail.objects.filter(subject__contains="purged").count() == len(reports)
    result = retention.run_retention(now + retention.NOTICE)
    assert result["purged"] == (1, 1)
    assert list(ScheduleEntry.objects.all()) == [recent]
    assert not WorkPlan.objects.filter(pk=old_plan.pk).exists()
    assert not ScheduleEntry.history.filter(id=old.pk).exists()
