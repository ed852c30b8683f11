"""A consultation on a draft in a real browser, in Vietnamese, on the demo agency (R-EO-12):
the drafter asks two people with the draft's file and opens it, one responds, the deadline
passes (the scheduled job runs), and the report shows the other flagged.

Screenshots go to the test's temporary folder (consultations-*.png)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import admin_login, ready_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Dự thảo Quy định về tiếp nhận hồ sơ trực tuyến tại Ban"
PDF = b"%PDF-1.4\n%%EOF\n"


def _shot(page, folder, name):
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_r_eo_12_asked_one_responds_the_other_is_flagged(page, demo_site, tmp_path):
    from django.contrib.auth import get_user_model

    from plugins.eoffice.consultations.deadlines import run_deadlines
    from plugins.eoffice.consultations.models import Consultation

    ready_accounts("chuyenvien", "truongphongqldn", "chanhvanphong")
    people = {user.username: user for user in get_user_model().objects.filter(
        username__in=["truongphongqldn", "chanhvanphong"])}

    # The drafter asks two people, with the draft's file, and opens it.
    admin_login(page, demo_site, "chuyenvien")
    page.goto(f"{demo_site}/admin/lay-y-kien/moi/")
    page.locator("input[name=title]").fill(TITLE)
    page.locator("textarea[name=summary]").fill("Đề nghị góp ý Điều 3 và Điều 5.")
    page.locator("input[name=working_days]").fill("2")
    for user in people.values():
        page.locator(f"input[name=people][value='{user.pk}']").check()
    page.locator("input[name=files]").set_input_files(
        {"name": "du-thao-quy-dinh.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.locator("form.consultation-form button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("main")).to_contain_text("du-thao-quy-dinh.pdf")
    page.locator("button[name=do][value=open]").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator(".consultation-state")).to_contain_text("Đang lấy ý kiến")
    _shot(page, tmp_path, "consultations-1-opened")
    consultation = Consultation.objects.get(title=TITLE)
    detail = f"{demo_site}/admin/lay-y-kien/{consultation.pk}/"

    # One of them responds.
    admin_login(page, demo_site, "truongphongqldn")
    page.goto(f"{demo_site}/admin/lay-y-kien/")
    expect(page.locator("table.consultations")).to_contain_text(TITLE)
    page.goto(detail)
    page.locator("input[type=radio][value=comments]").check()
    page.locator("form.consultation-respond textarea").fill("Bổ sung thời hạn trả kết quả.")
    _shot(page, tmp_path, "consultations-2-responding")
    page.locator("form.consultation-respond button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("table.consultation-responses")).to_contain_text(
        "Thống nhất, có góp ý")

    # The deadline passes: the scheduled job closes it and flags the other.
    assert run_deadlines(timezone.now() + datetime.timedelta(days=15)).get(
        consultation.pk) == 1

    admin_login(page, demo_site, "chuyenvien")
    page.goto(f"{detail}bao-cao/")
    flagged = page.locator("table.consultation-report tr.consultation-flagged")
    expect(flagged).to_have_count(1)
    name = people["chanhvanphong"].get_full_name() or "chanhvanphong"
    expect(flagged).to_contain_text(name)
    expect(flagged).to_contain_text("Không trả lời")
    responder = page.locator("table.consultation-report tr", has_text="Thống nhất, có góp ý")
    expect(responder).to_have_count(1)
    path = _shot(page, tmp_path, "consultations-3-report")
    assert path.stat().st_size > 10_000
    print("screenshots in", tmp_path)
