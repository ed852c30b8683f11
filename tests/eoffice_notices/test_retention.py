"""Retention (R-EO-11; seed 004 Đ7.4): announcements are kept one quarter; the daily
django-q2 job expires them, reports to the agency's leaders and clerks what it will purge
and which extension requests wait for a decision, and purges a week after the report —
never one whose extension is still pending."""

import datetime

import pytest
from django.utils import timezone

from plugins.eoffice.notices import retention, services
from plugins.eoffice.notices.models import Announcement, AnnouncementFile, State
from tests.eoffice_notices.conftest import pdf

pytestmark = pytest.mark.django_db


def test_R_EO_11_retention_job_is_scheduled():
    from django_q.models import Schedule

    retention.schedule_retention()
    retention.schedule_retention()
    assert Schedule.objects.filter(func=retention.RUN_FUNC,
                                   schedule_type=Schedule.DAILY).count() == 1


def test_R_EO_11_reports_first_then_purges_after_notice(make_announcement, staff, bql, skh,
                                                        django_capture_on_commit_callbacks):
    from plugins.core.models import OutgoingMail

    old = make_announcement(title="Thông báo quý trước", files=[pdf()])
    waiting = make_announcement(title="Thông báo chờ gia hạn")
    recent = make_announcement(title="Thông báo còn hạn")
    other = make_announcement(title="Thông báo của Sở", author=staff["skh_clerk"], agency=skh)
    stored = old.files.get().file
    path = stored.storage.path(stored.name)
    past = timezone.now() - datetime.timedelta(days=1)
    Announcement.objects.filter(pk__in=[old.pk, waiting.pk, other.pk]).update(expires_at=past)
    services.request_extension(staff["specialist"], waiting,
                               timezone.localdate() + datetime.timedelta(days=90),
                               "Còn hiệu lực đến cuối năm")
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        result = retention.run_retention(now)
    assert result["reported"] == {bql.pk: (2, 1), skh.pk: (1, 0)} and result["purged"] == 0
    old.refresh_from_db()
    assert old.state == State.EXPIRED
    report = next(mail for mail in OutgoingMail.objects.filter(subject__contains="purged")
                  if "vanthu@example.test" in mail.to)
    assert "Thông báo quý trước" in report.body and "Còn hiệu lực đến cuối năm" in report.body
    assert "Thông báo còn hạn" not in report.body and "Thông báo của Sở" not in report.body
    assert "truongban@example.test" in report.to and "chuyenvien@example.test" not in report.to
    # The next day: nothing reported again, nothing purged yet.
    result = retention.run_retention(now + datetime.timedelta(days=1))
    assert result["reported"] == {} and result["purged"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        result = retention.run_retention(now + retention.NOTICE)
    assert result["purged"] == 2
    assert set(Announcement.objects.values_list("title", flat=True)) == {
        "Thông báo chờ gia hạn", "Thông báo còn hạn"}
    assert not Announcement.history.filter(id=old.pk).exists()
    assert not AnnouncementFile.objects.filter(announcement_id=old.pk).exists()
    import os

    assert not os.path.exists(path)
    assert recent.pk and waiting.pk
