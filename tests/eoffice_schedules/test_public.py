"""The public work programme (R-SITE-5, R-EO-10): only the approved leaders' schedule of the
page's own agency, week navigation, today marked, changes after publication marked,
printable, at a constant number of queries."""

import datetime

import pytest
from django.utils import timezone

from plugins.eoffice.schedules import services
from plugins.eoffice.schedules.weeks import week_key

pytestmark = pytest.mark.django_db


def _get(client, page, **params):
    return client.get(page.url, params, HTTP_HOST="testserver")


def test_r_site_5_shows_only_approved_leaders_entries_of_its_agency(client, programme,
                                                                     make_entry, units, skh):
    make_entry("published", content="Giao ban đầu tuần đã duyệt")
    make_entry("submitted", content="Họp chờ duyệt")
    make_entry("draft", content="Dự thảo chưa gửi")
    make_entry("published", unit=units["investment"], content="Lịch riêng của phòng")
    make_entry("published", agency=skh, content="Lịch của Sở Kế hoạch")
    html = _get(client, programme).content.decode()
    assert "Giao ban đầu tuần đã duyệt" in html
    for hidden in ("Họp chờ duyệt", "Dự thảo chưa gửi", "Lịch riêng của phòng",
                   "Lịch của Sở Kế hoạch"):
        assert hidden not in html


def test_r_site_5_week_navigation_and_today(client, programme, make_entry, monday):
    make_entry("published", day=monday + datetime.timedelta(days=7),
               content="Họp rà soát dự án Long Giang")
    response = _get(client, programme)
    html = response.content.decode()
    assert "Họp rà soát dự án Long Giang" not in html
    assert 'aria-current="date"' in html and 'class="work-programme__today"' in html
    following = week_key(monday + datetime.timedelta(days=7))
    assert f'href="?week={following}"' in html
    html = _get(client, programme, week=following).content.decode()
    assert "Họp rà soát dự án Long Giang" in html and 'aria-current="date"' not in html
    assert f"{monday + datetime.timedelta(days=7):%d/%m/%Y}" in html


def test_r_site_5_bad_week_shows_this_week(client, programme):
    response = _get(client, programme, week="2026-W99")
    assert response.status_code == 200
    assert f"{timezone.localdate():%d/%m/%Y}" in response.content.decode()


def test_r_eo_10_changed_and_cancelled_entries_are_marked(client, programme, make_entry, staff):
    changed = make_entry("published", content="Làm việc với doanh nghiệp")
    cancelled = make_entry("published", content="Kiểm tra môi trường",
                           start_time=datetime.time(14, 0), end_time=datetime.time(16, 0))
    services.change_published(staff["clerk"], changed, "Dời sang 15:00",
                              start_time=datetime.time(15, 0), end_time=None)
    services.cancel_published(staff["director"], cancelled, "Hoãn")
    html = _get(client, programme).content.decode()
    assert "work-programme__entry--changed" in html and "Dời sang 15:00" in html
    assert "<del>Kiểm tra môi trường</del>" in html and "Hoãn" in html
    changed.refresh_from_db()
    assert f"{timezone.localtime(changed.changed_at):%H:%M %d/%m/%Y}" in html


def test_r_site_5_table_has_headers_and_print_styles(client, programme, make_entry):
    make_entry("published")
    html = _get(client, programme).content.decode()
    assert html.count('<th scope="col">') == 7 and '<th scope="rowgroup"' in html
    assert "<caption>" in html and "work_programme.css" in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("eoffice_schedules/work_programme.css"), encoding="utf-8").read()
    assert "@media print" in css


def test_r_site_5_published_plans_are_shown(client, programme, bql, staff):
    plan = services.create_plan(staff["clerk"], bql, period_kind="month",
                                year=timezone.localdate().year, period=1,
                                title="Kế hoạch công tác tháng 1", text="Giao ban định kỳ")
    draft = services.create_plan(staff["clerk"], bql, period_kind="year",
                                 year=timezone.localdate().year, title="Chương trình năm (dự thảo)")
    services.submit(staff["clerk"], plan)
    services.approve(staff["director"], plan)
    html = _get(client, programme).content.decode()
    assert "Kế hoạch công tác tháng 1" in html and draft.title not in html


def test_r_site_5_constant_queries(client, programme, make_entry, monday,
                                   django_assert_max_num_queries):
    make_entry("published")
    _get(client, programme)
    with django_assert_max_num_queries(12) as few:
        _get(client, programme)
    for day in range(5):
        for hour in (8, 14):
            make_entry("published", day=monday + datetime.timedelta(days=day),
                       start_time=datetime.time(hour, 0), end_time=None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _get(client, programme)
