"""A citizen reads the statistics in a real browser: the list with its facets, a land
price table with its chart, the data downloaded; axe-core finds no serious or critical
violation on the list and the pages (seed 002 Đ3.11; seed 001 Đ3.3, Đ7.3; R-ED-16)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility_browser import _serious

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_finds_land_prices_reads_the_chart_and_downloads_the_data(
    page, demo_site, screenshot
):
    found = []
    page.goto(demo_site + "/thong-ke/")
    expect(page.get_by_role("heading", name="Thống kê – Chỉ số", exact=True)).to_be_visible()
    assert page.locator(".statistics-row").count() == 2
    found += _serious(page)
    screenshot(page, "statistics-list")

    page.get_by_label("Tìm số liệu thống kê").fill("gia dat my tho")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"q=gia\+dat\+my\+tho"))
    assert page.locator(".statistics-row").count() == 1
    page.get_by_role("checkbox", name=re.compile(r"^2025")).check()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"year=2025"))
    assert page.locator(".statistics-row").count() == 1
    found += _serious(page)
    screenshot(page, "statistics-list-search")

    page.locator(".statistics-row a", has_text="Bảng giá đất ở").click()
    table = page.get_by_role("table", name=re.compile("Bảng giá đất ở tại thành phố Mỹ Tho"))
    expect(table).to_be_visible()
    assert table.get_by_role("row", name=re.compile("Nam Kỳ Khởi Nghĩa")).inner_text().split(
        "\t")[1:] == ["22.000", "11.000", "7.700", "5.500"]
    chart = page.get_by_role("img", name="Bảng giá đất ở tại thành phố Mỹ Tho (trích)")
    expect(chart).to_be_visible()
    assert page.locator("figure.statistics-chart svg rect").count() == 8 * 2 + 2
    found += _serious(page)
    screenshot(page, "statistics-land-prices")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "bang-gia-dat-o-thanh-pho-my-tho.csv"
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert text.splitlines()[0] == "Tuyến đường,Vị trí 1,Vị trí 2,Vị trí 3,Vị trí 4"

    page.goto(demo_site + "/thong-ke/chi-so-nang-luc-canh-tranh-cap-tinh-pci/")
    assert page.locator("figure.statistics-chart svg path").count() == 1
    found += _serious(page)
    screenshot(page, "statistics-pci")

    page.goto(demo_site + "/en/statistics/provincial-competitiveness-index-pci/")
    expect(page.get_by_role("columnheader", name="PCI score")).to_be_visible()
    found += _serious(page)
    screenshot(page, "statistics-pci-english")
    assert found == [], "\n".join(found)


def test_editor_replaces_the_table_a_bad_file_is_refused_with_its_reasons(
    page, demo_site, screenshot, tmp_path
):
    """The editor uploads a file with a word among the figures: refused, line and column
    named in Vietnamese, nothing changed; a good ODS file is saved as a draft, which the
    public does not see until it is published."""
    from plugins.stats_pages.models import StatisticsPage
    from tests.e2e.conftest import admin_login, ready_accounts
    from tests.stats_pages.conftest import ods_bytes

    land = StatisticsPage.objects.get(slug="bang-gia-dat-o-thanh-pho-my-tho",
                                      locale__language_code="vi")
    ready_accounts("chuyenvien")
    admin_login(page, demo_site, "chuyenvien")
    page.goto(f"{demo_site}/admin/pages/{land.pk}/edit/")
    assert "bang-gia-dat-o-thanh-pho-my-tho.xlsx, 8 dòng" in page.content()
    bad = tmp_path / "gia-dat.csv"
    bad.write_text("Tuyến đường,Vị trí 1\nẤp Bắc,18.000\nLê Lợi,hai mươi\n", encoding="utf-8")
    page.locator("input[name=data_upload]").set_input_files(str(bad))
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_load_state("networkidle")
    error = page.get_by_text("Dòng 3: “hai mươi” ở cột “Vị trí 1” không phải là số.")
    expect(error).to_be_visible()
    error.scroll_into_view_if_needed()
    screenshot(page, "statistics-admin-refused")
    land.refresh_from_db()  # Wagtail 8's autosave may keep a revision: the same table
    assert land.table["rows"][0][0] == "Ấp Bắc"
    assert land.get_latest_revision_as_object().table == land.table

    good = tmp_path / "gia-dat.ods"
    good.write_bytes(ods_bytes([("Tuyến đường", "Vị trí 1", "Vị trí 2"),
                                ("Hùng Vương", 21000, 10500)]))
    page.goto(f"{demo_site}/admin/pages/{land.pk}/edit/")
    page.locator("input[name=data_upload]").set_input_files(str(good))
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "statistics-admin-draft-saved")
    latest = StatisticsPage.objects.get(pk=land.pk).get_latest_revision_as_object()
    assert latest.table["rows"] == [["Hùng Vương", "21000", "10500"]]
    page.context.clear_cookies()
    page.goto(demo_site + "/thong-ke/bang-gia-dat-o-thanh-pho-my-tho/")
    table = page.locator("table.statistics-table").inner_text()
    assert "Ấp Bắc" in table and "22.000" in table and "21.000" not in table
