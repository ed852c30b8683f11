"""Bidding and public procurement notices on the public site (seed 002 Đ3.7): the notice
page (kind, package, procuring entity, form of selection, closing time in Vietnam time,
documents), "closed" read against the clock at each request, results shown after the
closing; the list (open / closed, kind, year; search); drafts never public."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from plugins.core.search.engine import SearchRequest, search
from plugins.investment.models import NoticePage

from .conftest import NOTICES, local, odt_bytes
from .helpers import days, downloaded, pdf_bytes, soup_of, titles

pytestmark = pytest.mark.django_db
ROWS = ".notice-row .notice-title a"


def _titles(client, **params):
    return titles(client, NOTICES, ROWS, **params)


@pytest.fixture
def listed(make_notice):
    """Three open notices, two closed (one last year), one closing today, and a draft."""
    make_notice("Mời thầu trạm quan trắc nước thải", local(days(12), 9),
                package_name="Gói thầu số 03: Mua sắm trạm quan trắc nước thải tự động",
                reference="IB2600345678")
    make_notice("Mời chào giá máy tính", local(days(5), 10), kind="quotation",
                package_name="Mua sắm máy tính, máy in")
    make_notice("Mời quan tâm tư vấn môi trường", local(days(30), 14), kind="interest",
                package_name="Tư vấn đánh giá tác động môi trường")
    make_notice("Mời thầu quy hoạch chi tiết", local(days(-40), 9),
                package_name="Tư vấn lập quy hoạch chi tiết 1/500",
                results="<p>Nhà thầu trúng thầu: Công ty Tư vấn Miền Nam.</p>")
    make_notice("Mời chào giá in ấn năm trước", local(days(-400), 9), kind="quotation",
                package_name="In tài liệu xúc tiến đầu tư")
    make_notice("Mời thầu sửa chữa trụ sở chưa duyệt", local(days(20), 9), publish=False,
                package_name="Sửa chữa trụ sở")


def test_the_notice_page_shows_package_entity_form_and_closing_time(client, make_notice,
                                                                     make_document):
    """Seed 002 Đ3.7: kind, notice number, package, procuring entity, form of selection,
    package price in đồng, closing time in Vietnam time; documents with open formats
    marked; no results while bids are open."""
    invitation = make_document("thong-bao-moi-thau.pdf", pdf_bytes())
    technical = make_document("yeu-cau-ky-thuat.odt", odt_bytes("Yêu cầu kỹ thuật"))
    day = days(12)
    notice = make_notice(
        "Mời thầu trạm quan trắc", local(day, 9, 30), reference="ib 2600 345678",
        package_name="Gói thầu số 03: Mua sắm trạm quan trắc",
        procuring_entity="Ban Quản lý các Khu công nghiệp Tiền Giang",
        selection_method="open", package_price=4_850_000_000,
        documents=[invitation, technical])
    soup = soup_of(client.get(notice.url))
    facts = soup.select_one(".notice-facts").get_text(" ", strip=True)
    for text in ("IB2600345678", "Gói thầu số 03: Mua sắm trạm quan trắc",
                 "Ban Quản lý các Khu công nghiệp Tiền Giang", "Đấu thầu rộng rãi",
                 "4.850.000.000 ₫", "09:30, ", f"{day:%d/%m/%Y}", "giờ Việt Nam, UTC+7"):
        assert text in facts, text
    assert soup.select_one(".notice-meta").get_text(" ", strip=True).startswith(
        "Thông báo mời thầu")
    assert soup.select_one(".badge-open").text == "Đang mời thầu"
    assert not soup.select_one(".badge-closed") and not soup.select_one(".closed-note")
    assert not soup.select_one(".notice-results") and not soup.select_one(
        ".notice-no-results")
    items = {li.select_one(".attachment-title").text: li for li in soup.select(".attachment")}
    assert items["yeu-cau-ky-thuat.odt"].select_one(".open-format")
    assert downloaded(client, items["thong-bao-moi-thau.pdf"].select_one(
        ".attachment-download")["href"]) == invitation.file.open("rb").read()


def test_closed_is_read_against_the_clock_at_each_request(client, make_notice, make_document):
    """Seed 002 Đ3.7: the same notice says "Đã đóng thầu" from its closing time on,
    computed at the request (no job ran); its results, published after, are shown then."""
    closing = local(days(3), 9)
    notice = make_notice("Mời thầu thiết bị", closing)
    before = soup_of(client.get(notice.url))
    assert before.select_one(".badge-open")
    with time_machine.travel(closing - datetime.timedelta(minutes=1)):
        assert soup_of(client.get(notice.url)).select_one(".badge-open")
        found, soup = _titles(client)
        assert soup.select_one(".notice-row .badge-open")
    with time_machine.travel(closing):
        page = soup_of(client.get(notice.url))
        assert page.select_one(".badge-closed").text == "Đã đóng thầu"
        assert page.select_one(".closed-note").text == "Đã đóng thầu."
        assert page.select_one(".notice-no-results")  # results come later
        found, soup = _titles(client)
        assert soup.select_one(".notice-row .badge-closed").text == "Đã đóng thầu"
    with time_machine.travel(closing + datetime.timedelta(days=10)):
        decision = make_document("quyet-dinh-ket-qua.pdf", pdf_bytes())
        notice.refresh_from_db()
        notice.results = "<p>Nhà thầu trúng thầu: Công ty Cổ phần Thiết bị Môi trường.</p>"
        from plugins.investment.models import NoticeResultDocument

        notice.result_documents.add(NoticeResultDocument(document=decision))
        notice.save_revision().publish()
        page = soup_of(client.get(notice.url))
        results = page.select_one(".notice-results").get_text(" ", strip=True)
        assert "Công ty Cổ phần Thiết bị Môi trường" in results
        assert page.select_one(".notice-results .attachment-title").text == \
            "quyet-dinh-ket-qua.pdf"
        assert downloaded(client, decision.url) is not None


def test_results_cannot_be_published_before_the_closing(notice_list):
    """Seed 002 Đ3.7: results come after the bids are closed; the page refuses them before."""
    page = NoticePage(title="Mời thầu sớm", slug="moi-thau-som", closing=local(days(2), 9),
                      package_name="Gói thầu", procuring_entity="Ban Quản lý",
                      results="<p>Nhà thầu trúng thầu: ai đó</p>")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "results" in error.value.message_dict


def test_the_list_shows_open_and_closed_notices_with_kind_and_year(client, listed):
    """Seed 002 Đ3.7: open notices soonest closing first, closed ones latest first; facets
    of kind and year with their counts; the draft is never counted."""
    found, soup = _titles(client, state="open")
    assert found == ["Mời chào giá máy tính", "Mời thầu trạm quan trắc nước thải",
                     "Mời quan tâm tư vấn môi trường"]
    assert len(soup.select(".notice-row .badge-open")) == 3
    found, soup = _titles(client, state="closed")
    assert found == ["Mời thầu quy hoạch chi tiết", "Mời chào giá in ấn năm trước"]
    assert soup.select_one("input[name=state][value=closed]").has_attr("checked")
    found, soup = _titles(client)
    assert len(found) == 5 and "Mời thầu sửa chữa trụ sở chưa duyệt" not in soup.get_text()
    quotation = soup.select_one("input[name=kind][value=quotation]").parent.get_text(
        strip=True)
    assert quotation.startswith("Thông báo mời chào giá") and quotation.endswith("(2)")
    years = [i["value"] for i in soup.select("input[name=year]")]
    assert years == sorted({str(days(n).year) for n in (12, 5, 30, -40, -400)}, reverse=True)
    found, _ = _titles(client, kind="quotation", state="closed")
    assert found == ["Mời chào giá in ấn năm trước"]


def test_a_notice_closing_today_is_in_both_lists_and_says_where_it_stands(client,
                                                                        make_notice):
    """The open/closed filter is by day; on its closing day a notice is under both, its
    badge read against the hour."""
    tomorrow = days(1)
    with time_machine.travel(local(tomorrow, 12)):
        make_notice("Đóng sáng nay", local(tomorrow, 9))
        make_notice("Đóng chiều nay", local(tomorrow, 16))
        found, soup = _titles(client, state="open")
        assert found == ["Đóng sáng nay", "Đóng chiều nay"]
        badges = [row.select_one(".badge").text for row in soup.select(".notice-row")]
        assert badges == ["Đã đóng thầu", "Đang mời thầu"]
        found, _ = _titles(client, state="closed")
        assert sorted(found) == ["Đóng chiều nay", "Đóng sáng nay"]


def test_search_without_accents_and_by_notice_number(client, listed):
    """Seed 002 Đ3.7: words without accents find the package; the notice number is found
    however it is typed."""
    found, soup = _titles(client, q="quan trac nuoc thai")
    assert found == ["Mời thầu trạm quan trắc nước thải"]
    found, _ = _titles(client, q="ib2600345678")
    assert found == ["Mời thầu trạm quan trắc nước thải"]
    found, _ = _titles(client, q="tu van moi truong")
    assert found == ["Mời quan tâm tư vấn môi trường"]
    found, _ = _titles(client, q="cong ty tu van mien nam")  # in the results
    assert found == ["Mời thầu quy hoạch chi tiết"]


def test_drafts_and_their_documents_are_never_public(client, listed, make_notice,
                                                      make_document):
    """R-SEC-2: a draft notice is not listed, not found, has no page, and its documents
    cannot be downloaded."""
    secret = make_document("du-toan-noi-bo.odt", odt_bytes("Dự toán nội bộ"))
    make_notice("Mời thầu dự thảo", local(days(9), 9), documents=[secret], publish=False)
    found, _ = _titles(client)
    assert "Mời thầu dự thảo" not in found
    assert client.get("/thong-tin-dau-thau/moi-thau-du-thao/").status_code == 404
    assert downloaded(client, secret.url) is None
    assert search(SearchRequest(model=NoticePage, query="du thao")).total == 0
    assert search(SearchRequest(model=NoticePage, query="sua chua tru so")).total == 0


BAD_INPUT = [
    "q=%22unclosed", "q=" + "x" * 10_000, "kind=party", "year=20x6", "year=0000",
    "state=tomorrow", "state=%00", "sort=evil", "page=-1", "page=" + "9" * 30, "q=a%00b",
    "q=%C3%28", "q=%FF%FE", "kind=" + "x" * 5000, "state=open&state=closed", "%00=1",
]


@pytest.mark.parametrize("query", BAD_INPUT)
def test_hostile_parameters_are_dropped_with_a_notice(client, listed, query):
    """R-SEC-3: every parameter is optional; a bad one is ignored, never a 500."""
    client.raise_request_exception = False
    response = client.get(f"{NOTICES}?{query}")
    assert response.status_code == 200, query
    if query in ("kind=party", "state=tomorrow"):
        assert soup_of(response).select_one(".notice")


def test_the_list_uses_a_constant_number_of_queries(client, make_notice,
                                                     django_assert_max_num_queries):
    """Every list stays at a fixed number of SQL queries whatever its length."""
    for i in range(3):
        make_notice(f"Mời thầu gói số {i}", local(days(i + 1), 9))
    with django_assert_max_num_queries(40) as small:
        client.get(NOTICES, {"q": "moi thau", "state": "open"})
    for i in range(12):
        make_notice(f"Mời thầu gói số {i + 10}", local(days(i + 2), 9))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(NOTICES, {"q": "moi thau", "state": "open"})
    assert response.content.decode().count('class="notice-row notice-') == 15
