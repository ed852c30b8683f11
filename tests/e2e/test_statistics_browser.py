"""A citizen reads the statistics in a real browser: the list with its facets, a land
price table with its chart, the data downloaded; axe-core finds no serious or critical
violation on the list and the pages (seed 002 Đ3.11; seed 001 Đ3.3, Đ7.3; R-ED-16)."""

import re

import pytest

from tests.e2e.test_accessibility_browser import _serious

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_finds_land_prices_reads_the_chart_and_downloads_the_data(
    page, demo_site, screenshot
):
    found = []
    page.goto(demo_site + "/thong-ke/")
    assert page.get_by_role("heading", name="Thống kê – Chỉ số", exact=True).is_visible()
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
    assert table.is_visible()
    assert table.get_by_role("row", name=re.compile("Nam Kỳ Khởi Nghĩa")).inner_text().split(
        "\t")[1:] == ["22.000", "11.000", "7.700", "5.500"]
    chart = page.get_by_role("img", name="Bảng giá đất ở tại thành phố Mỹ Tho (trích)")
    assert chart.is_visible()
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
    assert page.get_by_role("columnheader", name="PCI score").is_visible()
    found += _serious(page)
    screenshot(page, "statistics-pci-english")
    assert found == [], "\n".join(found)
