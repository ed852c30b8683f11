"""The list of consultations (R-SITE-6): state (not open yet / open / closed), subject area
and year facets through the core listing, search without accents through the core search,
only this agency's live public pages, a constant number of queries; the state facet kept in
step with the clock by the sweep."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from plugins.public_consultation import services

from .conftest import LIST, NOW, days, make_index

pytestmark = pytest.mark.django_db


def _titles(client, url=LIST, host="testserver", **params):
    response = client.get(url, params, HTTP_HOST=host)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split())
            for a in soup.select(".consultation-row .consultation-title a")], soup


def _labels(soup, facet):
    return [label.get_text(" ", strip=True)
            for label in soup.select(f"fieldset.facet-{facet} label")]


@pytest.fixture
def listed(make_consultation):
    make_consultation("Dự thảo Quy chế quản lý Trang thông tin điện tử", days(-2), days(10),
                      subject_area="Thông tin điện tử", intro="Thời hạn cung cấp thông tin.")
    make_consultation("Dự thảo Quy định tiếp nhận hồ sơ dự án đầu tư", days(5), days(25),
                      subject_area="Đầu tư")
    make_consultation("Dự thảo Kế hoạch bảo vệ môi trường", days(-60), days(-30),
                      subject_area="Môi trường")
    make_consultation("Dự thảo Danh mục dự án kêu gọi đầu tư năm trước", days(-400),
                      days(-370), subject_area="Đầu tư")
    make_consultation("Dự thảo nhà ở công nhân bí mật", days(-1), days(9), publish=False,
                      subject_area="Lao động")


def test_the_list_shows_live_consultations_latest_first(client, listed):
    """R-SITE-6: every state is listed with its badge; a draft never."""
    titles, soup = _titles(client)
    assert titles == ["Dự thảo Quy định tiếp nhận hồ sơ dự án đầu tư",
                      "Dự thảo Quy chế quản lý Trang thông tin điện tử",
                      "Dự thảo Kế hoạch bảo vệ môi trường",
                      "Dự thảo Danh mục dự án kêu gọi đầu tư năm trước"]
    badges = [b.get_text(strip=True) for b in soup.select(".consultation-row .badge")]
    assert badges == ["Chưa đến thời gian lấy ý kiến", "Đang lấy ý kiến",
                      "Đã hết thời gian lấy ý kiến", "Đã hết thời gian lấy ý kiến"]
    assert soup.select_one("#results-title").get_text(strip=True) == "4 dự thảo"
    assert "bí mật" not in soup.get_text()


def test_facets_by_state_area_and_year(client, listed):
    """R-SITE-6: the visitor narrows to the open ones, a subject area, a year."""
    titles, soup = _titles(client)
    assert _labels(soup, "state") == ["Chưa đến thời gian lấy ý kiến (1)",
                                      "Đang lấy ý kiến (1)", "Đã hết thời gian lấy ý kiến (2)"]
    assert _labels(soup, "area")[0] == "Đầu tư (2)"
    assert _labels(soup, "year") == ["2026 (3)", "2025 (1)"]
    assert _titles(client, state="open")[0] == ["Dự thảo Quy chế quản lý Trang thông tin điện tử"]
    assert _titles(client, state="closed", area="Đầu tư")[0] == [
        "Dự thảo Danh mục dự án kêu gọi đầu tư năm trước"]
    assert _titles(client, year="2025")[0] == ["Dự thảo Danh mục dự án kêu gọi đầu tư năm trước"]
    titles, soup = _titles(client, state="forever", area="Lao động")
    assert len(titles) == 4 and soup.select_one(".notice")  # unknown values ignored


def test_search_without_accents(client, listed):
    """R-SITE-6: "moi truong" finds "môi trường"; the summary is searched too."""
    titles, soup = _titles(client, q="moi truong")
    assert titles == ["Dự thảo Kế hoạch bảo vệ môi trường"]
    assert soup.select_one(".consultation-title mark")
    assert _titles(client, q="thoi han cung cap")[0] == [
        "Dự thảo Quy chế quản lý Trang thông tin điện tử"]


def test_the_state_facet_follows_the_clock(client, make_consultation):
    """R-SITE-6: when a window opens or closes, the sweep moves the consultation to its new
    state in the list's facet (the row's badge is read from the window at each request)."""
    make_consultation("Dự thảo Quy chế", days(-1), NOW + datetime.timedelta(hours=1))
    assert _titles(client, state="open")[0] == ["Dự thảo Quy chế"]
    with time_machine.travel(NOW + datetime.timedelta(hours=1, seconds=30), tick=False):
        titles, soup = _titles(client)
        assert soup.select_one(".consultation-row .badge-closed") is not None
        assert services.sweep()[0] == 1
        assert _titles(client, state="closed")[0] == ["Dự thảo Quy chế"]
        assert _titles(client, state="open")[0] == []
        assert services.sweep()[0] == 0  # nothing moved since


def test_private_consultations_are_not_listed(client, listed, make_consultation):
    """R-SEC-2: a consultation behind a password is not in the public list."""
    page = make_consultation("Dự thảo nội bộ có mật khẩu", days(-1), days(5))
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    page.save_revision().publish()
    assert "Dự thảo nội bộ có mật khẩu" not in _titles(client, q="noi bo")[0]
    assert "Dự thảo nội bộ có mật khẩu" not in _titles(client)[0]


def test_another_agency_never_sees_these_consultations(client, listed, make_agency,
                                                       make_consultation):
    """R-ORG-3: each agency's list shows its own consultations."""
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", hostname="skh.test",
                        own_home=True)
    make_consultation("Dự thảo Kế hoạch hỗ trợ doanh nghiệp", into=make_index(other))
    assert "Dự thảo Kế hoạch hỗ trợ doanh nghiệp" not in _titles(client)[0]
    assert _titles(client, host="skh.test")[0] == ["Dự thảo Kế hoạch hỗ trợ doanh nghiệp"]


def test_the_list_uses_a_constant_number_of_queries(client, make_consultation,
                                                    django_assert_max_num_queries):
    """Every list stays at a fixed number of SQL queries whatever its length."""
    for i in range(2):
        make_consultation(f"Dự thảo quy định số {i}", subject_area=f"Lĩnh vực {i}")
    client.get(LIST)
    with django_assert_max_num_queries(40) as small:
        client.get(LIST, {"q": "du thao"})
    count = len(small.captured_queries)
    for i in range(2, 16):
        make_consultation(f"Dự thảo quy định số {i}", subject_area=f"Lĩnh vực {i}")
    client.get(LIST)  # the search reloads its snapshot of the index once after a change
    with django_assert_max_num_queries(count):
        response = client.get(LIST, {"q": "du thao"})
    assert response.content.decode().count('class="consultation-row consultation-') == 16
