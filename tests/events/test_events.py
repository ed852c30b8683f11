"""Conferences, workshops and training courses on the public site (R-SITE-4, seed 000 Đ7.6):
the event page with its materials and links, the list (upcoming / past, kind, year), the
iCalendar file, the core search; drafts never public."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from plugins.core.calendar import OFFICE_TZ
from plugins.core.search.engine import SearchRequest, search
from plugins.events.models import EventPage

from .conftest import LIST, docx_bytes, local, make_index, odt_bytes

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localtime(timezone.now(), OFFICE_TZ).date()


def _days(n):
    return _today() + datetime.timedelta(days=n)


def _soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def _titles(client, **params):
    soup = _soup(client.get(LIST, params))
    return [a.get_text(" ", strip=True) for a in soup.select(".event-row .event-title a")], soup


def _pdf_bytes():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def listed(make_event):
    """Four published events (two upcoming, one under way, one past, one of last year) and
    a draft."""
    make_event("Hội nghị tổng kết công tác năm", local(_days(20), 8), local(_days(20), 11))
    make_event("Tập huấn pháp luật về môi trường", local(_days(5), 8), local(_days(6), 16),
               kind="training")
    make_event("Hội thảo đang diễn ra", local(_days(-1), 8), local(_days(1), 16),
               kind="workshop")
    make_event("Hội nghị đối thoại doanh nghiệp", local(_days(-30), 14), local(_days(-30), 17))
    make_event("Tập huấn biên tập viên năm trước", local(_days(-400), 8),
               local(_days(-399), 16), kind="training")
    make_event("Hội thảo bí mật chưa duyệt", local(_days(3), 8), local(_days(3), 11),
               kind="workshop", publish=False)


def test_the_event_page_shows_when_where_who_materials_and_links(client, make_event,
                                                                  make_document):
    """R-SITE-4: an event says its kind, times in Vietnam time, place and organiser; its
    materials can be read online or downloaded, open formats marked; its links lead to
    other websites, opened safely."""
    odt = make_document("chuong-trinh.odt", odt_bytes("Chương trình hội nghị"))
    docx = make_document("tham-luan.docx", docx_bytes("Tham luận"))
    pdf = make_document("bao-cao.pdf", _pdf_bytes())
    day = _days(10)
    event = make_event(
        "Hội nghị xúc tiến đầu tư", local(day, 8, 30), local(day, 11), organiser="Văn phòng",
        summary="Giới thiệu dự án kêu gọi đầu tư.", materials=[odt, docx, pdf],
        links=[("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
               ("Trang của cơ quan", "http://testserver/lien-he/")],
    )
    soup = _soup(client.get(event.url))
    assert soup.h1.text == "Hội nghị xúc tiến đầu tư"
    facts = soup.select_one(".event-facts").get_text(" ", strip=True)
    assert f"{day:%d/%m/%Y} 08:30" in facts and "11:00" in facts
    assert "Hội trường Ban Quản lý" in facts and "Văn phòng" in facts
    assert soup.select_one(".badge-upcoming")
    materials = {li.select_one(".material-title").text: li for li in soup.select(".material")}
    assert materials["chuong-trinh.odt"].select_one(".open-format")
    assert materials["bao-cao.pdf"].select_one(".open-format")
    assert not materials["tham-luan.docx"].select_one(".open-format")
    assert materials["bao-cao.pdf"].select_one(".material-read")  # a browser shows a PDF
    assert not materials["tham-luan.docx"].select_one(".material-read")
    download = materials["tham-luan.docx"].select_one("a.material-download")
    assert download.has_attr("download")
    response = client.get(download["href"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == docx.file.open("rb").read()
    outside, inside = soup.select(".event-links a")
    assert outside["href"] == "https://dichvucong.gov.vn/"
    assert outside["target"] == "_blank" and "noopener" in outside["rel"]
    assert not inside.has_attr("target") and not inside.has_attr("rel")


def test_an_event_cannot_end_before_it_starts(index_page):
    """R-SITE-4: the times an editor types are checked."""
    page = EventPage(title="Sai giờ", slug="sai-gio", place="Hội trường",
                     start=local(_days(2), 14), end=local(_days(2), 8))
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "end" in error.value.message_dict


def test_drafts_are_never_public(client, listed, make_document, make_event):
    """R-SITE-4 / R-SEC-2: a draft event is not listed, not found, has no page, no
    calendar file, and its materials cannot be downloaded."""
    secret = make_document("du-thao.odt", odt_bytes("Dự thảo"))
    draft = make_event("Hội nghị dự thảo nội bộ", local(_days(4), 8), local(_days(4), 9),
                       materials=[secret], publish=False)
    titles, soup = _titles(client)
    assert "Hội thảo bí mật chưa duyệt" not in soup.get_text()
    assert "Hội nghị dự thảo nội bộ" not in titles
    assert client.get(draft.url or "/hoi-nghi-hoi-thao/hoi-nghi-du-thao-noi-bo/"
                      ).status_code == 404
    assert client.get("/hoi-nghi-hoi-thao/hoi-nghi-du-thao-noi-bo/ical/").status_code == 404
    assert client.get(secret.url).status_code == 404
    results = search(SearchRequest(model=EventPage, query="du thao noi bo"))
    assert results.total == 0


def test_the_list_shows_upcoming_and_past_events_with_kind_and_year(client, listed):
    """R-SITE-4: upcoming events (those under way too) soonest first; past ones latest
    first; facets of kind and year with their counts."""
    titles, soup = _titles(client, when="upcoming")
    assert titles == ["Hội thảo đang diễn ra", "Tập huấn pháp luật về môi trường",
                      "Hội nghị tổng kết công tác năm"]
    assert soup.select_one(".event-row .badge-ongoing")
    assert soup.select_one("select[name=sort] option")["value"] == ""  # the default order
    same, _ = _titles(client, when="upcoming", sort="")  # as the form sends it
    assert same == titles
    latest_first, _ = _titles(client, when="upcoming", sort="newest")
    assert latest_first == titles[::-1]
    titles, soup = _titles(client, when="past")
    assert titles == ["Hội nghị đối thoại doanh nghiệp", "Tập huấn biên tập viên năm trước"]
    assert soup.select_one("input[name=when][value=past]").has_attr("checked")
    titles, soup = _titles(client)
    assert len(titles) == 5
    training = soup.select_one("input[name=kind][value=training]").parent.get_text(strip=True)
    assert training.endswith("(2)")
    years = [i["value"] for i in soup.select("input[name=year]")]
    assert years == sorted({str(d.year) for d in (_days(-400), _days(20), _days(-30),
                                                  _days(5), _days(-1))}, reverse=True)
    titles, _ = _titles(client, kind="training", when="past")
    assert titles == ["Tập huấn biên tập viên năm trước"]
    titles, _ = _titles(client, year=str(_days(-400).year), kind="training")
    assert "Tập huấn biên tập viên năm trước" in titles


def test_search_without_accents(client, listed):
    """R-SITE-4: a citizen types without accents and finds the event (core search)."""
    titles, soup = _titles(client, q="tap huan moi truong")
    assert titles == ["Tập huấn pháp luật về môi trường"]
    assert soup.select_one(".event-title mark")
    results = search(SearchRequest(model=EventPage, query="doi thoai doanh nghiep"))
    assert results.total == 1


BAD_INPUT = [
    "q=%22unclosed", "q=" + "x" * 10_000, "kind=party", "year=20x6", "year=0000",
    "when=tomorrow", "when=%00", "sort=evil", "page=-1", "page=" + "9" * 30, "q=a%00b",
    "q=%C3%28", "q=%FF%FE", "kind=" + "x" * 5000, "when=past&when=upcoming", "%00=1",
]


@pytest.mark.parametrize("query", BAD_INPUT)
def test_hostile_parameters_are_dropped_with_a_notice(client, listed, query):
    """R-SEC-3: every parameter is optional; a bad one is ignored, never a 500; an
    unknown value of a facet or of the period is said."""
    client.raise_request_exception = False
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200, query
    if query in ("kind=party", "when=tomorrow"):
        assert _soup(response).select_one(".notice")


def test_the_calendar_file_holds_the_event_in_vietnam_time(client, make_event):
    """R-SITE-4: a .ics file per event, read by calendars in Asia/Ho_Chi_Minh time."""
    day = _days(8)
    event = make_event("Tập huấn chuyển đổi số", local(day, 8), local(day + datetime.timedelta(
        days=1), 16, 30), kind="training", place="Phòng họp số 2", organiser="Văn phòng",
        summary="Hai ngày tập huấn.")
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Tập huấn chuyển đổi số"
    assert str(vevent["LOCATION"]) == "Phòng họp số 2"
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert start.utcoffset() == datetime.timedelta(hours=7)
    assert (start.date(), start.hour) == (day, 8)
    assert end.astimezone(OFFICE_TZ).hour == 16 and end.minute == 30
    assert vevent["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert calendar.walk("VTIMEZONE")
    assert str(vevent["UID"]).startswith(str(event.translation_key))
    assert str(vevent["URL"]).endswith(event.url)


def test_each_agency_lists_its_own_events(client, make_agency, make_event, agency):
    """Pages are per site: another agency's events are not in this agency's list."""
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", hostname="skh.test", own_home=True)
    other_list = make_index(other)
    make_event("Hội nghị của Ban Quản lý", local(_days(3), 8), local(_days(3), 9))
    make_event("Hội nghị của Sở", local(_days(3), 8), local(_days(3), 9), into=other_list)
    titles, _ = _titles(client)
    assert titles == ["Hội nghị của Ban Quản lý"]
    soup = _soup(client.get(LIST, HTTP_HOST="skh.test"))
    assert [a.text.strip() for a in soup.select(".event-title a")] == ["Hội nghị của Sở"]


def test_the_list_uses_a_constant_number_of_queries(client, make_event,
                                                     django_assert_max_num_queries):
    """Every list stays at a fixed number of SQL queries whatever its length."""
    for i in range(3):
        make_event(f"Hội nghị số {i}", local(_days(i), 8), local(_days(i), 9))
    with django_assert_max_num_queries(40) as small:
        client.get(LIST, {"q": "hoi nghi"})
    for i in range(12):
        make_event(f"Hội nghị số {i + 10}", local(_days(-i), 8), local(_days(-i), 9))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(LIST, {"q": "hoi nghi"})
    assert response.content.decode().count('class="event-row event-') == 15


def test_unpublishing_takes_the_event_out_of_the_list(client, listed,
                                                      django_capture_on_commit_callbacks):
    """R-SITE-4: an event taken down leaves the list and the search at once."""
    event = EventPage.objects.get(title="Hội nghị tổng kết công tác năm")
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    titles, _ = _titles(client)
    assert "Hội nghị tổng kết công tác năm" not in titles
    assert client.get("/hoi-nghi-hoi-thao/", {"q": "tong ket"}).status_code == 200
    assert search(SearchRequest(model=EventPage, query="tong ket")).total == 0
