"""A statistics page: its table, its chart, its downloads; the editor's upload in the
admin; drafts never public (seed 002 Đ3.11 land statistics and prices; seed 001 Đ3.3 and
Đ7.3: PCI data, charts and exports; R-LD-7 ODS; R-SEC-2)."""

import csv
import io

import openpyxl
import pytest
import tablib
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from plugins.stats_pages.models import StatisticsPage
from tests.stats_pages.conftest import xlsx_bytes

pytestmark = pytest.mark.django_db

LAND = (["Tuyến đường", "Vị trí 1", "Vị trí 2"],
        [("Ấp Bắc", "18.000", "9.000"), ("=HYPERLINK(\"http://x\")", "1.500,5", "")])


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_table_is_shown_with_its_caption_headers_and_vietnamese_numbers(client, make_page):
    """Seed 002 Đ3.11: an accessible table (caption, th scope), numbers as Vietnamese
    write them, a dash for a missing figure."""
    page = make_page("Giá đất ở Mỹ Tho", table=LAND, topic="land", unit="nghìn đồng/m²",
                     chart_type="bar")
    soup = _soup(client.get(page.url))
    table = soup.select_one("table.statistics-table")
    assert table.caption.get_text(" ", strip=True) == "Giá đất ở Mỹ Tho (đơn vị: nghìn đồng/m²)"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 3
    rows = [[cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
            for tr in table.tbody.find_all("tr")]
    assert rows == [["Ấp Bắc", "18.000", "9.000"],
                    ["=HYPERLINK(\"http://x\")", "1.500,5", "—"]]
    assert all(tr.th["scope"] == "row" for tr in table.tbody.find_all("tr"))
    region = soup.select_one(".statistics-table-wrap")
    assert region["role"] == "region" and region["tabindex"] == "0"


def test_the_chart_is_an_inline_svg_image_with_title_and_description(client, make_page):
    """Seed 001 Đ7.3: a chart of the figures, drawn on the server, described in words."""
    page = make_page("PCI Tiền Giang", chart_type="line", chart_columns="Điểm PCI")
    soup = _soup(client.get(page.url))
    svg = soup.select_one("figure.statistics-chart svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == "chart-title chart-desc"
    assert svg.title.get_text() == "PCI Tiền Giang"
    description = svg.desc.get_text()
    assert "Biểu đồ đường" in description and "“Điểm PCI”" in description
    assert "thấp nhất 64,76 (2020), cao nhất 65,03 (2019)" in description
    path = svg.select_one("path")["d"]
    assert path.count("M") == 2  # the missing 2021 figure breaks the line
    assert len(svg.select("circle")) == 3
    assert "," not in path  # coordinates are never written with a decimal comma
    assert not soup.select("script")


def test_bar_chart_draws_a_bar_per_figure_and_no_chart_when_asked(client, make_page):
    page = make_page("Giá đất", table=LAND, chart_type="bar")
    svg = _soup(client.get(page.url)).select_one("figure.statistics-chart svg")
    assert len(svg.select("rect")) == 3 + 2  # three figures, two legend keys
    assert "Biểu đồ cột" in svg.desc.get_text()
    plain = make_page("Chỉ bảng", table=LAND, chart_type="none")
    soup = _soup(client.get(plain.url))
    assert soup.select_one("svg") is None and soup.select_one("table.statistics-table")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_the_data_downloads_as_csv_xlsx_and_ods(client, make_page, fmt):
    """Seed 001 Đ3.3 (export data), R-LD-7 (ODS): numbers stay numbers; a label that a
    spreadsheet would run as a formula is written as text."""
    page = make_page("Giá đất", slug="gia-dat", table=LAND)
    response = client.get(f"{page.url}tai-ve/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="gia-dat.{fmt}"'
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    elif fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        data = tablib.Dataset().load(io.BytesIO(response.content), format="ods")
        rows = [data.headers, *map(list, data)]
    assert [str(cell) for cell in rows[0]] == ["Tuyến đường", "Vị trí 1", "Vị trí 2"]
    assert rows[1][0] == "Ấp Bắc" and float(rows[1][1]) == 18000
    assert str(rows[2][0]).startswith("'=HYPERLINK")
    assert float(rows[2][1]) == 1500.5 and rows[2][2] in ("", None)
    assert client.get(f"{page.url}tai-ve/exe/").status_code == 404


def test_a_draft_is_never_public_nor_its_data(client, make_page):
    """R-SEC-2: a page never published answers 404, its download too; the unpublished
    draft of a live page shows nothing of its new figures."""
    draft = make_page("Bản nháp", slug="ban-nhap", publish=False)
    assert client.get("/thong-ke/ban-nhap/").status_code == 404
    assert client.get("/thong-ke/ban-nhap/tai-ve/csv/").status_code == 404
    assert draft.live is False
    live = make_page("Giá đất", slug="gia-dat", table=LAND)
    newer = live.get_latest_revision_as_object()
    newer.table = {"headers": ["Tuyến đường", "Vị trí 1"], "rows": [["Bí mật", "99"]]}
    newer.save_revision()
    html = client.get(live.url).content.decode()
    csv_text = client.get(f"{live.url}tai-ve/csv/").content.decode("utf-8-sig")
    assert "Ấp Bắc" in html and "Bí mật" not in html
    assert "Ấp Bắc" in csv_text and "Bí mật" not in csv_text


def test_a_private_page_asks_for_its_password_before_the_data(client, make_page):
    """R-SEC-2: a page restricted by password keeps its table and downloads behind it."""
    page = make_page("Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=page, restriction_type="password",
                                       password="bi-mat-2026")
    for url in (page.url, f"{page.url}tai-ve/csv/"):
        response = client.get(url)
        assert "2019" not in response.content.decode().split("<form")[0]
        assert response.status_code == 200 and b"password" in response.content


# --- the editor's upload in the admin ------------------------------------------------------

@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bt@example.vn", "x-2026-p")
    client.force_login(user)
    return user


def _form(title, upload, **extra):
    data = nested_form_data({
        "title": title, "slug": "gia-dat-my-tho", "summary": "Giá đất ở tại đô thị",
        "topic": "land", "year": "2025", "unit": "nghìn đồng/m²", "source": "UBND tỉnh",
        "chart_type": "bar", "chart_columns": "", "notes": rich_text(""),
        "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0", "comments-MAX_NUM_FORMS": "1000",
        **extra,
    })
    if upload is not None:
        data["data_upload"] = upload
    return data


def test_an_editor_uploads_a_workbook_and_the_page_keeps_its_figures(client, editor,
                                                                     index_page):
    """Seed 002 Đ3.11: the editor uploads the land price workbook; the draft holds the
    table, the public sees nothing until it is published."""
    url = reverse("wagtailadmin_pages:add", args=["stats_pages", "statisticspage",
                                                  index_page.pk])
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("gia-dat.xlsx", xlsx_bytes(
        [("Tuyến đường", "Vị trí 1"), ("Ấp Bắc", 18000), ("Lê Lợi", 20000)]))
    response = client.post(url, _form("Giá đất ở Mỹ Tho", upload))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = StatisticsPage.objects.get(slug="gia-dat-my-tho")
    assert page.table == {"headers": ["Tuyến đường", "Vị trí 1"],
                          "rows": [["Ấp Bắc", "18000"], ["Lê Lợi", "20000"]]}
    assert page.source_filename == "gia-dat.xlsx" and not page.live
    client.logout()
    assert client.get("/thong-ke/gia-dat-my-tho/").status_code == 404

    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "gia-dat.xlsx, 2 dòng" in edit  # what the page holds now, beside the upload


def test_a_refused_file_saves_nothing_and_says_why_in_vietnamese(client, editor, index_page):
    """Nothing half written: the page is not created; on an existing page the table and the
    revisions stay as they were."""
    url = reverse("wagtailadmin_pages:add", args=["stats_pages", "statisticspage",
                                                  index_page.pk])
    bad = SimpleUploadedFile("gia-dat.csv", "Tuyến đường,Vị trí 1\nẤp Bắc,cao\n".encode())
    response = client.post(url, _form("Giá đất", bad))
    assert response.status_code == 200
    assert "Dòng 2: “cao” ở cột “Vị trí 1” không phải là số." in response.content.decode()
    assert not StatisticsPage.objects.exists()
    response = client.post(url, _form("Giá đất", None))
    assert "Hãy tải lên bảng số liệu" in response.content.decode()
    assert not StatisticsPage.objects.exists()


def test_a_refused_file_leaves_an_existing_page_as_it_was(client, editor, make_page):
    page = make_page("Giá đất", slug="gia-dat-my-tho", table=LAND, topic="land", year=2025,
                     chart_type="bar")
    revisions = page.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    empty = SimpleUploadedFile("trong.ods", b"")
    response = client.post(url, _form("Giá đất mới", empty))
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.title == "Giá đất" and page.revisions.count() == revisions
    assert page.table["rows"][0][0] == "Ấp Bắc"


def test_the_columns_drawn_must_be_columns_of_the_table(client, editor, make_page):
    page = make_page("Giá đất", slug="gia-dat-my-tho", table=LAND, topic="land", year=2025)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, _form("Giá đất", None, chart_columns="Vị trí 9"))
    assert response.status_code == 200
    assert "“Vị trí 9”" in response.content.decode()
    response = client.post(url, _form("Giá đất", None, chart_columns="vị trí 2"))
    assert response.status_code == 302
    latest = StatisticsPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert latest.chart_columns == "vị trí 2"


def test_the_draft_preview_and_the_revisions_show_the_new_table(client, editor, make_page):
    """A new table saved as a draft: the live page keeps the old one, the editor's preview
    shows the new one, and the history compares the versions."""
    page = make_page("Giá đất", slug="gia-dat-my-tho", table=LAND, topic="land", year=2025)
    upload = SimpleUploadedFile("moi.csv", "Tuyến đường,Vị trí 1\nHùng Vương,19.500\n".encode())
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                           _form("Giá đất 2025", upload))
    assert response.status_code == 302
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert "Hùng Vương" in draft.content.decode() and "19.500" in draft.content.decode()
    client.logout()
    public = client.get(page.url).content.decode()
    assert "Ấp Bắc" in public and "Hùng Vương" not in public
    client.force_login(editor)
    compare = reverse("wagtailadmin_pages:revisions_compare",
                      args=[page.pk, "earliest", "latest"])
    assert client.get(compare).status_code == 200
