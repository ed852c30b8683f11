"""The working-day calendar and deadlines in working time (R-ORG-4)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import holidays
import pytest

from plugins.core.calendar import (
    WorkingCalendar,
    add_working_days,
    add_working_hours,
    is_working_day,
    working_time_between,
)
from plugins.core.models import Agency, DayKind, DayOverride

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
UTC = datetime.UTC
D = datetime.date


def at(*args):
    """An aware datetime in Vietnamese time."""
    return datetime.datetime(*args, tzinfo=VN)


def hours(h):
    return datetime.timedelta(hours=h)


@pytest.fixture
def agency():
    return Agency.objects.create(name="Ban Quản lý các Khu công nghiệp Tiền Giang", symbol="BQL")


@pytest.fixture
def other_agency():
    return Agency.objects.create(name="Sở Kế hoạch và Đầu tư tỉnh Lào Cai", symbol="SKH")


def declare(day, kind, agency=None, reason="Test"):
    return DayOverride.objects.create(agency=agency, date=day, kind=kind, reason=reason)


# Working days


def test_weekends_are_off(agency):
    """R-ORG-4: Saturday and Sunday are days off, Monday to Friday working days."""
    for who in (agency, None):
        assert is_working_day(who, D(2026, 3, 6))  # Friday
        assert not is_working_day(who, D(2026, 3, 7))  # Saturday
        assert not is_working_day(who, D(2026, 3, 8))  # Sunday
        assert is_working_day(who, D(2026, 3, 9))  # Monday


def test_tet_2026_break(agency):
    """R-ORG-4: the 2026 Tết break runs from Sat 14 to Sun 22 Feb; work resumes Mon 23 Feb.

    The lunar new year is Tue 17 Feb 2026. ``holidays`` already gives Mon 16 to Fri 20 Feb,
    so with the two weekends the whole break is covered without any declared day.
    """
    national = holidays.country_holidays("VN", years=2026)
    assert {D(2026, 2, day) for day in range(16, 21)} <= set(national)
    assert not DayOverride.objects.exists()

    assert is_working_day(agency, D(2026, 2, 13))
    for day in range(14, 23):
        assert not is_working_day(agency, D(2026, 2, day)), day
        assert not is_working_day(None, D(2026, 2, day)), day
    assert is_working_day(agency, D(2026, 2, 23))
    assert add_working_days(agency, D(2026, 2, 13), 1) == D(2026, 2, 23)


def test_hung_kings_and_spring_holidays_2026(agency):
    """R-ORG-4: Hùng Kings day 2026 (10/3 lunar) is Sun 26 Apr, observed on Mon 27 Apr;
    30/4 and 1/5 are off too."""
    assert not is_working_day(agency, D(2026, 4, 26))
    assert not is_working_day(agency, D(2026, 4, 27))
    assert is_working_day(agency, D(2026, 4, 28))
    assert is_working_day(agency, D(2026, 4, 29))
    assert not is_working_day(agency, D(2026, 4, 30))
    assert not is_working_day(agency, D(2026, 5, 1))
    assert add_working_days(agency, D(2026, 4, 24), 1) == D(2026, 4, 28)
    assert add_working_days(agency, D(2026, 4, 29), 1) == D(2026, 5, 4)


def test_national_day_and_the_saturday_swapped_for_it(agency):
    """R-ORG-4: the package's substituted day off (Mon 31 Aug 2026) is off and the Saturday
    worked in exchange (Sat 22 Aug 2026) is a working day; 2/9 is off."""
    assert is_working_day(agency, D(2026, 8, 22))
    assert not is_working_day(agency, D(2026, 8, 31))
    assert not is_working_day(agency, D(2026, 9, 1))
    assert not is_working_day(agency, D(2026, 9, 2))
    assert is_working_day(agency, D(2026, 9, 3))


def test_declared_days_national_and_agency(agency, other_agency):
    """R-ORG-4: a Saturday declared working counts; the agency's own declaration beats a
    national one; ``agency=None`` is the national calendar and ignores agency declarations."""
    saturday, friday = D(2026, 3, 14), D(2026, 3, 13)
    declare(saturday, DayKind.WORKING, reason="Làm bù")
    declare(friday, DayKind.OFF, reason="Nghỉ bù")
    for who in (agency, other_agency, None):
        assert is_working_day(who, saturday)
        assert not is_working_day(who, friday)

    declare(saturday, DayKind.OFF, agency=agency, reason="Cơ quan nghỉ")
    declare(friday, DayKind.WORKING, agency=agency, reason="Cơ quan trực")
    assert not is_working_day(agency, saturday)
    assert is_working_day(agency, friday)
    assert is_working_day(other_agency, saturday)
    assert not is_working_day(other_agency, friday)
    assert is_working_day(None, saturday)
    assert not is_working_day(None, friday)


def test_agency_days_off_and_working_holidays(agency):
    """R-ORG-4: an agency may declare an extra day off and work on a public holiday."""
    declare(D(2026, 3, 10), DayKind.OFF, agency=agency, reason="Ngày truyền thống")
    declare(D(2026, 9, 2), DayKind.WORKING, agency=agency, reason="Trực lễ")
    assert not is_working_day(agency, D(2026, 3, 10))
    assert is_working_day(None, D(2026, 3, 10))
    assert is_working_day(agency, D(2026, 9, 2))
    assert not is_working_day(None, D(2026, 9, 2))


# Counting working days


def test_add_working_days_across_tet_and_weekend(agency):
    """R-ORG-4: "within 3 working days" of Thu 12 Feb 2026 counts Fri 13, Mon 23, Tue 24 Feb."""
    assert add_working_days(agency, D(2026, 2, 12), 3) == D(2026, 2, 24)
    assert add_working_days(agency, D(2026, 2, 11), 5) == D(2026, 2, 25)
    # Across an ordinary weekend.
    assert add_working_days(agency, D(2026, 3, 5), 2) == D(2026, 3, 9)


def test_add_working_days_conventions(agency):
    """R-ORG-4: the day of receipt is not counted; a receipt on a day off counts as received
    on the next working day; n == 0 gives the receipt day, or the next working day."""
    assert add_working_days(agency, D(2026, 3, 9), 0) == D(2026, 3, 9)
    assert add_working_days(agency, D(2026, 3, 7), 0) == D(2026, 3, 9)
    assert add_working_days(agency, D(2026, 2, 14), 0) == D(2026, 2, 23)
    assert add_working_days(agency, D(2026, 3, 9), 1) == D(2026, 3, 10)
    assert add_working_days(agency, D(2026, 3, 7), 1) == D(2026, 3, 10)  # Saturday → Tuesday
    with pytest.raises(ValueError, match="counting back"):
        add_working_days(agency, D(2026, 3, 9), -1)


def test_declared_days_shift_deadlines(agency):
    """R-ORG-4: a declared working Saturday and a declared day off move the deadline."""
    declare(D(2026, 3, 7), DayKind.WORKING, reason="Làm bù")
    assert add_working_days(agency, D(2026, 3, 6), 1) == D(2026, 3, 7)
    declare(D(2026, 3, 7), DayKind.OFF, agency=agency, reason="Cơ quan nghỉ")
    declare(D(2026, 3, 9), DayKind.OFF, agency=agency, reason="Cơ quan nghỉ")
    assert add_working_days(agency, D(2026, 3, 6), 1) == D(2026, 3, 10)
    assert add_working_days(None, D(2026, 3, 6), 1) == D(2026, 3, 7)


def test_long_spans_take_a_bounded_number_of_queries(agency, django_assert_max_num_queries):
    """R-ORG-4: 200 working days, even across a new year, cost a couple of queries."""
    declare(D(2026, 12, 31), DayKind.OFF, agency=agency)
    with django_assert_max_num_queries(2):
        start = add_working_days(agency, D(2026, 1, 5), 200)
    assert D(2026, 10, 1) < start < D(2026, 12, 1)
    with django_assert_max_num_queries(2):
        add_working_days(agency, D(2026, 9, 1), 200)
    with django_assert_max_num_queries(3):
        working_time_between(agency, at(2026, 1, 1, 0, 0), at(2028, 12, 31, 0, 0))
    calendar = WorkingCalendar(agency)
    calendar.add_working_days(D(2026, 1, 5), 200)
    with django_assert_max_num_queries(0):
        calendar.add_working_days(D(2026, 2, 1), 100)


# Working hours


def test_add_working_hours_over_a_weekend(agency):
    """R-ORG-4: 8 working hours from Fri 15:00 end on Mon 15:00 (2 h + 4 h + 2 h)."""
    assert add_working_hours(agency, at(2026, 3, 6, 15, 0), 8) == at(2026, 3, 9, 15, 0)
    assert add_working_hours(agency, at(2026, 3, 6, 15, 0), 2) == at(2026, 3, 6, 17, 0)
    assert add_working_hours(agency, at(2026, 3, 6, 16, 30), 1) == at(2026, 3, 9, 8, 0)


def test_add_working_hours_outside_office_hours(agency):
    """R-ORG-4: from lunch time, before or after office hours, counting starts at the next
    office interval."""
    monday = (2026, 3, 9)
    assert add_working_hours(agency, at(*monday, 12, 0), 2) == at(*monday, 15, 0)
    assert add_working_hours(agency, at(*monday, 6, 0), 1) == at(*monday, 8, 30)
    assert add_working_hours(agency, at(*monday, 10, 0), 4) == at(*monday, 15, 30)
    assert add_working_hours(agency, at(2026, 3, 6, 18, 0), 1) == at(*monday, 8, 30)
    assert add_working_hours(agency, at(2026, 3, 7, 9, 0), 1) == at(*monday, 8, 30)
    assert add_working_hours(agency, at(*monday, 12, 0), 0) == at(*monday, 13, 0)
    # Across Tết: Fri 13 Feb 16:30 plus 1 h is Mon 23 Feb 8:00.
    assert add_working_hours(agency, at(2026, 2, 13, 16, 30), 1) == at(2026, 2, 23, 8, 0)


def test_add_working_hours_accepts_decimal_and_timedelta(agency):
    """R-ORG-4: durations may be given as Decimal hours or a timedelta."""
    start = at(2026, 3, 9, 8, 0)
    assert add_working_hours(agency, start, Decimal("1.5")) == at(2026, 3, 9, 9, 30)
    assert add_working_hours(agency, start, hours(1.5)) == at(2026, 3, 9, 9, 30)
    assert add_working_hours(agency, start, 0.25) == at(2026, 3, 9, 8, 15)


def test_agency_specific_office_hours():
    """R-ORG-4: office hours vary by province, e.g. 7:00–11:30 and 13:30–17:00."""
    lao_cai = Agency.objects.create(
        name="Sở Kế hoạch và Đầu tư tỉnh Lào Cai",
        symbol="SKH",
        morning_start=datetime.time(7, 0),
        afternoon_start=datetime.time(13, 30),
    )
    monday = (2026, 3, 9)
    assert add_working_hours(lao_cai, at(*monday, 10, 0), 4) == at(*monday, 16, 0)
    assert add_working_hours(lao_cai, at(*monday, 6, 0), 1) == at(*monday, 8, 0)
    assert add_working_hours(lao_cai, at(*monday, 12, 0), 1) == at(*monday, 14, 30)
    # 2 h on Friday + 4.5 h on Monday morning + 1.5 h from 13:30.
    assert add_working_hours(lao_cai, at(2026, 3, 6, 15, 0), 8) == at(*monday, 15, 0)
    assert working_time_between(lao_cai, at(*monday, 0, 0), at(*monday, 23, 0)) == hours(8)
    # The national default hours for agency=None.
    assert add_working_hours(None, at(*monday, 10, 0), 4) == at(*monday, 15, 30)


def test_results_are_vietnamese_time_and_match_in_utc(agency):
    """R-ORG-4: results are aware datetimes in Asia/Ho_Chi_Minh; a UTC input gives the
    same instant."""
    utc_start = datetime.datetime(2026, 3, 6, 8, 0, tzinfo=UTC)  # Fri 15:00 in Vietnam
    result = add_working_hours(agency, utc_start, 8)
    assert result.tzinfo == VN
    assert result.astimezone(UTC) == datetime.datetime(2026, 3, 9, 8, 0, tzinfo=UTC)
    assert result == at(2026, 3, 9, 15, 0)
    assert add_working_hours(agency, at(2026, 3, 6, 15, 0), 8) == result


def test_naive_datetimes_are_refused(agency):
    """R-ORG-4: a naive datetime has no defined office time."""
    with pytest.raises(ValueError, match="aware"):
        add_working_hours(agency, datetime.datetime(2026, 3, 9, 8, 0), 1)
    with pytest.raises(ValueError, match="aware"):
        working_time_between(agency, datetime.datetime(2026, 3, 9, 8, 0), at(2026, 3, 9, 9, 0))
    with pytest.raises(ValueError):
        add_working_hours(agency, at(2026, 3, 9, 8, 0), -1)


def test_working_time_between(agency):
    """R-ORG-4: office time between two moments skips weekends, lunch and holidays."""
    # Fri 16:00–17:00, Mon 7:30–11:30, Mon 13:00–14:00.
    assert working_time_between(agency, at(2026, 3, 6, 16, 0), at(2026, 3, 9, 14, 0)) == hours(6)
    # Lunch break: 11:00–11:30 and 13:00–13:30.
    assert working_time_between(agency, at(2026, 3, 9, 11, 0), at(2026, 3, 9, 13, 30)) == hours(1)
    assert working_time_between(agency, at(2026, 3, 9, 12, 0), at(2026, 3, 9, 12, 30)) == hours(0)
    # A whole week, and the Tết week.
    assert working_time_between(agency, at(2026, 3, 9, 0, 0), at(2026, 3, 16, 0, 0)) == hours(40)
    assert working_time_between(agency, at(2026, 2, 14, 0, 0), at(2026, 2, 23, 0, 0)) == hours(0)
    # Nothing when the end is not after the start.
    assert working_time_between(agency, at(2026, 3, 9, 9, 0), at(2026, 3, 9, 8, 0)) == hours(0)
    assert working_time_between(agency, at(2026, 3, 9, 9, 0), at(2026, 3, 9, 9, 0)) == hours(0)


def test_working_hours_round_trip(agency):
    """R-ORG-4: the office time up to a working-hours deadline is the duration asked for."""
    start = at(2026, 2, 12, 14, 15)
    for h in (0.5, 3, 8, 16, 40):
        deadline = add_working_hours(agency, start, h)
        assert working_time_between(agency, start, deadline) == hours(h)


def test_days_off_name_the_holidays_declared_days_and_weekends(agency):
    """R-ORG-4: what a deadline skipped, as a citizen is told (holiday names, reasons)."""
    from django.utils import translation

    from plugins.core.calendar import days_off

    declare(D(2026, 5, 4), DayKind.OFF, agency, reason="Nghỉ bù")
    with translation.override("vi"):
        found = days_off(agency, D(2026, 4, 29), D(2026, 5, 5))
    assert [day for day, _ in found] == [D(2026, 4, 30), D(2026, 5, 1), D(2026, 5, 2),
                                         D(2026, 5, 3), D(2026, 5, 4)]
    reasons = dict(found)
    assert reasons[D(2026, 4, 30)] == "Ngày Chiến thắng"
    assert reasons[D(2026, 5, 2)] == "Thứ 7" and reasons[D(2026, 5, 4)] == "Nghỉ bù"
    with translation.override("en"):
        assert dict(days_off(None, D(2026, 5, 1), D(2026, 5, 1)))[D(2026, 5, 1)] == \
            "International Labor Day"
    assert days_off(agency, D(2026, 5, 5), D(2026, 5, 4)) == []
