"""A citizen finds a conference, reads its materials and adds it to a calendar; browses
the weblinks directory and the party and union news, in a real browser (R-SITE-4,
R-SITE-7). Every public page here has no serious or critical axe-core violation.

Screenshots go to tests/artifacts/ (events-*.png, weblinks.png, party-news.png)."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _serious(page):
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    assert response["testEngine"]["name"] == "axe-core"
    return [f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in response["violations"]
            if violation["impact"] in ("serious", "critical")]


def test_citizen_finds_an_event_reads_its_materials_and_saves_it_to_a_calendar(
    page, demo_site, screenshot
):
    """R-SITE-4: upcoming / past and kind filters without JavaScript, the event's details,
    materials (open formats marked) and its .ics file."""
    found = []
    page.goto(demo_site + "/hoi-nghi-hoi-thao/")
    heading = page.get_by_role("heading", name="Hội nghị, hội thảo, tập huấn", level=1)
    expect(heading).to_be_visible()
    assert page.locator(".event-row").count() >= 5
    found += _serious(page)
    screenshot(page, "events-list")

    page.get_by_role("radio", name="Sắp và đang diễn ra").check()
    page.get_by_role("checkbox", name=re.compile(r"^Tập huấn")).check()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"when=upcoming"))
    titles = page.locator(".event-title a").all_inner_texts()
    assert titles == ["Tập huấn pháp luật về bảo vệ môi trường cho doanh nghiệp khu công nghiệp"]
    found += _serious(page)
    screenshot(page, "events-upcoming-training")

    page.get_by_role("checkbox", name=re.compile(r"^Tập huấn")).uncheck()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(lambda url: "kind=" not in url)
    titles = page.locator(".event-title a").all_inner_texts()  # soonest first
    assert titles[:2] == [
        "Tập huấn pháp luật về bảo vệ môi trường cho doanh nghiệp khu công nghiệp",
        "Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027"]

    page.get_by_role("radio", name="Đã diễn ra").check()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"when=past"))
    assert page.locator(".event-row .badge-past").count() == page.locator(".event-row").count()
    assert "Hội thảo thu hút đầu tư công nghệ cao" not in page.content()  # the draft

    page.goto(demo_site + "/hoi-nghi-hoi-thao/")
    page.locator(".event-title a", has_text="Tập huấn pháp luật về bảo vệ môi trường").click()
    expect(page.locator(".event-facts").get_by_text("Phòng Quản lý môi trường")).to_be_visible()
    materials = page.locator(".material")
    assert materials.count() == 2
    assert page.locator(".material .open-format").count() == 2
    found += _serious(page)
    screenshot(page, "events-detail")

    with page.expect_download() as download:
        page.locator("a.material-download").first.click()
    assert download.value.suggested_filename.endswith(".odt")
    with page.expect_download() as download:
        page.get_by_role("link", name="Thêm vào lịch của tôi (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(open(download.value.path(), "rb").read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Tập huấn pháp luật về bảo vệ môi trường")
    assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"

    page.goto(demo_site + "/en/events/")
    assert page.locator(".event-row").count() == 2
    found += _serious(page)
    screenshot(page, "events-english")
    assert not found, "\n".join(found)


def test_citizen_browses_the_weblinks_and_the_party_and_union_news(page, demo_site, screenshot):
    """R-SITE-7: the weblinks grouped, opening other websites in a new tab safely; the party
    and union news as a section of the news."""
    found = []
    page.goto(demo_site + "/lien-ket-website/")
    expect(page.get_by_role("heading", name="Đảng, đoàn thể", level=2)).to_be_visible()
    link = page.get_by_role("link", name=re.compile(r"^Cổng Dịch vụ công quốc gia"))
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel")
    found += _serious(page)
    screenshot(page, "weblinks")

    page.goto(demo_site + "/")
    page.locator("nav.main-nav").get_by_role("link", name="Tin Đảng, đoàn thể").first.click()
    page.wait_for_url(re.compile(r"/tin-dang-doan-the/"))
    expect(page.get_by_text("Công đoàn cơ sở Ban Quản lý thăm hỏi").first).to_be_visible()
    found += _serious(page)
    screenshot(page, "party-news")
    page.goto(demo_site + "/en/web-links/")
    found += _serious(page)
    assert not found, "\n".join(found)
