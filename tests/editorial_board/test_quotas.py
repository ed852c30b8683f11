"""Quotas per unit and site, dashboard panel, report and monthly report (R-ED-7, R-ED-9)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import Page

from plugins.editorial_board.models import ContentKind, EditorialRecord
from plugins.editorial_board.moderation import monthly, quotas

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def publish(news, agency):
    """Record a first publication of an item of ``unit`` at ``when`` (no workflow needed)."""

    def make(unit, when, kind=ContentKind.NEWS):
        page = news.add_child(instance=Page(title=f"Tin {Page.objects.count()}",
                                            slug=f"tin-{Page.objects.count()}"))
        EditorialRecord.objects.create(page=page, agency=agency, unit=unit, kind=kind,
                                       published_at=when)
        return page

    return make


def test_units_by_month(publish, units, agency):
    """R-ED-7: at least 2 published items per unit per month; one grouped query."""
    publish(units.business, datetime.datetime(2026, 3, 2, 9, tzinfo=TZ))
    publish(units.business, datetime.datetime(2026, 3, 20, 9, tzinfo=TZ))
    publish(units.office, datetime.datetime(2026, 3, 5, 9, tzinfo=TZ))
    publish(units.office, datetime.datetime(2026, 4, 1, 0, 30, tzinfo=TZ))  # April, local time
    months, rows = quotas.unit_matrix(agency, datetime.date(2026, 3, 1), datetime.date(2026, 4, 1))
    by_unit = {row.unit.name: row for row in rows}
    assert by_unit["Phòng Quản lý doanh nghiệp"].counts == [2, 0]
    assert by_unit["Văn phòng"].counts == [1, 1]
    assert by_unit["Phòng Quản lý doanh nghiệp"].months_met == 1
    assert "Lãnh đạo Ban" not in by_unit  # the leadership does not supply


def test_working_days_without_publication(publish, units, agency):
    """R-ED-7 (seed 002 Đ11.1): the board updates the site every working day."""
    publish(units.office, datetime.datetime(2026, 3, 2, 9, tzinfo=TZ))
    site = quotas.site_month(agency, datetime.date(2026, 3, 1), datetime.date(2026, 3, 6))
    assert site.working_days == 5 and site.published == 1 and site.news == 1
    assert site.days_without == [datetime.date(2026, 3, day) for day in (3, 4, 5, 6)]
    assert not site.news_met


@pytest.mark.parametrize("items", [2, 12])
def test_dashboard_and_report_in_constant_queries(publish, units, staff, client,
                                                   django_assert_max_num_queries, items):
    """The dashboard panel and the report cost the same queries for 2 or 12 items."""
    with time_machine.travel(datetime.datetime(2026, 3, 25, 9, tzinfo=TZ), tick=False):
        for index in range(items):
            publish([units.office, units.business, units.investment][index % 3],
                    datetime.datetime(2026, 3, 1 + index, 9, tzinfo=TZ))
        client.force_login(staff.member)
        client.get(reverse("wagtailadmin_home"))
        with django_assert_max_num_queries(70):
            html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Phòng Quản lý doanh nghiệp" in html and "editorial-quota" in html
        with django_assert_max_num_queries(30):
            html = client.get(reverse("editorial_board:quotas")).content.decode()
        assert "Phòng Quản lý đầu tư" in html
        xlsx = client.get(reverse("editorial_board:quotas"), {"export": "ods", "period": "h1",
                                                        "year": "2026"})
        assert xlsx["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"


def test_another_agency_sees_none_of_our_figures(publish, units, make_agency, make_staff, client):
    from plugins.core.models import Role

    other = make_agency("SKH", own_home=True)
    director = make_staff("giamdoc", other, Role.AGENCY_LEADER)
    client.force_login(director)
    html = client.get(reverse("editorial_board:quotas")).content.decode()
    assert "Phòng Quản lý doanh nghiệp" not in html


def test_monthly_report_on_the_first_working_day(publish, units, board, staff, delivered):
    """R-ED-9: 1/3/2026 is a Sunday: the report for February goes out on Monday 2/3, once."""
    publish(units.business, datetime.datetime(2026, 2, 10, 9, tzinfo=TZ))
    delivered().clear()
    assert monthly.send_monthly_reports(today=datetime.date(2026, 3, 1)) == 0
    assert monthly.send_monthly_reports(today=datetime.date(2026, 3, 2)) == 4
    assert "Phòng Quản lý doanh nghiệp: 1/2" in delivered()[0].body
    assert monthly.send_monthly_reports(today=datetime.date(2026, 3, 2)) == 0
