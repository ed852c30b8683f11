"""A citizen uses the legal document library in a real browser (R-LD-1…4)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_searches_without_accents_filters_and_reads(page, demo_site, screenshot):
    """R-LD-4 unaccented search, R-LD-3 facets, R-LD-2 read and download, no JavaScript needed."""
    page.goto(demo_site + "/van-ban/")
    expect(page.get_by_role("heading", name="Văn bản", exact=True)).to_be_visible()
    screenshot(page, "legal-library")
    page.get_by_label("Tìm kiếm").fill("quy che trang thong tin dien tu")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"q=quy\+che"))
    numbers = page.locator(".document-item .doc-number").all_inner_texts()
    assert "29/QĐ-BQL" in numbers
    expect(page.locator(".document-item mark").first).to_be_visible()
    screenshot(page, "legal-library-search")

    page.get_by_role("checkbox", name=re.compile(r"^2018 \(")).check()
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url(re.compile(r"year=2018"))
    numbers = page.locator(".document-item .doc-number").all_inner_texts()
    assert numbers == ["29/QĐ-BQL"]

    page.locator(".document-item a", has_text="29/QĐ-BQL").click()
    assert page.locator(".status-banner").inner_text().startswith("Tình trạng hiệu lực")
    expect(page.get_by_role("cell", name="Quyết định", exact=True)).to_be_visible()
    assert page.locator("table.relations").inner_text().count("Căn cứ") >= 3
    screenshot(page, "legal-document")
    with page.expect_download() as download:
        page.locator("ul.files a").first.click()
    assert download.value.suggested_filename.endswith(".odt")

    page.goto(demo_site + "/van-ban/?q=05%2Fqd-bql")
    assert page.locator(".document-item .doc-number").first.inner_text() == "05/QĐ-BQL"
    assert "Hết hiệu lực toàn bộ" in page.locator(".document-item").first.inner_text()
