"""Browser tests: Debian's Chromium driven by Python Playwright (never a downloaded browser).

Screenshots go to tests/artifacts/ (kept by the test run, ignored by git)."""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def _chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return os.environ.get("CHROMIUM") or found


@pytest.fixture(scope="session")
def browser():
    executable = _chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package.")
        pytest.skip("Chromium is not installed (apt-get install -y chromium).")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def demo_site(live_server, demo):
    from wagtail.models import Site

    # The live server listens on 127.0.0.1:<port>: serve the first agency there.
    site = Site.objects.get(hostname="localhost")
    site.port = 80
    site.is_default_site = True
    site.save()
    return live_server.url


PASSWORD = "mat-khau-thu-nghiem-2026"


def ready_accounts(*usernames):
    """The demo accounts ``usernames`` log in with PASSWORD, without the first-login
    password change."""
    from django.contrib.auth import get_user_model

    from plugins.core.models import AccountSecurity

    users = get_user_model().objects.filter(username__in=usernames)
    assert users.count() == len(usernames)
    for user in users:
        user.set_password(PASSWORD)
        user.save()
        AccountSecurity.objects.filter(user=user).update(must_change_password=False)


def admin_login(page, base, username):
    """Log ``username`` into the admin through its login form (a fresh session)."""
    import re

    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
