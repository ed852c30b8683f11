"""The broken-link and yearly review reports (R-SITE-8; 002 Đ13: the site is checked and
kept working, and reviewed every year), per agency: its IT administrator and leaders."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from wagtail.models import Page

from plugins.core.models import Role, Unit
from plugins.site_health import inventory
from plugins.site_health.models import Link, LinkKind, LinkStatus
from tests.site_health.conftest import home_of
from tests.site_health.pages.models import PlainPage

LINKS = "/admin/bao-cao/lien-ket-hong/"
REVIEW = "/admin/bao-cao/ra-soat-hang-nam/"


@pytest.fixture
def people(sites, make_staff):
    bql, skh = sites
    it_unit = Unit.objects.get(agency=bql, name__startswith="Trung tâm")
    return {
        "it": make_staff("quantri", bql, Role.IT_ADMIN, unit=it_unit),
        "leader": make_staff("giamdoc", bql, Role.AGENCY_LEADER),
        "specialist": make_staff("chuyenvien", bql, Role.SPECIALIST),
        "other_it": make_staff("quantri-skh", skh, Role.IT_ADMIN),
    }


def _broken(agency, url, **fields):
    return Link.objects.create(agency=agency, url=url, kind=LinkKind.EXTERNAL,
                               status=LinkStatus.BROKEN, status_code=404,
                               last_checked_at=timezone.now(),
                               first_broken_at=timezone.now(), **fields)


def _rows(response):
    content = b"".join(response.streaming_content)
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_agency_it_administrator_sees_its_broken_links_where_they_appear(
        sites, people, add_page, client):
    """R-SITE-8: the IT administrator reads the broken links of the agency's site, with
    the pages they appear on; working links are listed only when asked for."""
    bql, skh = sites
    add_page(home_of(bql), "Tin tức", body='<a href="https://hong.example.org/">x</a>'
                                           '<a href="https://tot.example.org/">y</a>')
    add_page(home_of(skh), "Tin SKH", body='<a href="https://skh.example.org/">z</a>')
    inventory.collect(bql)
    inventory.collect(skh)
    Link.objects.filter(url__in=["https://hong.example.org/", "https://skh.example.org/"]
                        ).update(status=LinkStatus.BROKEN, status_code=404)
    Link.objects.filter(url="https://tot.example.org/").update(status=LinkStatus.OK)
    client.force_login(people["it"])

    response = client.get(LINKS)

    assert response.status_code == 200
    text = response.content.decode()
    assert "https://hong.example.org/" in text and "Tin tức" in text
    assert "https://tot.example.org/" not in text
    assert "skh.example.org" not in text and "Tin SKH" not in text
    every = client.get(LINKS, {"status": "all"}).content.decode()
    assert "https://tot.example.org/" in every and "skh.example.org" not in every


def test_the_broken_link_report_exports_its_rows(sites, people, add_page, client):
    """R-SITE-8: the report exports to a spreadsheet (CSV here; XLSX and ODS alike)."""
    bql, _ = sites
    add_page(home_of(bql), "Tin tức", body='<a href="https://hong.example.org/">x</a>')
    inventory.collect(bql)
    Link.objects.update(status=LinkStatus.BROKEN, status_code=404, message="Not Found")
    client.force_login(people["leader"])

    rows = _rows(client.get(LINKS, {"export": "csv"}))

    assert rows[1][:6] == ["Cơ quan BQL", "https://hong.example.org/", "Bên ngoài",
                           "Hỏng", "404", "Not Found"]
    assert rows[1][-1] == "Tin tức"
    for kind in ("xlsx", "ods"):
        assert client.get(LINKS, {"export": kind}).status_code == 200


@pytest.mark.parametrize("who", ["specialist", "anonymous"])
def test_others_of_the_agency_may_not_open_the_reports(sites, people, client, who):
    """R-SITE-8: only the IT administrator and leaders; a specialist is refused, and the
    menu does not offer the reports."""
    _broken(sites[0], "https://hong.example.org/")
    if who != "anonymous":
        client.force_login(people[who])
    for url in (LINKS, REVIEW):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"hong.example.org" not in response.content
    if who == "specialist":
        assert LINKS.encode() not in client.get("/admin/").content


def test_another_agency_sees_nothing_of_this_one(sites, people, client):
    """R-SITE-8: another agency's IT administrator sees neither the links, nor the pages,
    nor this agency in the filters."""
    bql, skh = sites
    _broken(bql, "https://hong.example.org/")
    client.force_login(people["other_it"])

    links = client.get(LINKS, {"status": "all", "agency": bql.pk}).content.decode()
    review = client.get(REVIEW).content.decode()

    assert "hong.example.org" not in links
    assert "Cơ quan BQL" not in links and "Cơ quan BQL" not in review
    assert "Trang chủ BQL" not in review


def _age(page, days):
    when = timezone.now() - datetime.timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(latest_revision_created_at=when,
                                           last_published_at=when, first_published_at=when)


def test_the_yearly_review_lists_pages_unchanged_for_a_year_with_their_unit(
        sites, people, add_page, client):
    """R-SITE-8 (002 Đ13.2): pages nobody changed for a year, each with the unit that
    answers for it: the page's own unit, else its owner's unit in the organisation."""
    bql, skh = sites
    office = Unit.objects.get(agency=bql, name="Văn phòng BQL")
    home = home_of(bql)
    own_unit = add_page(home, "Chức năng nhiệm vụ", unit=office)
    owners = add_page(home, "Lịch sử hình thành", model=PlainPage, owner=people["it"])
    fresh = add_page(home, "Tin mới", unit=office)
    foreign = add_page(home_of(skh), "Trang cũ SKH")
    for page in (own_unit, owners, foreign, home, home_of(skh)):
        _age(page, 400)
    _age(fresh, 100)
    client.force_login(people["leader"])

    text = client.get(REVIEW).content.decode()
    rows = _rows(client.get(REVIEW, {"export": "csv"}))

    assert "Chức năng nhiệm vụ" in text and "Lịch sử hình thành" in text
    assert "Tin mới" not in text and "Trang cũ SKH" not in text
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {"Trang chủ BQL", "Chức năng nhiệm vụ", "Lịch sử hình thành"}
    assert by_title["Chức năng nhiệm vụ"][2] == "Văn phòng BQL"
    assert by_title["Lịch sử hình thành"][2] == "Trung tâm Công nghệ thông tin BQL"
    assert int(by_title["Lịch sử hình thành"][5]) >= 399
    only_office = _rows(client.get(REVIEW, {"export": "csv", "unit": office.pk}))
    assert [row[0] for row in only_office[1:]] == ["Chức năng nhiệm vụ"]
    assert client.get(REVIEW, {"export": "xlsx"}).status_code == 200


def _many_links(agency, count, add_page):
    home = home_of(agency)
    for number in range(count):
        add_page(home, f"Trang {number}",
                 body=f'<a href="https://hong{number}.example.org/">x</a>')
    inventory.collect(agency)
    Link.objects.update(status=LinkStatus.BROKEN)


@pytest.mark.parametrize("count", [2, 12])
def test_the_reports_read_a_fixed_number_of_queries(sites, people, add_page, client, count,
                                                    django_assert_max_num_queries):
    """R-SITE-8: the same queries for 2 rows as for 12, on both reports."""
    bql, _ = sites
    _many_links(bql, count, add_page)
    for page in Page.objects.filter(depth__gt=1):
        _age(page, 400)
    client.force_login(people["it"])
    client.get(LINKS)  # the session and menus, read once
    with django_assert_max_num_queries(30):
        response = client.get(LINKS)
    assert response.content.decode().count(".example.org/") >= count
    with django_assert_max_num_queries(30):
        response = client.get(REVIEW)
    assert response.content.decode().count("Trang ") >= count


def test_a_link_on_many_pages_names_a_few_on_screen_and_all_in_the_export(
        sites, people, add_page, client):
    """R-SITE-8: the table stays readable; the spreadsheet names every page to fix."""
    bql, _ = sites
    for number in range(5):
        add_page(home_of(bql), f"Trang {number}", body='<a href="https://hong.example.org/">x</a>')
    inventory.collect(bql)
    Link.objects.update(status=LinkStatus.BROKEN)
    client.force_login(people["it"])

    text = client.get(LINKS).content.decode()
    rows = _rows(client.get(LINKS, {"export": "csv"}))

    assert "Trang 0; Trang 1; Trang 2 và 2 nơi khác" in text
    assert rows[1][-1] == "Trang 0; Trang 1; Trang 2; Trang 3; Trang 4"
