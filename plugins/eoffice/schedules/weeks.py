"""ISO weeks as the work programme counts them (Monday to Sunday, ``2026-W49``)."""

import datetime
import re

from django.utils import timezone

_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def parse_week(text, today=None):
    """The Monday of the week ``text`` names (``2026-W49``), or of this week if ``text`` is
    empty or not a week."""
    match = _WEEK.match((text or "").strip())
    if match:
        year, week = int(match[1]), int(match[2])
        try:
            return datetime.date.fromisocalendar(year, week, 1)
        except ValueError:
            pass
    return monday_of(today or timezone.localdate())


def week_key(monday):
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_days(monday):
    return [monday + datetime.timedelta(days=offset) for offset in range(7)]


def neighbours(monday):
    """(previous Monday, next Monday)."""
    return monday - datetime.timedelta(days=7), monday + datetime.timedelta(days=7)
