"""The list of statistics pages: field and year facets through the core listing, search
without accents through the core search, only this agency's live public pages, a constant
number of queries (seed 002 Đ3.11; seed 001 Đ3.3 "search, export"; R-ORG-3; R-SEC-2;
R-ED-16)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.stats_pages.conftest import make_index

pytestmark = pytest.mark.django_db

LIST = "/thong-ke/"
LAND = (["Tuyến đường", "Vị trí 1"], [("Ấp Bắc", "18.000"), ("Lê Lợi", "20.000")])


def _titles(client, url=LIST, host="testserver", **params):
    response = client.get(url, params, HTTP_HOST=host)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split())
            for a in soup.select(".statistics-row .statistics-title a")], soup


@pytest.fixture
def listed(make_page):
    make_page("Bảng giá đất ở thành phố Mỹ Tho", table=LAND, topic="land", year=2025)
    make_page("Chỉ số PCI tỉnh Tiền Giang", topic="investment", year=2024)
    make_page("Diện tích đất nông nghiệp", table=LAND, topic="land", year=2023,
              summary="Thống kê, kiểm kê đất đai")


def test_the_list_shows_the_live_pages_newest_figures_first(client, listed, make_page):
    """Seed 002 Đ3.11: a draft is never listed."""
    make_page("Bản nháp giá đất", publish=False, topic="land", year=2026)
    titles, soup = _titles(client)
    assert titles == ["Bảng giá đất ở thành phố Mỹ Tho", "Chỉ số PCI tỉnh Tiền Giang",
                      "Diện tích đất nông nghiệp"]
    assert soup.select_one("form[role=search]")
    assert soup.select_one("#results-title").get_text(strip=True) == "3 bảng số liệu"


def test_search_without_accents_finds_the_land_prices(client, listed):
    """A citizen types "gia dat" without accents; a row label (a street) is found too."""
    titles, soup = _titles(client, q="gia dat")
    assert titles == ["Bảng giá đất ở thành phố Mỹ Tho"]
    assert soup.select_one(".statistics-title mark")
    assert sorted(_titles(client, q="ap bac")[0]) == ["Bảng giá đất ở thành phố Mỹ Tho",
                                                      "Diện tích đất nông nghiệp"]
    assert _titles(client, q="kiem ke dat dai")[0] == ["Diện tích đất nông nghiệp"]


def test_facets_by_field_and_year(client, listed):
    titles, soup = _titles(client, topic="land")
    assert titles == ["Bảng giá đất ở thành phố Mỹ Tho", "Diện tích đất nông nghiệp"]
    years = [label.get_text(" ", strip=True)
             for label in soup.select("fieldset.facet-year label")]
    assert years == ["2025 (1)", "2023 (1)"]
    fields = [label.get_text(" ", strip=True)
              for label in soup.select("fieldset.facet-topic label")]
    assert fields[0] == "Đất đai và giá đất (2)"
    assert _titles(client, topic="land", year="2023")[0] == ["Diện tích đất nông nghiệp"]
    titles, soup = _titles(client, year="20x5", topic="galaxy")
    assert len(titles) == 3 and soup.select_one(".notice")


def test_private_pages_are_not_listed_nor_found(client, listed, make_page):
    """R-SEC-2: a page behind a password is not in the public list."""
    page = make_page("Số liệu nội bộ giá đất", slug="noi-bo", topic="land", year=2025)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    page.save_revision().publish()  # re-indexed with its restriction
    assert "Số liệu nội bộ giá đất" not in _titles(client, q="noi bo")[0]
    assert "Số liệu nội bộ giá đất" not in _titles(client)[0]


def test_another_agency_never_sees_these_pages(client, listed, make_agency, make_page):
    """R-ORG-3: each agency's list shows its own statistics."""
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", hostname="skh.test",
                        own_home=True)
    make_page("Chỉ số PCI tỉnh Lào Cai", into=make_index(other), year=2024)
    assert "Chỉ số PCI tỉnh Lào Cai" not in _titles(client)[0]
    assert _titles(client, host="skh.test")[0] == ["Chỉ số PCI tỉnh Lào Cai"]


def test_list_uses_a_constant_number_of_queries(client, make_page,
                                                django_assert_max_num_queries):
    """Every list stays at a fixed number of SQL queries whatever its length."""
    for i in range(2):
        make_page(f"Giá đất khu vực {i}", table=LAND, topic="land", year=2020 + i)
    client.get(LIST)  # warm the site and content type caches
    with django_assert_max_num_queries(40) as small:
        client.get(LIST, {"q": "gia dat"})
    count = len(small.captured_queries)  # now: the log of queries keeps the last 9000 only
    for i in range(2, 14):
        make_page(f"Giá đất khu vực {i}", table=LAND, topic="land", year=2010 + i)
    client.get(LIST)  # the search reloads its snapshot of the index once after a change
    with django_assert_max_num_queries(count):
        response = client.get(LIST, {"q": "gia dat"})
    assert response.content.decode().count('class="statistics-row') == 14


def test_the_page_uses_a_constant_number_of_queries(client, make_page,
                                                    django_assert_max_num_queries):
    """A page of two rows or of three hundred costs the same queries."""
    small = make_page("Ít dòng", table=LAND)
    many = make_page("Nhiều dòng", table=(["Thửa", "Giá"],
                                          [(f"Thửa {i}", str(i)) for i in range(300)]))
    client.get(small.url)
    with django_assert_max_num_queries(30) as few:
        client.get(small.url)
    count = len(few.captured_queries)
    with django_assert_max_num_queries(count):
        response = client.get(many.url)
    assert response.content.decode().count("<th scope=\"row\">Thửa ") == 300


def test_each_language_lists_its_own_pages(client, agency, index_page, listed, translate):
    """R-ED-16: the English list shows the English versions only."""
    from plugins.stats_pages.models import StatisticsPage

    translate(agency.site.root_page.specific, title="Home")
    translate(index_page, title="Statistics and indices", slug="statistics")
    land = StatisticsPage.objects.get(title="Bảng giá đất ở thành phố Mỹ Tho")
    translate(land, title="Residential land prices in My Tho", slug="land-prices")
    assert _titles(client, "/en/statistics/")[0] == ["Residential land prices in My Tho"]
    assert _titles(client, "/en/statistics/", q="my tho")[0] == [
        "Residential land prices in My Tho"]
    assert "Residential land prices in My Tho" not in _titles(client)[0]
