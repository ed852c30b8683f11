"""Accessibility (the project's standard; no requirement id): axe-core finds no serious or
critical violation on the public pages a citizen uses — each section's list (browsing,
searched and filtered), one entry of each, the forms, the English version."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The sections' lists, searched and filtered as a citizen does; each list's first entry
# is opened too (the first link inside its results).
LISTS = {
    "/tin-tuc/": ".article-list a",
    "/van-ban/?q=quy+che": ".results a",
    "/thu-tuc-hanh-chinh/?q=dau+tu": ".results a",
    "/hoi-dap/": "main article a, main li a",
    "/danh-ba/?q=phong": None,
}
PAGES = ["/", "/gioi-thieu/", "/lien-he/", "/hoi-dap/gui-cau-hoi/", "/en/"]


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
    assert len(visited) >= 10, visited
    print("axe-core checked:", *visited, sep="\n  ")
    assert found == [], "\n".join(found)
