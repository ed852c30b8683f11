"""A citizen uses the administrative procedures in a real browser (R-PR-1…5)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_finds_a_procedure_downloads_a_form_and_works_out_the_date(
    page, demo_site, screenshot
):
    """R-PR-5 unaccented search and facets, R-PR-2 details, R-PR-3 form download, expected
    result date and printable checklist, all without needing JavaScript."""
    page.goto(demo_site + "/thu-tuc-hanh-chinh/")
    expect(page.get_by_role("heading", name="Thủ tục hành chính", exact=True)).to_be_visible()
    assert page.locator(".procedure-row").count() >= 20
    screenshot(page, "procedures-list")

    page.get_by_label("Tìm thủ tục").fill("giay phep lao dong")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"q=giay\+phep\+lao\+dong"))
    codes = page.locator(".procedure-row .procedure-code").all_inner_texts()
    assert "2.000205" in codes
    expect(page.locator(".procedure-name mark").first).to_be_visible()

    page.get_by_role("checkbox", name=re.compile(r"^Mức độ 4")).check()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"online=4"))
    codes = page.locator(".procedure-row .procedure-code").all_inner_texts()
    assert "2.000205" in codes and "2.000219" not in codes  # 2.000219 is at level 3
    screenshot(page, "procedures-search")

    page.locator(".procedure-row a", has_text="Cấp giấy phép lao động cho").click()
    assert page.locator("h1 .procedure-code").inner_text() == "2.000205"
    assert "Huỳnh Ngọc Diễm" in page.locator(".officer").inner_text()
    assert "600.000 đồng" in page.locator("table.channels").inner_text()

    with page.expect_download() as download:
        page.locator("a.form-download", has_text="ODT").first.click()
    assert download.value.suggested_filename.endswith(".odt")

    page.fill("#id_submitted", "2026-04-20")
    page.get_by_role("button", name="Tính ngày hẹn").click()
    page.wait_for_url(re.compile(r"submitted=2026-04-20"))
    result = page.locator(".expected-result")
    assert "Thứ 3, 28/04/2026" in result.locator(".due").inner_text()
    assert "Giỗ Tổ Hùng Vương" in result.inner_text()
    page.reload()
    assert "1 lượt tải" in page.locator("table.dossier").inner_text()
    screenshot(page, "procedure-detail")
    page.emulate_media(media="print")  # the printed page: no menus, no forms
    expect(page.locator(".expected-form")).not_to_be_visible()
    expect(page.locator("table.dossier")).to_be_visible()
    screenshot(page, "procedure-detail-print")
    page.emulate_media(media="screen")

    page.get_by_role("link", name="In danh mục hồ sơ").click()
    expect(page.get_by_role("heading", name="Hồ sơ cần chuẩn bị")).to_be_visible()
    assert page.locator("table.checklist-table tbody tr").count() == 7
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).not_to_be_visible()
    screenshot(page, "procedure-checklist-print")

    page.goto(demo_site + "/thu-tuc-hanh-chinh/?q=1.009645")
    assert page.locator(".procedure-row .procedure-code").first.inner_text() == "1.009645"
