"""A citizen and an administrator use the reference site in a real browser."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_reads_the_org_chart_and_filters_news(page, demo_site, screenshot):
    """R-SITE-1, R-SITE-2, R-ORG-1: the org chart is drawn; the news filter works by keyboard."""
    page.goto(demo_site + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    screenshot(page, "site-home")
    page.get_by_role("link", name="Giới thiệu").first.click()
    expect(page.get_by_role("heading", name="Sơ đồ tổ chức")).to_be_visible()
    expect(page.locator(".orgchart-unit", has_text="Phòng Quản lý doanh nghiệp")).to_be_visible()
    screenshot(page, "site-organisation")

    page.goto(demo_site + "/tin-tuc/")
    page.get_by_label("Từ khóa").fill("doi thoai")
    page.get_by_label("Từ khóa").press("Enter")
    page.wait_for_url(re.compile(r"q=doi\+thoai"))
    titles = page.locator(".article-list h3").all_inner_texts()
    assert titles == ["Hội nghị đối thoại với doanh nghiệp các khu công nghiệp năm 2026"]
    screenshot(page, "site-news-filtered")


def test_admin_first_login_forces_a_password_change(page, demo_site, screenshot):
    """R-EO-1: the printed one-time password works once and must be replaced."""
    out = StringIO()
    call_command("create_admin", stdout=out)
    password = re.search(r"one-time password: (\S+)", out.getvalue()).group(1)
    page.goto(demo_site + "/admin/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", password)
    page.get_by_role("button", name=re.compile("Đăng nhập|Sign in")).click()
    page.wait_for_url(re.compile("/admin/doi-mat-khau/"))
    screenshot(page, "admin-password-change")
    page.fill("input[name=old_password]", password)
    page.fill("input[name=new_password1]", "Mat-khau-rieng-2026")
    page.fill("input[name=new_password2]", "Mat-khau-rieng-2026")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_url(re.compile("/admin/$"))
    screenshot(page, "admin-dashboard")
