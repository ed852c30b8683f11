"""Accessibility (the project's standard, WCAG 2.1 AA; no requirement id): axe-core finds
no serious or critical violation on every public page type of the reference site and of
the plugins — each section's list (browsing, searched and filtered), one entry of each, the
forms, the site-wide search, the English version, the page-not-found page; the keyboard
reaches everything (skip link, visible focus, the search box and every menu item by Tab);
the main menu is one row at 1280 px; nothing overflows a 375 px phone screen
(screenshots in tests/artifacts/)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The sections' lists, searched and filtered as a citizen does; each list's first entry
# is opened too (the first link inside its results): every page type of the site and of
# the plugins is among them.
LISTS = {
    "/tin-tuc/": ".article-list a",  # ArticleIndexPage → ArticlePage
    "/tin-tuc/?q=dau+tu&date_from=2026-01-01": None,
    "/van-ban/?q=quy+che": ".results a",  # LegalDocumentIndexPage → LegalDocumentPage
    "/van-ban/?type=QĐ&sort=oldest": None,
    "/thu-tuc-hanh-chinh/?q=dau+tu": ".results a",  # ProcedureIndexPage → ProcedurePage
    "/hoi-dap/": "main article a, main li a",  # QuestionIndexPage → a question
    "/danh-ba/?q=phong": None,  # DirectoryPage
    "/hoi-nghi-hoi-thao/": ".event-title a",  # EventIndexPage → EventPage
    "/hoi-nghi-hoi-thao/?when=past": None,
    "/thong-ke/": ".statistics-title a",  # StatisticsIndexPage → StatisticsPage
    "/du-an-dau-tu/": ".project-title a",  # ProjectIndexPage → ProjectPage
    "/du-an-dau-tu/?status=calling&q=khu+cong+nghiep": None,
    "/thong-tin-dau-thau/?q=quy+hoach+chi+tiet": ".notice-title a",  # NoticeIndexPage → a
    "/thong-tin-dau-thau/?state=open": ".notice-title a",  # closed notice; an open one
    "/doanh-nghiep/": ".enterprise-title a",  # EnterpriseDirectoryPage → one enterprise
    "/doanh-nghiep/?q=may+mac&status=operating": None,
    # ConsultationIndexPage → an open ConsultationPage (its comment form), a closed one
    # (the summary and the answers)
    "/lay-y-kien-du-thao/?state=open": ".consultation-title a",
    "/lay-y-kien-du-thao/?state=closed&q=moi+truong": ".consultation-title a",
    "/tim-kiem/?q=dau+tu": ".search-result a",  # the site-wide search → its first result
    "/tim-kiem/?q=thu+tuc&kind=procedures.procedurepage&page=2": None,
    "/tim-kiem/?q=khong+co+tu+nay+xyz": None,  # no result
}
PAGES = [
    "/",  # HomePage
    "/gioi-thieu/",  # OrganisationPage
    "/lien-he/",  # ContactPage
    "/quy-che-quan-ly-su-dung-trang-thong-tin-dien-tu/",  # StandardPage
    "/lich-cong-tac/",  # WorkProgrammePage
    "/lien-ket-website/",  # WeblinksPage
    "/tin-dang-doan-the/",  # party and union news (an ArticleIndexPage)
    "/hoi-dap/gui-cau-hoi/",  # the question form
    "/hoi-dap/tra-cuu/",  # following one's question
    "/tim-kiem/",  # the search page before a search
    "/en/",  # the English version
    "/en/tim-kiem/?q=investment",
]
NOT_FOUND = "/trang-khong-ton-tai/"
PHONE = {"width": 375, "height": 812}


def _serious(page):
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    assert response["testEngine"]["name"] == "axe-core"
    violations = response["violations"]
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in violations if violation["impact"] in ("serious", "critical")
    ]


def test_public_pages_have_no_serious_accessibility_violations(page, demo_site):
    found, visited = [], []
    for path in PAGES:
        response = page.goto(demo_site + path)
        if response.status == 404:  # a page this site does not have
            continue
        assert response.ok, path
        visited.append(path)
        found += _serious(page)
    assert page.goto(demo_site + NOT_FOUND).status == 404
    visited.append(NOT_FOUND)
    found += _serious(page)
    for path, entry_links in LISTS.items():
        assert page.goto(demo_site + path).ok, path
        visited.append(path)
        found += _serious(page)
        if entry_links:
            links = page.locator(entry_links)
            if links.count():
                links.first.click()
                page.wait_for_load_state()
                visited.append(page.url)
                found += _serious(page)
    assert len(visited) >= 25, visited
    print("axe-core checked:", *visited, sep="\n  ")
    assert found == [], "\n".join(found)


def _focused(page):
    """What has the keyboard focus: its tag, text or name, and whether its outline shows."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {tag: el.tagName, text: (el.innerText || el.value || '').trim(),
                id: el.id, name: el.getAttribute('name'), href: el.getAttribute('href'),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                visible: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0};
    }""")


def test_keyboard_reaches_the_skip_link_the_search_and_every_menu_item(page, demo_site,
                                                                      screenshot):
    """The first Tab shows the skip link, which moves the focus to the content; Tab then
    reaches the search box and every item of the main menu, each with a visible focus
    outline; typing in the search box and Enter searches."""
    page.goto(demo_site + "/")
    menu = page.locator(".main-nav a").all_inner_texts()
    assert len(menu) >= 6
    page.keyboard.press("Tab")
    first = _focused(page)
    assert first["href"] == "#main" and first["visible"] and first["outline"], first
    screenshot(page, "a11y-skip-link-focused")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(demo_site + "/")
    reached, outlines = [], []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = _focused(page)
        reached.append(focused)
        outlines.append(focused["outline"] and focused["visible"])
        if focused["text"] == menu[-1].strip():
            break
    texts = [item["text"] for item in reached]
    for title in menu:
        assert title.strip() in texts, (title, texts)
    assert any(item["id"] == "site-search-q" for item in reached)
    assert all(outlines), [item for item, shown in zip(reached, outlines, strict=True)
                           if not shown]
    page.locator(".main-nav a").nth(2).focus()
    screenshot(page, "a11y-menu-item-focused")

    page.locator("#site-search-q").focus()
    page.keyboard.type("thu tuc dau tu")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/tim-kiem/?q=thu+tuc+dau+tu" in page.url
    assert page.locator(".search-result").count() > 0
    assert page.locator(".search-result mark").count() > 0
    screenshot(page, "a11y-site-search-results")


def test_the_main_menu_is_one_row_at_1280_px(page, demo_site, screenshot):
    """Every item of the main menu on one row at 1280 px (none hidden: each is a visible
    link in the accessibility tree)."""
    page.goto(demo_site + "/")
    tops = page.evaluate(
        "() => [...document.querySelectorAll('.main-nav li')].map(li => li.offsetTop)")
    assert len(tops) >= 6 and len(set(tops)) == 1, tops
    for link in page.locator(".main-nav a").all():
        expect(link).to_be_visible()
    screenshot(page, "a11y-menu-1280")


PHONE_PAGES = ["/", "/tim-kiem/?q=dau+tu", "/van-ban/?q=quy+che", "/tin-tuc/",
               "/thu-tuc-hanh-chinh/", "/danh-ba/"]


def test_pages_fit_a_phone_screen(browser, demo_site, screenshot):
    """At 375 px nothing overflows sideways; the search box and every menu item are still
    there and reachable."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True)
    phone = context.new_page()
    found = []
    try:
        for path in PHONE_PAGES:
            assert phone.goto(demo_site + path).ok
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (path, width)
            expect(phone.locator("#site-search-q")).to_be_visible()
            for link in phone.locator(".main-nav a").all():
                expect(link).to_be_visible()
            name = path.strip("/").split("?")[0].replace("/", "-") or "home"
            screenshot(phone, f"a11y-phone-375-{name}")
            found += _serious(phone)
    finally:
        context.close()
    assert found == [], "\n".join(found)
