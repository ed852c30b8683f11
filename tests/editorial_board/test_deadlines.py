"""Deadlines in working time and staged reminders, with a fixed clock (R-ED-6, R-ORG-4)."""

import datetime

import pytest
from django.urls import reverse
from django_q.models import Schedule

from plugins.core.demo_content import NATIONAL_DAYS
from plugins.core.models import DayOverride
from plugins.editorial_board.models import ContentKind, DeadlineRule, DeadlineUnit
from plugins.editorial_board.moderation import deadlines, records

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))


def at(*args):
    return datetime.datetime(*args, tzinfo=TZ)


@pytest.fixture
def tet_2026(db):
    for day, kind, reason in NATIONAL_DAYS:
        DayOverride.objects.create(date=day, kind=kind, reason=reason)


def test_news_due_in_8_working_hours_across_tet(agency, tet_2026):
    """R-ED-6: news of Friday 13/2/2026 15:00 — 2 h that day, Tết 14–22/2, then 6 h on 23/2."""
    due = deadlines.compute_due(agency, ContentKind.NEWS, at(2026, 2, 13, 15, 0))
    assert due == at(2026, 2, 23, 15, 0)


def test_agency_document_due_the_next_working_day_after_a_weekend(agency):
    """R-ED-6: signed Friday 6/3/2026 → by the end of Monday 9/3."""
    due = deadlines.compute_due(agency, ContentKind.AGENCY_DOCUMENT, at(2026, 3, 6, 10, 0))
    assert due == at(2026, 3, 9, 17, 0)


def test_conference_report_and_statistics(agency):
    """R-ED-6: 2 working days after the event ends; statistics by the 30th (or month end)."""
    assert deadlines.compute_due(agency, ContentKind.CONFERENCE, at(2026, 3, 12, 16, 0)) == \
        at(2026, 3, 16, 17, 0)
    assert deadlines.compute_due(agency, ContentKind.STATISTICS, at(2026, 2, 2, 8, 0)) == \
        at(2026, 2, 28, 17, 0)
    assert deadlines.compute_due(agency, ContentKind.STATISTICS, at(2026, 4, 2, 8, 0)) == \
        at(2026, 4, 30, 17, 0)
    assert deadlines.compute_due(agency, ContentKind.OTHER, at(2026, 4, 2, 8, 0)) is None


def test_rules_are_configurable_per_agency(agency):
    """Seed 002: conference reports within 3 days; documents within 2 working days."""
    DeadlineRule.objects.create(agency=agency, kind=ContentKind.CONFERENCE, amount=3,
                                unit=DeadlineUnit.WORKING_DAYS)
    assert deadlines.compute_due(agency, ContentKind.CONFERENCE, at(2026, 3, 12, 16, 0)) == \
        at(2026, 3, 17, 17, 0)


def _news_item(make_item, staff, event):
    page = make_item(staff.author, submit=False)
    record = records.sync(page)
    record.kind, record.event_at = ContentKind.NEWS, event
    record.save()
    return deadlines.arm(record)


def test_reminders_are_scheduled_sent_once_and_rearmed(make_item, staff, tet_2026, delivered):
    """R-ED-6: before, at and after the due time; once each; again after the due moves."""
    record = _news_item(make_item, staff, at(2026, 2, 13, 15, 0))
    schedules = {s.name.rsplit(":", 1)[1]: s for s in Schedule.objects.filter(
        name__startswith=f"editorial:reminder:{record.pk}:")}
    assert {stage: s.next_run for stage, s in schedules.items()} == {
        # 2 working hours before 15:00 is 11:30: the lunch break is not working time.
        "before": at(2026, 2, 23, 11, 30), "due": at(2026, 2, 23, 15, 0),
        "overdue": at(2026, 2, 24, 15, 0)}
    delivered().clear()
    assert deadlines.send_reminder(record.pk, "before", now=at(2026, 2, 23, 11, 0)) == 0
    sent = deadlines.send_reminder(record.pk, "before", now=at(2026, 2, 23, 13, 5))
    assert sent == 2  # the author and the unit's leader
    assert {m.to[0] for m in delivered()} == {staff.author.email, staff.leader.email}
    assert deadlines.send_reminder(record.pk, "before", now=at(2026, 2, 23, 13, 10)) == 0
    assert deadlines.send_reminder(record.pk, "due", now=at(2026, 2, 23, 15, 1)) == 6  # + board

    record.event_at = at(2026, 2, 24, 8, 0)  # the event date was corrected: re-armed
    record.save()
    record = deadlines.arm(record)
    assert record.due_at == at(2026, 2, 25, 8, 0) and record.reminders_sent == []
    assert Schedule.objects.get(name=f"editorial:reminder:{record.pk}:due").next_run == \
        record.due_at
    assert deadlines.send_reminder(record.pk, "before", now=at(2026, 2, 24, 15, 31)) == 2


def test_no_reminder_once_published(make_item, staff):
    from .conftest import act

    page = make_item(staff.author)
    record = records.sync(page)
    record.kind, record.event_at = ContentKind.NEWS, at(2026, 3, 2, 8, 0)
    record.save()
    deadlines.arm(record)
    for user in (staff.leader, staff.member, staff.chief):
        act(page, user)
    record.refresh_from_db()
    assert record.published_at is not None
    assert not Schedule.objects.filter(name__startswith=f"editorial:reminder:{page.pk}:").exists()
    assert deadlines.send_reminder(page.pk, "overdue", now=at(2030, 1, 1, 8, 0)) == 0


def test_overdue_report(make_item, staff, client):
    record = _news_item(make_item, staff, at(2026, 3, 2, 8, 0))
    client.force_login(staff.member)
    html = client.get(reverse("editorial_board:deadlines")).content.decode()
    assert record.page.title in html and ("Quá hạn" in html or "Overdue" in html)
    xlsx = client.get(reverse("editorial_board:deadlines"), {"export": "xlsx"})
    assert xlsx.status_code == 200
