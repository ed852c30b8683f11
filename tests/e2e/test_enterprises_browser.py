"""A citizen looks up an enterprise of the industrial zones in a real browser: the directory
with its facets and the date of its last update, a search without accents, one enterprise's
page, the chosen list downloaded as a spreadsheet; the English directory. axe-core finds no
serious or critical violation (seed 000 Đ4.2a; seed 001 Đ3.2c, Đ7.2g, Đ8.4; R-ED-16).

Screenshots go to tests/artifacts/ (enterprises-*.png)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility_browser import _serious

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_finds_an_enterprise_reads_its_page_and_downloads_the_list(
    page, demo_site, screenshot
):
    found = []
    page.goto(demo_site + "/doanh-nghiep/")
    expect(page.get_by_role("heading", name="Doanh nghiệp", level=1)).to_be_visible()
    assert page.locator(".enterprise-row").count() == 9  # the one kept in the admin: not
    assert "Dữ liệu cập nhật lần cuối ngày" in page.locator(".enterprise-updated").inner_text()
    found += _serious(page)
    screenshot(page, "enterprises-list")

    page.get_by_role("checkbox", name=re.compile(r"^Khu công nghiệp Long Giang")).check()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"zone="))
    assert page.locator(".enterprise-row").count() == 3
    found += _serious(page)

    page.get_by_label("Tìm doanh nghiệp").fill("dien tu")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"q=dien\+tu"))
    names = page.locator(".enterprise-title a").all_inner_texts()
    assert names == ["Công ty TNHH Điện tử Long Giang Việt Nam"]
    found += _serious(page)
    screenshot(page, "enterprises-search")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải danh sách này dạng ODS").click()
    assert download.value.suggested_filename == "doanh-nghiep.ods"
    import tablib

    data = tablib.Dataset().load(open(download.value.path(), "rb"), format="ods")
    assert [row[0] for row in data] == ["Công ty TNHH Điện tử Long Giang Việt Nam"]

    page.locator(".enterprise-title a").first.click()
    expect(page.get_by_role("heading", name="Công ty TNHH Điện tử Long Giang Việt Nam",
                            level=1)).to_be_visible()
    facts = page.locator(".enterprise-facts").inner_text()
    assert "Khu công nghiệp Long Giang" in facts and "Hoàng Minh Tuấn" in facts
    found += _serious(page)
    screenshot(page, "enterprises-detail")

    page.goto(demo_site + "/en/enterprises/?status=suspended")
    expect(page.get_by_role("heading", name="Enterprises", level=1)).to_be_visible()
    assert page.locator(".enterprise-row").count() == 1
    found += _serious(page)
    screenshot(page, "enterprises-english")
    assert not found, "\n".join(found)
