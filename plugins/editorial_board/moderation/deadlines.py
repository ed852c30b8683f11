"""Each item's publication due time from the core working calendar, and staged reminders.

Rules (R-ED-6, seed 000 Đ9.2; agencies change them in *Ban biên tập → Hạn đăng tin*):
news 8 working hours after the event; the agency's documents 1 working day after signing;
conference reports 2 working days after the event ends; statistics by the 30th of the
month. A due time in working days is the end of that office day.

Reminders go out at three stages — before the due time (when ``REMINDER_LEAD_HOURS`` of
working time are left), at it, and one office day after it — to the authors, the unit's
leaders and (from the due time on) the board. Each is a django-q2 one-off schedule; each
is sent once for a given due time, and all are re-armed when the due time changes.
"""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone

from plugins.core.calendar import OFFICE_TZ, WorkingCalendar
from plugins.editorial_board.models import ContentKind, DeadlineRule, DeadlineUnit
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.notifications import notify

DEFAULT_RULES = {
    ContentKind.NEWS: (8, DeadlineUnit.WORKING_HOURS),
    ContentKind.AGENCY_DOCUMENT: (1, DeadlineUnit.WORKING_DAYS),
    ContentKind.CONFERENCE: (2, DeadlineUnit.WORKING_DAYS),
    ContentKind.STATISTICS: (30, DeadlineUnit.DAY_OF_MONTH),
}
REMINDER_LEAD_HOURS = 2
BEFORE, AT_DUE, OVERDUE = "before", "due", "overdue"
STAGES = (BEFORE, AT_DUE, OVERDUE)
REMINDER_FUNC = "plugins.editorial_board.deadlines.send_reminder"


def rule_for(agency, kind):
    """(amount, unit) of the agency's rule for ``kind``, or None when it has no deadline."""
    if not kind or kind == ContentKind.OTHER:
        return None
    rule = DeadlineRule.objects.filter(agency=agency, kind=kind).first() if agency else None
    return (rule.amount, rule.unit) if rule else DEFAULT_RULES.get(kind)


def _end_of_office_day(agency, day):
    end = agency.afternoon_end if agency else datetime.time(17, 0)
    return datetime.datetime.combine(day, end, tzinfo=OFFICE_TZ)


def compute_due(agency, kind, event_at, working_calendar=None):
    """When an item of ``kind`` about an event at ``event_at`` must be published."""
    rule = rule_for(agency, kind)
    if rule is None or event_at is None:
        return None
    amount, unit = rule
    cal = working_calendar or WorkingCalendar(agency)
    local = event_at.astimezone(OFFICE_TZ)
    if unit == DeadlineUnit.WORKING_HOURS:
        return cal.add_working_hours(local, amount)
    if unit == DeadlineUnit.WORKING_DAYS:
        return _end_of_office_day(agency, cal.add_working_days(local.date(), amount))
    last = calendar.monthrange(local.year, local.month)[1]
    day = min(amount, last) if amount else last
    return _end_of_office_day(agency, datetime.date(local.year, local.month, day))


def stage_times(agency, event_at, due_at, working_calendar=None):
    """{stage: moment} of the reminders for an item due at ``due_at``."""
    cal = working_calendar or WorkingCalendar(agency)
    times = {AT_DUE: due_at}
    if event_at is not None:
        total = cal.working_time_between(event_at, due_at)
        lead = datetime.timedelta(hours=REMINDER_LEAD_HOURS)
        if total > lead:
            times[BEFORE] = cal.add_working_hours(event_at, total - lead)
    office_day = sum(
        (datetime.datetime.combine(datetime.date.min, end)
         - datetime.datetime.combine(datetime.date.min, start) for start, end in cal.office_hours),
        datetime.timedelta(0),
    )
    times[OVERDUE] = cal.add_working_hours(due_at, office_day)
    return times


def _schedule_name(record, stage):
    return f"editorial:reminder:{record.pk}:{stage}"


@transaction.atomic
def arm(record):
    """Set the record's due time; (re)arm its reminders when the due time changed."""
    from django_q.models import Schedule

    cal = WorkingCalendar(record.agency) if record.agency_id else WorkingCalendar()
    due = compute_due(record.agency, record.kind, record.event_at, cal)
    record.due_at = due
    if record.published_at is not None or due is None:
        Schedule.objects.filter(name__startswith=f"editorial:reminder:{record.pk}:").delete()
        record.reminders_due_at = None
        record.save(update_fields=["due_at", "reminders_due_at"])
        return record
    if record.reminders_due_at != due:
        record.reminders_due_at, record.reminders_sent = due, []
        Schedule.objects.filter(name__startswith=f"editorial:reminder:{record.pk}:").delete()
        for stage, moment in stage_times(record.agency, record.event_at, due, cal).items():
            Schedule.objects.create(
                name=_schedule_name(record, stage), func=REMINDER_FUNC,
                args=f"{record.pk},{stage!r}", schedule_type=Schedule.ONCE, repeats=-1,
                next_run=moment,
            )
    record.save(update_fields=["due_at", "reminders_due_at", "reminders_sent"])
    return record


def recipients(record, stage):
    users = set(record.authors.all())
    if record.submitted_by:
        users.add(record.submitted_by)
    if record.unit_id:
        users |= set(who.unit_leaders(record.unit_id))
    if stage != BEFORE and record.agency_id:
        users |= set(who.members(record.agency_id))
    return users


def send_reminder(page_id, stage, now=None):
    """The django-q2 task of one reminder: sent once, only while it is still due."""
    from plugins.editorial_board.models import EditorialRecord

    now = now or timezone.now()
    with transaction.atomic():
        record = (EditorialRecord.objects.select_for_update(of=("self",))
                  .select_related("page", "agency").filter(pk=page_id).first())
        if (record is None or record.published_at is not None or record.due_at is None
                or stage in record.reminders_sent or record.reminders_due_at != record.due_at):
            return 0
        moment = stage_times(record.agency, record.event_at, record.due_at).get(stage)
        if moment is None or moment > now:
            return 0
        record.reminders_sent = [*record.reminders_sent, stage]
        record.save(update_fields=["reminders_sent"])
    return notify(recipients(record, stage), f"reminder_{stage}", {
        "page": record.page.specific, "due_at": record.due_at, "record": record,
    })
