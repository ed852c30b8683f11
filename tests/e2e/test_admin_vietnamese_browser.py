"""Issue 7: the Wagtail admin in Vietnamese, as an editor sees it in Chromium."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Page
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.browser

# Common English labels that must not remain anywhere on the editor (R-SITE-1 staff use).
ENGLISH = ("Save draft", "Publish", "Settings", "Preview", "Pages", "Search", "Status",
           "Promote", "Content", "Comments", "Workflow")


def _sign_in_as_an_editor(page, demo_site):
    """A new editor who reads the admin in Vietnamese, signed in through the login form."""
    user = get_user_model().objects.create_superuser("bientapvien", "btv@example.vn",
                                                     "Mat-khau-rieng-2026")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    page.goto(demo_site + "/admin/login/")
    page.fill("input[name=username]", "bientapvien")
    page.fill("input[name=password]", "Mat-khau-rieng-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile("/admin/$"))


def test_page_editor_reads_in_vietnamese(page, demo_site, screenshot):
    """The page editor, its side panels and its JavaScript strings are in Vietnamese."""
    _sign_in_as_an_editor(page, demo_site)
    news = Page.objects.filter(slug="tin-tuc").first().get_children().first()
    page.goto(f"{demo_site}/admin/pages/{news.pk}/edit/")
    page.get_by_role("button", name="Lưu bản nháp").wait_for()
    # The actions menu, drawn by JavaScript, offers "Xuất bản".
    page.get_by_role("button", name="Thao tác khác").first.click()
    page.get_by_role("button", name="Xuất bản").wait_for()
    shown = page.locator("body").inner_text()
    left = [label for label in ENGLISH if re.search(rf"(?m)^\s*{label}\s*$", shown)]
    assert left == []
    assert "Nội dung" in shown and "Quảng bá" in shown
    screenshot(page, "admin-page-editor-vi")


def test_a_new_pages_address_is_folded_from_its_title(page, demo_site):
    """Issue 15: typing a Vietnamese title fills the slug with ASCII (đ → d), as the
    agency's addresses are written (/van-ban/, never /văn-bản/)."""
    _sign_in_as_an_editor(page, demo_site)
    home = Page.objects.filter(slug="tin-tuc").first().get_parent()
    page.goto(f"{demo_site}/admin/pages/add/portal/standardpage/{home.pk}/")
    page.fill("#id_title", "Đăng ký đầu tư ở Tiền Giang")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value("dang-ky-dau-tu-o-tien-giang")
