"""Retention (R-EO-12; seed 004 Đ7.5): a closed consultation is kept one month; the daily
django-q2 job first tells the drafter what it will purge, and purges once the month is over
and the notice was given a week before."""

import datetime

import pytest

from plugins.eoffice.consultations import retention
from plugins.eoffice.consultations.models import Consultation, Response, Verdict
from tests.eoffice_consultations.conftest import FRIDAY

pytestmark = pytest.mark.django_db


def test_r_eo_12_retention_job_is_scheduled():
    from django_q.models import Schedule

    retention.schedule_retention()
    retention.schedule_retention()
    assert Schedule.objects.filter(func=retention.RUN_FUNC,
                                   schedule_type=Schedule.DAILY).count() == 1


def test_r_eo_12_reports_to_the_drafter_then_purges(make_consultation, staff, invitee_of,
                                                    django_capture_on_commit_callbacks):
    from plugins.core.models import OutgoingMail
    from plugins.eoffice.consultations import services

    old = make_consultation("open", title="Cũ")
    response = services.respond(staff["colleague"], invitee_of(old, staff["colleague"]),
                                Verdict.AGREE, now=FRIDAY)
    closed_at = FRIDAY + datetime.timedelta(days=6)
    services.close(old, closed_at)
    kept = make_consultation("open", title="Đang mở")
    stored = [old.files.get().file.name]
    storage = old.files.get().file.storage
    assert storage.exists(stored[0])
    OutgoingMail.objects.all().delete()

    # Three weeks after closing: nothing yet.
    assert retention.run_retention(closed_at + datetime.timedelta(days=21)) == {
        "reported": 0, "purged": 0}
    # 23 days: the drafter is told, a week ahead of the month's end.
    reported_at = closed_at + retention.KEEP - retention.NOTICE
    assert retention.run_retention(reported_at) == {"reported": 1, "purged": 0}
    mail = OutgoingMail.objects.get()
    assert mail.to == ["chuyenvien@example.test"] and "Cũ" in mail.subject
    # Running again reports nothing more.
    assert retention.run_retention(reported_at + datetime.timedelta(days=1)) == {
        "reported": 0, "purged": 0}
    assert OutgoingMail.objects.count() == 1
    # One month after closing: purged, with its files, responses and history.
    with django_capture_on_commit_callbacks(execute=True):
        assert retention.run_retention(closed_at + retention.KEEP) == {"reported": 0,
                                                                       "purged": 1}
    assert list(Consultation.objects.all()) == [kept]
    assert not Consultation.history.filter(id=old.pk).exists()
    assert not Response.history.filter(id=response.pk).exists()
    assert not storage.exists(stored[0])
