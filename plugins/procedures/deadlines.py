"""The expected result date a citizen can work out on a procedure's page (R-PR-2).

The processing time of the chosen submission channel is counted with the agency's working
calendar (core.calendar): working days skip weekends, public holidays and the agency's
declared days off; calendar days run straight on, but a period that ends on a day off
ends on the next working day (Civil Code 2015, Art. 148(5)); working hours follow the
agency's office hours. A fractional number of working days is counted in office hours.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.core.calendar import OFFICE_TZ, WorkingCalendar
from plugins.procedures.choices import TimeUnit

MIN_DATE = datetime.date(2000, 1, 1)
MAX_DATE = datetime.date(2099, 12, 31)
MAX_DAYS = 730  # no procedure takes longer; bounds the work of one request


class ExpectedDateForm(forms.Form):
    submitted = forms.DateField(
        label=_("Dossier submitted on"), widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text=_("The day the complete dossier is received."),
    )
    time = forms.TimeField(label=_("Time of submission"), required=False,
                           widget=forms.TimeInput(attrs={"type": "time"}))
    option = forms.TypedChoiceField(label=_("Submission channel"), coerce=int, required=False)

    def __init__(self, data, options):
        super().__init__(data)
        self.options = [option for option in options if option.value is not None]
        self.fields["option"].choices = [(option.index, str(option)) for option in self.options]
        self.initial["submitted"] = timezone.localdate().isoformat()

    def clean_submitted(self):
        day = self.cleaned_data["submitted"]
        if not MIN_DATE <= day <= MAX_DATE:
            raise forms.ValidationError(_("Choose a date between %(start)s and %(end)s.") % {
                "start": MIN_DATE.strftime("%d/%m/%Y"), "end": MAX_DATE.strftime("%d/%m/%Y"),
            })
        return day

    def chosen_option(self):
        wanted = self.cleaned_data.get("option")
        for option in self.options:
            if option.index == wanted:
                return option
        return self.options[0] if self.options else None


@dataclass
class ExpectedResult:
    option: object
    submitted: datetime.date
    due_date: datetime.date
    due_time: datetime.time | None = None  # for processing times in hours
    holidays: list = field(default_factory=list)  # [(date, name)] skipped, not weekends
    weekend_days: int = 0
    moved_from: datetime.date | None = None  # calendar days ending on a day off

    @property
    def skipped_count(self):
        return self.weekend_days + len(self.holidays)


def _office_day(agency):
    hours = agency.office_hours if agency is not None else None
    if hours is None:
        from plugins.core.calendar import DEFAULT_OFFICE_HOURS

        hours = DEFAULT_OFFICE_HOURS
    total = datetime.timedelta(0)
    for start, end in hours:
        total += (datetime.datetime.combine(datetime.date.min, end)
                  - datetime.datetime.combine(datetime.date.min, start))
    return total, hours[0][0]


def _working_hours(calendar, agency, submitted, when, hours):
    _, opening = _office_day(agency)
    moment = datetime.datetime.combine(submitted, when or opening, tzinfo=OFFICE_TZ)
    return calendar.add_working_hours(moment, hours)


def expected_result(agency, option, submitted, when=None):
    """The :class:`ExpectedResult` of ``option`` for a dossier received on ``submitted``."""
    calendar = WorkingCalendar(agency)
    value = Decimal(option.value)
    if value > MAX_DAYS * (8 if option.unit == TimeUnit.HOURS else 1):
        raise ValueError("processing time out of range")
    due_time, moved_from = None, None
    if option.unit == TimeUnit.DAYS:
        due = submitted + datetime.timedelta(days=int(value.to_integral_value("ROUND_CEILING")))
        if not calendar.is_working_day(due):
            moved_from, due = due, calendar.next_working_day(due)
        skipped = calendar.days_off(moved_from, due) if moved_from else []
    else:
        if option.unit == TimeUnit.HOURS:
            hours = value
        elif value == value.to_integral_value():
            hours = None
        else:  # half a working day and the like: counted in office hours
            day_length = _office_day(agency)[0]
            hours = value * Decimal(day_length.total_seconds()) / 3600
        if hours is None:
            due = calendar.add_working_days(submitted, int(value))
        else:
            moment = _working_hours(calendar, agency, submitted, when, hours)
            due, due_time = moment.date(), moment.time()
        skipped = calendar.days_off(submitted, due)
    weekday_names = {day: reason for day, reason in skipped if _is_plain_weekend(day, reason)}
    return ExpectedResult(
        option=option, submitted=submitted, due_date=due, due_time=due_time,
        holidays=[(day, reason) for day, reason in skipped if day not in weekday_names],
        weekend_days=len(weekday_names), moved_from=moved_from,
    )


def _is_plain_weekend(day, reason):
    from django.utils.dates import WEEKDAYS

    return day.weekday() >= 5 and reason == str(WEEKDAYS[day.weekday()])


def vietnamese_date(day):
    """``Thứ 4, 18/03/2026``: the weekday, then the date as Vietnamese write it."""
    from django.utils.dates import WEEKDAYS

    return f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}"
