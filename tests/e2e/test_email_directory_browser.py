"""A citizen uses the email directory in a real browser (R-EM-1, R-ORG-2): searches a name
without accents, filters by unit, copies an address with the keyboard, downloads a vCard;
without JavaScript the address is still readable."""

import re

import pytest
import vobject
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def test_citizen_searches_filters_copies_and_downloads(page, demo_site, screenshot):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_site)
    page.goto(demo_site + "/danh-ba/")
    expect(page.get_by_role("heading", name="Danh bạ thư điện tử", level=1)).to_be_visible()
    # The HTML as served holds no address (the footer is the site's layout, not the
    # directory's); the script has turned each one into a mailto link.
    raw = page.request.get(demo_site + "/danh-ba/").text()
    directory_html = raw[raw.index('class="email-directory"'):raw.index("</main>")]
    assert "mailto:" not in directory_html and not ADDRESS.search(directory_html)
    leaders = page.locator(".directory-group").first
    expect(leaders.get_by_role("link", name="thanhnv@tiengiang.gov.vn")).to_be_visible()
    screenshot(page, "email-directory")

    page.get_by_label("Họ tên, chức vụ hoặc đơn vị").fill("nguyen van thanh")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"q=nguyen\+van\+thanh"))
    names = page.locator(".directory-table tbody th").all_inner_texts()
    assert sorted(names) == ["Nguyễn Văn Thành", "Nguyễn Văn Thành"]
    screenshot(page, "email-directory-search")

    page.get_by_label("Họ tên, chức vụ hoặc đơn vị").fill("")
    page.get_by_label("Đơn vị", exact=True).select_option(label="— Phòng Quản lý đầu tư")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"unit=\d+"))
    assert page.locator(".directory-group h2").all_inner_texts() == ["Phòng Quản lý đầu tư"]
    row = page.locator("tr", has_text="Bùi Quốc Việt")
    link = row.get_by_role("link", name="vietbq@tiengiang.gov.vn")
    assert link.get_attribute("href") == "mailto:vietbq@tiengiang.gov.vn"

    # Keyboard: Tab from the address link reaches its copy button; Enter copies.
    link.focus()
    page.keyboard.press("Tab")
    copy = row.get_by_role("button", name="Sao chép địa chỉ thư điện tử của Bùi Quốc Việt")
    assert copy.evaluate("button => button === document.activeElement")
    page.keyboard.press("Enter")
    announcer = page.locator("[data-email-announcer]")
    announcer.wait_for(state="attached")
    page.wait_for_function(
        "() => document.querySelector('[data-email-announcer]').textContent.length > 0")
    assert announcer.text_content() == "Đã sao chép vietbq@tiengiang.gov.vn."
    assert page.evaluate("navigator.clipboard.readText()") == "vietbq@tiengiang.gov.vn"
    assert copy.inner_text() == "Đã sao chép"
    screenshot(page, "email-directory-unit-copied")

    with page.expect_download() as download:
        row.get_by_role("link", name="Danh thiếp (vCard) của Bùi Quốc Việt").click()
    assert download.value.suggested_filename == "bui-quoc-viet.vcf"
    card = vobject.readOne(open(download.value.path(), encoding="utf-8").read())
    assert card.fn.value == "Bùi Quốc Việt"
    assert card.email.value == "vietbq@tiengiang.gov.vn"
    assert card.title.value == "Trưởng phòng"


def test_without_javascript_the_address_is_still_readable(browser, demo_site, screenshot):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(demo_site + "/danh-ba/?q=dang+xuan+phong")
    cell = page.locator("tr", has_text="Đặng Xuân Phong").locator(".email-address")
    assert cell.inner_text().split() == ["phongdx", "(a", "còng)", "tiengiang.gov.vn"]
    assert page.locator(".email-link").count() == 0
    screenshot(page, "email-directory-no-javascript")
    context.close()
