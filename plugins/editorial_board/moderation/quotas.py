"""Quotas of supplied and published items (R-ED-7) and the periodic evaluations (R-ED-9).

Counts come from the editorial records' first publication: one grouped query for any
number of units and months.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from plugins.core.calendar import WorkingCalendar
from plugins.core.models import Unit, UnitKind
from plugins.editorial_board.models import ContentKind, EditorialRecord, EditorialSettings

SUPPLYING_KINDS = (UnitKind.DEPARTMENT, UnitKind.AFFILIATED)


def month_start(day):
    return day.replace(day=1)


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(first, last):
    months, current = [], month_start(first)
    while current <= last:
        months.append(current)
        current = add_months(current, 1)
    return months


def _bounds(first, last):
    tz = timezone.get_current_timezone()
    return (datetime.datetime.combine(month_start(first), datetime.time.min, tzinfo=tz),
            datetime.datetime.combine(add_months(last, 1), datetime.time.min, tzinfo=tz))


@dataclass
class UnitRow:
    unit: Unit
    counts: list = field(default_factory=list)
    minimum: int = 2

    @property
    def total(self):
        return sum(self.counts)

    @property
    def months_met(self):
        return sum(count >= self.minimum for count in self.counts)

    @property
    def meets_all(self):
        return self.months_met == len(self.counts)


def unit_matrix(agency, first, last):
    """Published items per supplying unit and month from ``first`` to ``last`` (months)."""
    months = months_between(first, last)
    since, until = _bounds(first, last)
    counts = {
        (row["unit_id"], row["month"].date() if hasattr(row["month"], "date") else row["month"]):
            row["n"]
        for row in EditorialRecord.objects.filter(
            agency=agency, published_at__gte=since, published_at__lt=until, unit__isnull=False,
        ).annotate(month=TruncMonth("published_at")).values("unit_id", "month")
        .annotate(n=Count("pk")).order_by()
    }
    minimum = EditorialSettings.for_agency(agency.pk).unit_monthly_minimum
    units = Unit.objects.filter(agency=agency, kind__in=SUPPLYING_KINDS)
    rows = [UnitRow(unit, [counts.get((unit.pk, month), 0) for month in months], minimum)
            for unit in units]
    return months, rows


@dataclass
class SiteMonth:
    published: int
    news: int
    news_minimum: int
    working_days: int
    days_without: list

    @property
    def news_met(self):
        return self.news >= self.news_minimum


def site_month(agency, month, until=None):
    """The site's month: items and news published, working days with nothing new."""
    until = min(until or timezone.localdate(), add_months(month, 1) - datetime.timedelta(days=1))
    since, end = _bounds(month, month)
    records = EditorialRecord.objects.filter(agency=agency, published_at__gte=since,
                                             published_at__lt=end)
    days = {timezone.localtime(moment).date()
            for moment in records.values_list("published_at", flat=True)}
    news = records.filter(kind=ContentKind.NEWS).count()
    calendar = WorkingCalendar(agency)
    working = [month + datetime.timedelta(days=offset)
               for offset in range((until - month).days + 1)
               if calendar.is_working_day(month + datetime.timedelta(days=offset))]
    settings = EditorialSettings.for_agency(agency.pk)
    return SiteMonth(records.count(), news,
                     settings.site_monthly_news_minimum, len(working),
                     [day for day in working if day not in days] if settings.daily_update else [])


def first_working_day(agency, month):
    return WorkingCalendar(agency).next_working_day(month)
