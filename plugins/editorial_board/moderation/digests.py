"""Periodic reports to the board, each sent once per period (R-ED-5, R-ED-9)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from plugins.editorial_board.models import Board, DigestLog, EditorialRecord
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.notifications import notify

WEEKLY = "weekly_direct"


def previous_week(today):
    """Monday and the following Monday of the week before ``today``'s."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    return this_monday - datetime.timedelta(days=7), this_monday


def _bounds(start, end):
    tz = timezone.get_current_timezone()
    return (datetime.datetime.combine(start, datetime.time.min, tzinfo=tz),
            datetime.datetime.combine(end, datetime.time.min, tzinfo=tz))


def direct_publications(agency_ids, start, end):
    """Items published without the workflow between two dates (end excluded)."""
    since, until = _bounds(start, end)
    records = EditorialRecord.objects.filter(published_directly=True,
                                             published_at__gte=since, published_at__lt=until)
    if agency_ids is not None:
        records = records.filter(agency_id__in=agency_ids)
    return records.select_related("page", "trusted_source", "published_by").order_by(
        "published_at")


def claim(agency, kind, period_start):
    """Mark the period's report as sent; False if it was already (safe under concurrency)."""
    try:
        with transaction.atomic():
            DigestLog.objects.create(agency=agency, kind=kind, period_start=period_start)
    except IntegrityError:
        return False
    return True


def send_weekly_digests(today=None):
    """The django-q2 weekly task: each board gets last week's direct publications."""
    today = today or timezone.localdate()
    start, end = previous_week(today)
    sent = 0
    for board in Board.objects.select_related("agency"):
        if not claim(board.agency, WEEKLY, start):
            continue
        items = list(direct_publications([board.agency_id], start, end))
        sent += notify(who.members(board.agency_id), "weekly_digest", {
            "agency": board.agency, "items": items, "start": start,
            "end": end - datetime.timedelta(days=1),
        })
    return sent
