"""The expected result date on a procedure's page, counted with the working calendar
(R-PR-2 processing time; R-ORG-4 weekends, holidays, declared days)."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from plugins.core.models import DayKind, DayOverride
from plugins.procedures.deadlines import expected_result, vietnamese_date
from plugins.procedures.models import TimeOption

pytestmark = pytest.mark.django_db
D = datetime.date


def option(value, unit):
    return TimeOption(index=0, channel=1, value=Decimal(value), unit=unit, description="",
                      fees=[])


def test_working_days_skip_weekends_and_public_holidays(agency):
    """15 working days from Monday 20/04/2026 skip Hùng Kings (Sunday 26/04, observed on
    27/04), 30/04, 01/05 and the other weekend days: due on Thursday 14/05/2026."""
    with translation.override("vi"):
        result = expected_result(agency, option(15, "working_days"), D(2026, 4, 20))
    assert result.due_date == D(2026, 5, 14)
    assert [day for day, _ in result.holidays] == [
        D(2026, 4, 26), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1)]
    assert "Hùng Vương" in result.holidays[0][1] and "nghỉ bù" in result.holidays[1][1]
    assert result.weekend_days == 5
    assert vietnamese_date(result.due_date) == "Thứ 5, 14/05/2026"


def test_a_day_the_agency_declares_off_is_skipped_with_its_reason(agency):
    DayOverride.objects.create(agency=agency, date=D(2026, 3, 10), kind=DayKind.OFF,
                               reason="Nghỉ bù ngày làm việc thứ Bảy")
    result = expected_result(agency, option(5, "working_days"), D(2026, 3, 9))
    assert result.due_date == D(2026, 3, 17)
    assert result.holidays == [(D(2026, 3, 10), "Nghỉ bù ngày làm việc thứ Bảy")]


def test_calendar_days_ending_on_a_day_off_end_on_the_next_working_day(agency):
    """Civil Code Art. 148(5): 15 days from Friday 06/03/2026 end on Saturday 21/03, so the
    result is due on Monday 23/03."""
    result = expected_result(agency, option(15, "days"), D(2026, 3, 6))
    assert result.due_date == D(2026, 3, 23)
    assert result.moved_from == D(2026, 3, 21)
    plain = expected_result(agency, option(35, "days"), D(2026, 3, 3))
    assert plain.due_date == D(2026, 4, 7) and plain.moved_from is None


def test_working_hours_follow_office_hours(agency):
    """8 working hours from Friday 15:00: 2 h on Friday, 6 h on Monday → Monday 15:00."""
    result = expected_result(agency, option(8, "hours"), D(2026, 3, 6), datetime.time(15, 0))
    assert (result.due_date, result.due_time) == (D(2026, 3, 9), datetime.time(15, 0))
    assert result.weekend_days == 2


def test_half_a_working_day_is_counted_in_office_hours(agency):
    result = expected_result(agency, option("0.5", "working_days"), D(2026, 3, 6))
    assert (result.due_date, result.due_time) == (D(2026, 3, 6), datetime.time(11, 30))


def test_the_page_works_out_the_date_from_a_get_form_without_javascript(client,
                                                                       make_procedure):
    """R-PR-2: a citizen types the submission date; the page answers in Vietnamese format
    and says which days were not counted."""
    page = make_procedure("2.000205", "Cấp giấy phép lao động", channels=[
        {"channel": 1, "times": [{"value": 15, "unit": "working_days", "description": "",
                                  "fees": []}]},
        {"channel": 2, "times": [{"value": 3, "unit": "working_days", "description": "",
                                  "fees": []}]}])
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    form = soup.select_one("form.expected-form")
    assert form["method"] == "get" and form.select_one("input[name=submitted][type=date]")
    assert len(form.select("select[name=option] option")) == 2
    assert not soup.select_one(".expected-result")

    response = client.get(page.url, {"submitted": "2026-04-20", "option": "0"})
    result = BeautifulSoup(response.content, "html.parser").select_one(".expected-result")
    text = result.get_text(" ", strip=True)
    assert "Thứ 5, 14/05/2026" in result.select_one(".due strong").text
    assert "27/04/2026" in text and "30/04/2026" in text and "01/05/2026" in text
    assert "Hùng Vương" in text

    response = client.get(page.url, {"submitted": "20/04/2026", "option": "1"})
    result = BeautifulSoup(response.content, "html.parser").select_one(".expected-result")
    assert "Thứ 5, 23/04/2026" in result.text


@pytest.mark.parametrize("submitted", ["2026-02-31", "hôm nay", "1900-01-01", ""])
def test_a_bad_date_gets_a_message_not_an_error(client, make_procedure, submitted):
    page = make_procedure("1.009653", "Cấp lại Giấy chứng nhận")
    response = client.get(page.url, {"submitted": submitted})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".expected-date .notice[role=alert]")
    assert not soup.select_one(".expected-result")
