"""A citizen finds a project calling for investment and reads its documents; follows the
bidding notices, open and closed, and a notice's results; finds both through the site-wide
search — in a real browser (R-SITE-3; seed 000 Đ7.5, seed 002 Đ3.7). Every public page here
has no serious or critical axe-core violation.

Screenshots go to tests/artifacts/ (investment-*.png)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

APPLY = "Áp dụng bộ lọc"


def _serious(page):
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    assert response["testEngine"]["name"] == "axe-core"
    return [f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in response["violations"]
            if violation["impact"] in ("serious", "critical")]


def test_citizen_finds_a_project_calling_for_investment_and_its_documents(
    page, demo_site, screenshot
):
    """R-SITE-3: status and zone facets without JavaScript, search without accents, the
    project's facts (capital in đồng) and documents (open formats marked)."""
    found = []
    page.goto(demo_site + "/du-an-dau-tu/")
    expect(page.get_by_role("heading", name="Dự án đầu tư", level=1)).to_be_visible()
    assert page.locator(".project-row").count() == 5  # the draft is not there
    assert "Điện mặt trời mái nhà" not in page.content()
    found += _serious(page)
    screenshot(page, "investment-projects")

    page.get_by_role("checkbox", name=re.compile(r"^Kêu gọi đầu tư")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Khu công nghiệp Long Giang")).check()
    page.get_by_role("button", name=APPLY).click()
    page.wait_for_url(re.compile(r"status=calling"))
    assert page.locator(".project-title a").all_inner_texts() == [
        "Trung tâm dịch vụ logistics và kho ngoại quan Long Giang"]
    found += _serious(page)
    screenshot(page, "investment-projects-calling-long-giang")

    page.goto(demo_site + "/du-an-dau-tu/")
    page.get_by_role("searchbox", name="Tìm dự án").fill("tan phuoc")
    page.get_by_role("button", name="Tìm kiếm", exact=True).click()
    page.locator(".project-title a", has_text="Tân Phước 1").click()
    facts = page.locator(".project-facts")
    expect(facts.get_by_text("4.500.000.000.000 ₫")).to_be_visible()
    expect(facts.get_by_text("đang tìm nhà đầu tư")).to_be_visible()
    assert page.locator(".attachment .open-format").count() == 2
    found += _serious(page)
    screenshot(page, "investment-project")
    with page.expect_download() as download:
        page.locator("a.attachment-download").last.click()
    assert download.value.suggested_filename.endswith(".odt")
    assert found == [], "\n".join(found)


def test_citizen_follows_bidding_notices_open_and_closed_and_reads_results(
    page, demo_site, screenshot
):
    """Seed 002 Đ3.7: open notices soonest closing first, closed ones marked "Đã đóng
    thầu", a closed notice's results and decision; the site-wide search finds a notice by
    words without accents."""
    found = []
    page.goto(demo_site + "/thong-tin-dau-thau/")
    expect(page.get_by_role("heading", name="Thông tin đấu thầu, mua sắm công",
                            level=1)).to_be_visible()
    assert page.locator(".notice-row").count() == 4
    found += _serious(page)
    screenshot(page, "investment-notices")

    page.get_by_role("radio", name="Đang mời thầu").check()
    page.get_by_role("button", name=APPLY).click()
    page.wait_for_url(re.compile(r"state=open"))
    assert page.locator(".notice-title a").all_inner_texts() == [
        "Thông báo mời chào giá: Mua sắm máy tính, máy in cho các phòng năm 2027",
        "Thông báo mời thầu gói thầu số 03: Mua sắm, lắp đặt trạm quan trắc nước thải tự động"]
    page.get_by_role("radio", name="Đã đóng thầu").check()
    page.get_by_role("button", name=APPLY).click()
    page.wait_for_url(re.compile(r"state=closed"))
    assert page.locator(".notice-row .badge-closed").count() == 2
    found += _serious(page)
    screenshot(page, "investment-notices-closed")

    page.locator(".notice-title a", has_text="quy hoạch chi tiết").click()
    assert page.locator(".notice-meta .badge-closed").inner_text() == "Đã đóng thầu"
    results = page.get_by_role("region", name="Kết quả lựa chọn nhà thầu")
    expect(results.get_by_text("2.150.000.000 đồng", exact=False)).to_be_visible()
    assert results.locator(".attachment-read").count() == 1  # the decision, a PDF
    found += _serious(page)
    screenshot(page, "investment-notice-results")

    page.locator("#site-search-q").fill("tram quan trac nuoc thai")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".search-result a", has_text="trạm quan trắc nước thải").count() >= 1
    assert page.get_by_role("checkbox", name=re.compile(
        r"^Thông báo đấu thầu, mua sắm công")).count() == 1
    found += _serious(page)
    screenshot(page, "investment-site-search")
    assert found == [], "\n".join(found)


def test_the_lists_and_pages_fit_a_phone_screen(browser, demo_site, screenshot):
    """At 375 px nothing overflows sideways: the facets go under the search, long package
    names and amounts wrap."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="vi-VN",
                                  is_mobile=True)
    phone = context.new_page()
    try:
        for path, name in (("/du-an-dau-tu/", "projects"), ("/thong-tin-dau-thau/", "notices")):
            assert phone.goto(demo_site + path).ok
            assert phone.evaluate("document.documentElement.scrollWidth") <= 375, path
            screenshot(phone, f"investment-phone-375-{name}")
            phone.locator(".project-title a, .notice-title a").first.click()
            phone.wait_for_load_state()
            assert phone.evaluate("document.documentElement.scrollWidth") <= 375, phone.url
            screenshot(phone, f"investment-phone-375-{name}-entry")
    finally:
        context.close()
