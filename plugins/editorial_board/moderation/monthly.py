"""The monthly report to the board on the first working day of the month (R-ED-9)."""

import datetime

from django.utils import timezone

from plugins.editorial_board.models import Board, EditorialRecord, EditorialTaskState
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.moderation import quotas
from plugins.editorial_board.moderation.digests import claim
from plugins.editorial_board.notifications import notify

MONTHLY = "monthly_report"


def send_monthly_reports(today=None):
    """The django-q2 daily task: on an agency's first working day of a month, once."""
    today = today or timezone.localdate()
    this_month = quotas.month_start(today)
    previous = quotas.add_months(this_month, -1)
    sent = 0
    for board in Board.objects.select_related("agency"):
        agency = board.agency
        if quotas.first_working_day(agency, this_month) != today:
            continue
        if not claim(agency, MONTHLY, previous):
            continue
        _months, rows = quotas.unit_matrix(agency, previous, previous)
        site = quotas.site_month(agency, previous, this_month - datetime.timedelta(days=1))
        records = EditorialRecord.objects.filter(agency=agency, due_at__gte=_start(previous),
                                                 due_at__lt=_start(this_month))
        late = sum(record.is_late for record in records)
        rejections = EditorialTaskState.objects.filter(
            agency=agency, status="rejected", finished_at__gte=_start(previous),
            finished_at__lt=_start(this_month)).count()
        sent += notify(who.members(agency.pk), "monthly_report", {
            "agency": agency, "month": previous, "rows": rows, "site": site,
            "late": late, "rejections": rejections,
        })
    return sent


def _start(day):
    return datetime.datetime.combine(day, datetime.time.min,
                                     tzinfo=timezone.get_current_timezone())
