"""The public library: search, facets, filters, paging, feeds, exports, detail page
(R-LD-1, R-LD-2, R-LD-3, R-LD-4, R-LD-7)."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from bs4 import BeautifulSoup

from plugins.legal_docs.models import DownloadCount

from .conftest import odt_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(make_doc):
    make_doc("36/2016/QĐ-UBND", "Quy chế quản lý Văn phòng điện tử liên thông", issuer="UBND",
             issue_date=datetime.date(2016, 7, 8), fields=["Công nghệ thông tin"])
    make_doc("64/2007/NĐ-CP", "Ứng dụng công nghệ thông tin trong cơ quan nhà nước", type="NĐ",
             issuer="CP", issue_date=datetime.date(2007, 4, 10), fields=["Công nghệ thông tin"])
    make_doc("29/QĐ-BQL", "Quy chế quản lý Trang thông tin điện tử",
             issue_date=datetime.date(2018, 3, 20), fields=["Công nghệ thông tin"],
             summary="Quy chế theo Quyết định 36/2016/QĐ-UBND của tỉnh")
    make_doc("15/KH-BQL", "Kế hoạch bảo vệ môi trường khu công nghiệp năm 2026", type="KH",
             issue_date=datetime.date(2026, 1, 15), fields=["Môi trường"])
    make_doc("16/KH-BQL", "Kế hoạch xúc tiến đầu tư vào khu công nghiệp", type="KH",
             issue_date=datetime.date(2026, 2, 2), fields=["Đầu tư"])
    make_doc("17/QĐ-BQL", "Dự thảo chưa xuất bản về đường giao thông", publish=False)


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _numbers(client, **params):
    soup = _soup(client.get("/van-ban/", params))
    return [n.text for n in soup.select(".document-item .doc-number")], soup


def test_search_without_accents_finds_documents(client, documents):
    """R-LD-4: a citizen types without diacritics."""
    found, soup = _numbers(client, q="moi truong")
    assert found == ["15/KH-BQL"]
    assert soup.select_one(".document-item mark").text.lower() == "môi"
    assert _numbers(client, q="MÔI TRƯỜNG")[0] == found


def test_a_number_in_any_form_finds_that_document_first(client, documents):
    """R-LD-4: 36/2016/qd-ubnd, 36/2016/QĐ-UBND, 36/2016/QD-UBND."""
    for typed in ("36/2016/qd-ubnd", "36/2016/QĐ-UBND", "36/2016/QD-UBND"):
        found, _ = _numbers(client, q=typed)
        assert found[0] == "36/2016/QĐ-UBND"
        assert "29/QĐ-BQL" in found  # it cites the number in its summary


def test_facets_count_and_filter(client, documents):
    """R-LD-3: classify by field, issue date, issuing body, document type, with counts."""
    found, soup = _numbers(client, q="ke hoach")
    assert sorted(found) == ["15/KH-BQL", "16/KH-BQL"]
    facet_text = soup.select_one(".facets").get_text(" ", strip=True)
    assert "Kế hoạch (2)" in facet_text
    assert "2026 (2)" in facet_text
    field_id = soup.find("input", {"name": "field", "value": True,
                                   "id": False}).get("value")
    found, _ = _numbers(client, field=field_id)
    assert found  # a field filter gives the documents of that field
    found, _ = _numbers(client, year="2016")
    assert found == ["36/2016/QĐ-UBND"]
    found, _ = _numbers(client, date_from="2018-01-01", date_to="2026-01-31")
    assert found == ["15/KH-BQL", "29/QĐ-BQL"]


def test_drafts_are_never_listed(client, documents):
    """A citizen never sees a draft."""
    found, _ = _numbers(client, q="duong giao thong")
    assert found == []
    assert "17/QĐ-BQL" not in client.get("/van-ban/").content.decode()


@pytest.mark.parametrize("params", [
    {"q": '"unclosed quote'}, {"q": "OR OR -"}, {"q": "x" * 10_000},
    {"q": "\x00\x1f control"}, {"q": "'; DROP TABLE wagtailcore_page; --"},
    {"q": "NEAR(a b) title:* ^"}, {"date_from": "2026-02-31"}, {"date_to": "hôm qua"},
    {"type": "9999"}, {"year": "năm"}, {"status": "bogus"}, {"sort": "evil"}, {"page": "-1"},
    {"page": "99999999"}, {"field": ["1", "x"]},
])
def test_bad_input_gives_a_page_never_a_500(client, documents, params):
    """Bad input: a page, with a notice for what was ignored."""
    response = client.get("/van-ban/", params)
    assert response.status_code == 200


def test_invalid_values_are_ignored_with_a_visible_notice(client, documents):
    _, soup = _numbers(client, date_from="2026-02-31", type="9999")
    notices = " ".join(n.text for n in soup.select(".notice"))
    assert "bị bỏ qua" in notices or "ignored" in notices
    assert len(soup.select(".document-item")) == 5


LIST_PATHS = ("/van-ban/", "/van-ban/rss/", "/van-ban/atom/", "/van-ban/xuat/csv/",
              "/van-ban/xuat/xlsx/")


def test_list_uses_a_constant_number_of_queries(client, make_doc, library,
                                                django_assert_max_num_queries):
    """R-LD-3: every list — the page, its feeds, its exports — stays at a fixed number of
    SQL queries whatever its length (a row reads only the fields the list loads)."""
    for i in range(3):
        make_doc(f"{20 + i}/QĐ-BQL", f"Quyết định số {i}", signer_name="Nguyễn Văn A")
    counts = {}
    for path in LIST_PATHS:
        with django_assert_max_num_queries(40) as small:
            client.get(path, {"q": "quyet dinh"})
        counts[path] = len(small.captured_queries)
    for i in range(15):
        make_doc(f"{40 + i}/QĐ-BQL", f"Quyết định số {i}", signer_name="Nguyễn Văn A")
    for path in LIST_PATHS:
        with django_assert_max_num_queries(counts[path]):
            response = client.get(path, {"q": "quyet dinh"})
        assert response.status_code == 200, path


def test_lists_feeds_and_exports_leave_the_full_text_in_the_database(
        client, make_doc, make_file):
    """R-LD-3: a law's body and the text read out of its files (a few hundred thousand
    characters each) are for its own page and the search index; the list, its feeds and
    its exports load neither, and still find the document by that text (R-LD-4)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    odt = make_file("phu-luc.odt", odt_bytes("Danh mục hồ sơ lưu trữ điện tử bắt buộc"))
    page = make_doc("31/QĐ-BQL", "Quy chế lưu trữ", files=[odt])
    for path in ("/van-ban/", "/van-ban/rss/", "/van-ban/xuat/csv/"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {"q": "danh muc ho so luu tru"})
        assert response.status_code == 200
        assert "31/QĐ-BQL" in response.content.decode("utf-8-sig"), path
        sql = " ".join(query["sql"] for query in queries)
        assert '"extracted_text"' not in sql and '"legal_docs_legaldocumentpage"."body"' \
            not in sql, path
    assert "Danh mục hồ sơ" in type(page).objects.get(pk=page.pk).extracted_text


def test_rss_feed_honours_the_filters(client, documents):
    """R-LD-3: a feed of new documents, filtered like the list."""
    response = client.get("/van-ban/rss/", {"type": _type_id(client, "Kế hoạch")})
    assert response.status_code == 200
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert len(titles) == 2 and all("/KH-BQL" in title for title in titles)
    atom = client.get("/van-ban/atom/")
    assert atom.status_code == 200 and b"<feed" in atom.content


def _type_id(client, label):
    soup = _soup(client.get("/van-ban/"))
    for option in soup.select("input[name=type]"):
        if label in option.parent.text:
            return option["value"]
    raise AssertionError(label)


def test_exports_of_the_filtered_list(client, documents):
    """Export any filtered list: XLSX, ODS, CSV parsed back."""
    params = {"q": "ke hoach"}
    xlsx = client.get("/van-ban/xuat/xlsx/", params)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sorted(row[0] for row in rows[1:]) == ["15/KH-BQL", "16/KH-BQL"]
    text = client.get("/van-ban/xuat/csv/", params).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] in ("Số ký hiệu", "Number") and len(rows) == 3
    ods = client.get("/van-ban/xuat/ods/", params)
    from odfdo import Document

    table = Document(io.BytesIO(ods.content)).body.get_table(0)
    assert {table.get_value((0, 1)), table.get_value((0, 2))} == {"15/KH-BQL", "16/KH-BQL"}
    assert client.get("/van-ban/xuat/exe/").status_code == 404


def test_detail_page_metadata_jsonld_and_status(client, make_doc):
    """R-LD-1/R-LD-3: metadata table, schema.org Legislation, status banner."""
    page = make_doc("36/2016/QĐ-UBND", "Quy chế văn phòng điện tử", issuer="UBND",
                    issue_date=datetime.date(2016, 7, 8), signer_name="Hồ Quốc Dũng",
                    signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    soup = _soup(client.get(page.url))
    table = soup.select_one("table.metadata").get_text(" ", strip=True)
    assert "36/2016/QĐ-UBND" in table and "Hồ Quốc Dũng" in table and "08/07/2016" in table
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "36/2016/QĐ-UBND"
    assert data["legislationLegalForce"]["@id"] == "https://schema.org/InForce"
    assert "Còn hiệu lực" in soup.select_one(".status-banner").text


def test_files_read_online_download_counted_open_format_marked(client, make_doc, make_file):
    """R-LD-2 read online and download; R-LD-7 open formats marked."""
    odt = make_file("quy-che.odt", odt_bytes("Nội dung quy chế về lưu trữ hồ sơ điện tử"))
    pdf = make_file("quy-che.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page = make_doc("29/QĐ-BQL", "Quy chế", files=[odt, pdf])
    soup = _soup(client.get(page.url))
    items = soup.select("ul.files li")
    assert len(items) == 2
    assert "ODT" in items[0].text and soup.select_one(".open-format")
    assert soup.select_one("object.pdf-viewer")["data"].endswith("quy-che.pdf")
    link = items[0].find("a")["href"]
    response = client.get(link)
    assert response.status_code == 302
    assert DownloadCount.objects.get(document=odt).count == 1
    client.get(link)
    assert DownloadCount.objects.get(document=odt).count == 2
    assert "2 lượt tải" in client.get(page.url).content.decode() or "2 downloads" in \
        client.get(page.url).content.decode()


def test_text_inside_files_is_searchable(client, make_doc, make_file):
    """R-LD-4: the full text of attached files is in the index."""
    odt = make_file("phu-luc.odt", odt_bytes("Danh mục hồ sơ lưu trữ điện tử bắt buộc"))
    make_doc("30/QĐ-BQL", "Quy chế", files=[odt])
    found, _ = _numbers(client, q="danh muc ho so luu tru")
    assert found == ["30/QĐ-BQL"]


def test_api_exposes_the_fields_of_published_documents_only(client, documents):
    response = client.get("/api/v2/pages/", {
        "type": "legal_docs.LegalDocumentPage", "fields": "number,status,legal_fields",
    })
    assert response.status_code == 200
    numbers = {item["number"] for item in response.json()["items"]}
    assert "36/2016/QĐ-UBND" in numbers and "17/QĐ-BQL" not in numbers
