"""Working days and office hours, for deadlines counted in working time (R-ORG-4).

A day is a working day unless it is a Saturday or Sunday or a Vietnamese public holiday
(from the ``holidays`` package, which includes lunar Tết, Hùng Kings, substituted days and
the Saturdays worked in exchange for them). On top of that, ``DayOverride`` rows declare
days off or working days: national ones (no agency) first, then the agency's own, which win.

Office hours are local Vietnamese time (Asia/Ho_Chi_Minh). The four module functions take
an agency (or ``None`` for the national calendar with the default office hours); callers
that compute many deadlines for one agency can reuse a :class:`WorkingCalendar`.
"""

import datetime
import functools
from decimal import Decimal
from zoneinfo import ZoneInfo

import holidays
from django.db.models import Q

from plugins.core.models import DayKind, DayOverride

OFFICE_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_OFFICE_HOURS = (
    (datetime.time(7, 30), datetime.time(11, 30)),
    (datetime.time(13, 0), datetime.time(17, 0)),
)
_ONE_DAY = datetime.timedelta(days=1)
# Overrides are loaded this many years at a time, so a long span costs one or two queries.
_YEARS_PER_QUERY = 2


@functools.cache
def _public_holidays(year):
    """Vietnam's public holidays of ``year`` (cached for the life of the process)."""
    return holidays.country_holidays("VN", years=year)


def _is_national_working_day(day):
    """Weekends and public holidays only, without any declared override."""
    public = _public_holidays(day.year)
    if day in public:
        return False
    return day.weekday() < 5 or day in public.weekend_workdays


def _holiday_name(day):
    """The public holiday's name in the active language (Vietnamese or English), or ''."""
    from django.utils import translation

    language = "vi" if (translation.get_language() or "").startswith("vi") else "en_US"
    names = _holiday_names(day.year, language)
    return names.get(day, "")


@functools.cache
def _holiday_names(year, language):
    return dict(holidays.country_holidays("VN", years=year, language=language))


def _weekday(day):
    from django.utils.dates import WEEKDAYS

    return str(WEEKDAYS[day.weekday()])


def _as_timedelta(hours):
    if isinstance(hours, datetime.timedelta):
        return hours
    if isinstance(hours, int | float | Decimal):
        return datetime.timedelta(hours=float(hours))
    raise TypeError(f"hours must be a number or a timedelta, not {type(hours).__name__}")


def _local(moment):
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"An aware datetime is required, got the naive {moment!r}.")
    return moment.astimezone(OFFICE_TZ)


class WorkingCalendar:
    """The working calendar of one agency (or of the whole country when ``agency`` is None).

    Declared days are loaded lazily, a block of years per query, and kept for the life
    of the instance.
    """

    def __init__(self, agency=None):
        self.agency = agency
        self.office_hours = agency.office_hours if agency is not None else DEFAULT_OFFICE_HOURS
        self._overrides = {}  # date -> True (working) / False (off)
        self._loaded_years = set()

    def _load(self, year):
        years = range(year, year + _YEARS_PER_QUERY)
        whose = Q(agency__isnull=True)
        if self.agency is not None:
            whose |= Q(agency=self.agency)
        rows = DayOverride.objects.filter(
            whose, date__range=(datetime.date(years[0], 1, 1), datetime.date(years[-1], 12, 31))
        ).values_list("agency_id", "date", "kind")
        # National rows first, so that the agency's own row for the same date wins.
        for _agency_id, day, kind in sorted(rows, key=lambda row: row[0] is not None):
            self._overrides[day] = kind == DayKind.WORKING
        self._loaded_years.update(years)

    def is_working_day(self, day):
        if day.year not in self._loaded_years:
            self._load(day.year)
        declared = self._overrides.get(day)
        return _is_national_working_day(day) if declared is None else declared

    def next_working_day(self, day):
        """``day`` itself if it is a working day, otherwise the first working day after it."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, day, n):
        """The date ``n`` working days after ``day``.

        The day of receipt is not counted: counting starts on the next working day, as in
        "within 3 working days". A ``day`` that is not a working day counts as received on
        the next working day, so ``n == 0`` gives that day (or ``day`` itself if it is a
        working day), and a receipt on Saturday plus 1 working day is Tuesday.
        """
        if n < 0:
            raise ValueError(f"n must be 0 or more, got {n}: counting back is not supported.")
        day = self.next_working_day(day)
        for _ in range(n):
            day = self.next_working_day(day + _ONE_DAY)
        return day

    def _intervals(self, day):
        """The office-hour intervals of ``day`` as aware datetimes (none on a day off)."""
        if not self.is_working_day(day):
            return []
        return [
            (
                datetime.datetime.combine(day, start, tzinfo=OFFICE_TZ),
                datetime.datetime.combine(day, end, tzinfo=OFFICE_TZ),
            )
            for start, end in self.office_hours
        ]

    def add_working_hours(self, when, hours):
        """The moment when ``hours`` of office time have passed since ``when``.

        A ``when`` outside office hours starts at the next interval start. A deadline that
        falls exactly at the end of an interval is that end (17:00, not 7:30 the next day).
        The result is in Asia/Ho_Chi_Minh.
        """
        cursor = _local(when)
        remaining = _as_timedelta(hours)
        if remaining < datetime.timedelta(0):
            raise ValueError(f"hours must be zero or positive, got {hours}.")
        if all(start >= end for start, end in self.office_hours):
            raise ValueError("The office hours are empty: no working time can pass.")
        day = cursor.date()
        while True:
            for start, end in self._intervals(day):
                if end <= cursor:
                    continue
                begin = max(start, cursor)
                if remaining <= end - begin:
                    return begin + remaining
                remaining -= end - begin
            day += _ONE_DAY

    def days_off(self, start, end):
        """``[(date, reason)]`` for each day off from ``start`` to ``end`` (both included).

        The reason is the declared day's own, else the public holiday's name (in the active
        language), else the weekday: what a citizen is told when a deadline skips days.
        """
        if end < start:
            return []
        whose = Q(agency__isnull=True)
        if self.agency is not None:
            whose |= Q(agency=self.agency)
        declared = {}
        rows = DayOverride.objects.filter(whose, date__range=(start, end)).values_list(
            "agency_id", "date", "reason"
        )
        for _agency_id, day, reason in sorted(rows, key=lambda row: row[0] is not None):
            declared[day] = reason
        found, day = [], start
        while day <= end:
            if not self.is_working_day(day):
                found.append((day, declared.get(day) or _holiday_name(day) or _weekday(day)))
            day += _ONE_DAY
        return found

    def working_time_between(self, start, end):
        """The office time on working days between two aware datetimes."""
        start, end = _local(start), _local(end)
        total = datetime.timedelta(0)
        if end <= start:
            return total
        day = start.date()
        while day <= end.date():
            for begin, finish in self._intervals(day):
                overlap = min(finish, end) - max(begin, start)
                if overlap > datetime.timedelta(0):
                    total += overlap
            day += _ONE_DAY
        return total


def is_working_day(agency, day):
    """Whether ``day`` is a working day for ``agency`` (``None``: the national calendar)."""
    return WorkingCalendar(agency).is_working_day(day)


def add_working_days(agency, day, n):
    """See :meth:`WorkingCalendar.add_working_days`."""
    return WorkingCalendar(agency).add_working_days(day, n)


def add_working_hours(agency, when, hours):
    """See :meth:`WorkingCalendar.add_working_hours`."""
    return WorkingCalendar(agency).add_working_hours(when, hours)


def working_time_between(agency, start, end):
    """See :meth:`WorkingCalendar.working_time_between`."""
    return WorkingCalendar(agency).working_time_between(start, end)


def days_off(agency, start, end):
    """See :meth:`WorkingCalendar.days_off`."""
    return WorkingCalendar(agency).days_off(start, end)
