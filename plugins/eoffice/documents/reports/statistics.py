"""Statistics of an agency's documents and their processing for one year (R-EO-9).

- Received: incoming documents by the month they arrived, counted for the unit that
  handles them (the unit of the first, not recalled, main assignment; for a person, their
  unit in the agency); documents not yet assigned count for no unit.
- Issued: outgoing documents issued (or issued and later withdrawn) by the month of their
  issue date, for their drafting unit.
- Timeliness of incoming documents with a deadline: *on time* when the result was recorded
  (the processing step RESULT) on or before the deadline, *late* after it, *overdue* when
  the deadline has passed without a result, *in progress* otherwise.
- Processing time: working days from arrival to the recorded result, in the agency's
  calendar (core): a result recorded the next working day took 1 day.

Everything is aggregated in the database: a fixed number of queries whatever the number of
documents (the processing time is grouped by arrival and result day, then counted in
working days here).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BigIntegerField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, ExtractMonth, TruncDate

from plugins.core.calendar import OFFICE_TZ, WorkingCalendar
from plugins.core.models import Position, Unit
from plugins.eoffice.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    OutgoingDocument,
    OutgoingState,
    ProcessingStep,
    StepAction,
)
from plugins.eoffice.documents.reports.register_rows import local_span

MONTHS = tuple(range(1, 13))
TIMELINESS = ("on_time", "late", "overdue", "in_progress")


@dataclass
class UnitFigures:
    unit: object  # a Unit, or None for documents not yet assigned
    received: dict = field(default_factory=lambda: dict.fromkeys(MONTHS, 0))
    issued: dict = field(default_factory=lambda: dict.fromkeys(MONTHS, 0))
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    in_progress: int = 0
    processed: int = 0  # documents with a recorded result
    working_days: int = 0  # their processing time, summed

    @property
    def received_total(self):
        return sum(self.received.values())

    @property
    def issued_total(self):
        return sum(self.issued.values())

    @property
    def average_days(self):
        """Average processing time in working days (one decimal), or None."""
        return round(self.working_days / self.processed, 1) if self.processed else None

    @property
    def with_deadline(self):
        return self.on_time + self.late + self.overdue + self.in_progress

    def add(self, other):
        for month in MONTHS:
            self.received[month] += other.received[month]
            self.issued[month] += other.issued[month]
        for name in (*TIMELINESS, "processed", "working_days"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Statistics:
    agency: object
    year: int
    units: list  # UnitFigures, in the agency's unit order; the unassigned row last
    total: UnitFigures

    @property
    def months(self):
        return [(month, self.total.received[month], self.total.issued[month])
                for month in MONTHS]


def handling_unit():
    """The unit handling an incoming document: its first live main assignment's unit, or
    for a person that person's (leading, first) unit in the document's agency."""
    person_unit = Position.objects.filter(
        user=OuterRef("person_id"), unit__agency=OuterRef("document__agency_id")).order_by(
        "-is_leader", "sort_order", "pk").values("unit_id")[:1]
    main = Assignment.objects.filter(
        document=OuterRef("pk"), role=AssignmentRole.MAIN, parent__isnull=True,
        recalled_at__isnull=True).order_by("pk").annotate(
        handler_unit=Coalesce("unit_id", Subquery(person_unit),
                              output_field=BigIntegerField())).values("handler_unit")[:1]
    return Subquery(main, output_field=BigIntegerField())


def result_recorded_at():
    return Subquery(ProcessingStep.objects.filter(
        incoming=OuterRef("pk"), action=StepAction.RESULT).order_by("at").values("at")[:1])


def _incoming(agency, year, unit_ids):
    start, end = local_span(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    documents = (IncomingDocument.objects.filter(agency=agency, arrived_at__gte=start,
                                                 arrived_at__lt=end)
                 .annotate(unit_id=handling_unit(), result_at=result_recorded_at())
                 .annotate(result_day=TruncDate("result_at", tzinfo=OFFICE_TZ)))
    if unit_ids is not None:
        documents = documents.filter(unit_id__in=unit_ids)
    return documents


def compute(agency, year, unit_ids=None, today=None):
    """The figures of ``agency`` for ``year``; ``unit_ids`` limits them to those units (a
    unit's leader, or the filter), ``None`` is the whole agency."""
    from plugins.eoffice.documents.services.common import today as office_today

    today = today or office_today()
    documents = _incoming(agency, year, unit_ids)
    deadline = Q(deadline__isnull=False)
    done = Q(result_day__isnull=False)
    by_unit_month = documents.values("unit_id", month=ExtractMonth(
        "arrived_at", tzinfo=OFFICE_TZ)).annotate(
        received=Count("pk"),
        on_time=Count("pk", filter=deadline & done & Q(result_day__lte=F("deadline"))),
        late=Count("pk", filter=deadline & done & Q(result_day__gt=F("deadline"))),
        overdue=Count("pk", filter=deadline & ~done & Q(deadline__lt=today)),
        in_progress=Count("pk", filter=deadline & ~done & Q(deadline__gte=today)),
    ).order_by()
    durations = documents.filter(result_day__isnull=False).values(
        "unit_id", "result_day", arrival_day=TruncDate("arrived_at", tzinfo=OFFICE_TZ)).annotate(
        count=Count("pk")).order_by()
    issued = OutgoingDocument.objects.filter(
        agency=agency, state__in=[OutgoingState.ISSUED, OutgoingState.WITHDRAWN],
        issue_date__year=year)
    if unit_ids is not None:
        issued = issued.filter(drafting_unit_id__in=unit_ids)
    issued = issued.values("drafting_unit_id", month=ExtractMonth("issue_date")).annotate(
        count=Count("pk")).order_by()

    figures = defaultdict(lambda: UnitFigures(None))
    for row in by_unit_month:
        item = figures[row["unit_id"]]
        item.received[row["month"]] += row["received"]
        for name in TIMELINESS:
            setattr(item, name, getattr(item, name) + row[name])
    for row in issued:
        figures[row["drafting_unit_id"]].issued[row["month"]] += row["count"]
    calendar = WorkingCalendar(agency)
    counter = WorkingDayCounter(calendar)
    for row in durations:
        item = figures[row["unit_id"]]
        item.processed += row["count"]
        item.working_days += row["count"] * counter.between(row["arrival_day"],
                                                            row["result_day"])
    units = Unit.objects.filter(agency=agency)
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    rows = []
    for unit in units:
        item = figures.pop(unit.pk, None) or UnitFigures(None)
        item.unit = unit
        rows.append(item)
    unassigned = figures.pop(None, None)
    if unassigned is not None and unit_ids is None:
        rows.append(unassigned)
    total = UnitFigures(None)
    for item in rows:
        total.add(item)
    return Statistics(agency, year, rows, total)


class WorkingDayCounter:
    """Working days between two dates, through a running count of working days, so that
    many pairs cost one pass over the calendar."""

    def __init__(self, calendar):
        self.calendar = calendar
        self._count = {}  # date -> working days from the first known date up to it

    def _index(self, day):
        if day not in self._count:
            self._extend(day)
        return self._count[day]

    def _extend(self, day):
        if not self._count:
            self._first = self._last = day
            self._count[day] = int(self.calendar.is_working_day(day))
            return
        one = datetime.timedelta(days=1)
        if day < self._first:
            # rebuild from the earlier day: rare (rows come in no particular order)
            known_last = self._last
            self._count.clear()
            self._extend(day)
            self._extend(known_last)
            return
        running = self._count[self._last]
        cursor = self._last
        while cursor < day:
            cursor += one
            running += int(self.calendar.is_working_day(cursor))
            self._count[cursor] = running
        self._last = day

    def between(self, arrival, result):
        """Working days after ``arrival`` up to ``result``: 0 the same day, 1 the next
        working day (a document that arrives on a day off counts from the next working
        day)."""
        if result <= arrival:
            return 0
        start = self.calendar.next_working_day(arrival)
        if result <= start:
            return 0
        low = self._index(start)  # first: an earlier day renumbers the running count
        return self._index(result) - low


def available_years(agency, today=None):
    """The years to choose from: this year and the four before it."""
    from plugins.eoffice.documents.services.common import today as office_today

    year = (today or office_today()).year
    return list(range(year, year - 5, -1))
