"""The work schedule in a real browser, in Vietnamese, on the demo agency (R-EO-10,
R-SITE-5): the clerk drafts an entry in the week view and submits the week, the head
approves it, and it appears on the public work programme; the public page has no serious
or critical axe-core violation.

Screenshots go to tests/artifacts/ (eoffice-schedules-*.png)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import admin_login, ready_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


CONTENT = "Làm việc với Đoàn kiểm tra của Bộ Kế hoạch và Đầu tư về tình hình khu công nghiệp"


def _serious(page):
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    assert response["testEngine"]["name"] == "axe-core"
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in response["violations"]
            if violation["impact"] in ("serious", "critical")]


def _admin_shot(page, screenshot, name):
    size = page.viewport_size
    height = page.evaluate("Math.max(document.body.scrollHeight, "
                           "document.querySelector('main')?.scrollHeight || 0)")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 900), 4000)})
    path = screenshot(page, name)
    page.set_viewport_size(size)
    return path


def test_r_eo_10_r_site_5_drafted_approved_and_seen_on_the_work_programme(page, demo_site,
                                                                         screenshot):
    from plugins.core.models import Agency
    from plugins.eoffice.schedules.weeks import week_key

    ready_accounts("vanthu", "truongban")
    bql = Agency.objects.get(symbol="BQL")
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=14)
    week = week_key(monday)
    week_url = f"{demo_site}/admin/lich-cong-tac/tuan/?schedule={bql.pk}&week={week}"

    # The clerk drafts an entry on the Tuesday of the week after next and submits the week.
    admin_login(page, demo_site, "vanthu")
    page.goto(week_url)
    add = page.locator(f"a[href*='date={monday + datetime.timedelta(days=1):%Y-%m-%d}']")
    add.first.click()
    page.wait_for_load_state("domcontentloaded")
    page.locator("input[name=start_time]").fill("08:30")
    page.locator("input[name=end_time]").fill("11:00")
    page.locator("textarea[name=content]").fill(CONTENT)
    page.locator("input[name=chair]").fill("Trưởng ban Nguyễn Văn Thành")
    page.locator("input[name=place]").fill("Phòng họp số 1")
    page.locator("input[name=preparer]").fill("Phòng Quản lý đầu tư")
    page.keyboard.press("Escape")
    page.locator("button.button-longrunning[type=submit]").first.click()
    page.wait_for_load_state("domcontentloaded")
    page.goto(week_url)
    expect(page.locator("table.schedule-week")).to_contain_text(CONTENT)
    page.locator("button[name=action][value=submit_week]").click()
    page.wait_for_load_state("domcontentloaded")
    _admin_shot(page, screenshot, "eoffice-schedules-1-submitted")

    # Not on the portal before approval.
    page.goto(f"{demo_site}/lich-cong-tac/?week={week}")
    expect(page.locator("main")).not_to_contain_text(CONTENT)

    # The head approves the week.
    admin_login(page, demo_site, "truongban")
    page.goto(week_url)
    page.locator("button[name=action][value=approve_week]").click()
    page.wait_for_load_state("domcontentloaded")
    _admin_shot(page, screenshot, "eoffice-schedules-2-approved")

    # Citizens see it on the work programme.
    page.context.clear_cookies()
    page.goto(f"{demo_site}/lich-cong-tac/?week={week}")
    expect(page.locator("table.work-programme__table")).to_contain_text(CONTENT)
    screenshot(page, "eoffice-schedules-3-public-week")

    # This week: today marked, a changed and a cancelled entry marked; accessible.
    page.goto(f"{demo_site}/lich-cong-tac/")
    expect(page.locator("tbody[aria-current=date]")).to_have_count(1)
    expect(page.locator(".work-programme__entry--cancelled")).to_have_count(1)
    expect(page.locator(".work-programme__entry--changed")).to_have_count(1)
    screenshot(page, "eoffice-schedules-4-public-this-week")
    assert _serious(page) == []
    page.emulate_media(media="print")
    expect(page.locator(".work-programme__weeks")).to_be_hidden()
    screenshot(page, "eoffice-schedules-5-print")
