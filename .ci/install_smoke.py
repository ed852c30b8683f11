"""Smoke test of a `wagtail start` site with the plugins installed from the wheel.

Run by .ci/install_check as `python manage.py shell < install_smoke.py` inside the site: an
agency, a legal document library with one document, the library found by a query typed
without accents, and the admin in Vietnamese (login page, dashboard, page editor, the
JavaScript catalogue).
"""

import datetime
import json
import re

from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from wagtail.models import Page, Site

from plugins.core.models import Agency
from plugins.legal_docs.models import (
    DocumentType,
    IssuerLevel,
    IssuingBody,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)

TITLE = "Quyết định ban hành Quy chế quản lý văn bản điện tử"


def fail(message, response=None):
    body = response.content.decode()[-6000:] if response is not None else ""
    raise SystemExit(f"install smoke test: {message}\n{body}")


def visible_text(html):
    """The page's words, without scripts' code, styles and tags (JSON props stay)."""
    # Wagtail writes this hidden button's "Search" in its templates, outside any catalogue.
    html = html.replace('<input type="submit" value="Search" class="button" />', "")
    # The admin's JSON props escape every non-ASCII letter.
    html = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html)
    html = re.sub(r"<(style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<script\b(?![^>]*application/json)[^>]*>.*?</script>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def assert_vietnamese(response, vietnamese, english):
    if response.status_code != 200:
        fail(f"{response.request['PATH_INFO']} answered {response.status_code}", response)
    text = visible_text(response.content.decode())
    missing = [word for word in vietnamese if word not in text]
    if missing:
        fail(f"{response.request['PATH_INFO']} lacks {missing}", response)
    found = [word for word in english if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    if found:
        fail(f"{response.request['PATH_INFO']} shows English: {found}", response)


site = Site.objects.get(is_default_site=True)
home = site.root_page
agency, _ = Agency.objects.get_or_create(
    symbol="STN", defaults={"name": "Sở Thử nghiệm", "site": site})

library = LegalDocumentIndexPage(title="Văn bản", slug="van-ban")
home.add_child(instance=library)
library.save_revision().publish()

issuer = IssuingBody.objects.create(name="Sở Thử nghiệm", abbreviation="STN",
                                    level=IssuerLevel.AGENCY)
document = LegalDocumentPage(
    title=TITLE, slug="qd-12-stn", number="12/QĐ-STN",
    doc_type=DocumentType.objects.get(code="QĐ"), issuing_body=issuer,
    issue_date=datetime.date(2026, 3, 2), summary=TITLE, live=False,
)
library.add_child(instance=document)
document.save_revision().publish()

client = Client()
link = f'href="{document.url}"'
response = client.get(library.url)
if response.status_code != 200 or link not in response.content.decode():
    fail(f"the library {library.url} does not list the document", response)
response = client.get(library.url, {"q": "quy che quan ly van ban"})
if response.status_code != 200 or link not in response.content.decode():
    fail("a query typed without accents does not find the document", response)
if "<mark>" not in response.content.decode():
    fail("the words found are not highlighted", response)

# Words of Wagtail's English admin that a Vietnamese admin never shows.
ENGLISH = ["Sign in", "Forgotten password?", "Dashboard", "Pages", "Images", "Documents",
           "Snippets", "Reports", "Settings", "Help", "Search", "Save draft", "Publish",
           "Preview", "Collapse all", "Insert a block"]

assert_vietnamese(Client().get("/admin/login/"), ["Đăng nhập"], ENGLISH)

get_user_model().objects.create_superuser("smoke", "smoke@example.test", "smoke-password-1")
# The second factor (required for superusers) is not under test: sign in without it.
with override_settings(PORTAL_TWO_FACTOR_REQUIRED=False):
    staff = Client()
    staff.force_login(get_user_model().objects.get(username="smoke"))
    assert_vietnamese(staff.get("/admin/"), ["Trang", "Tài liệu"], ENGLISH)
    assert_vietnamese(staff.get(f"/admin/pages/{document.pk}/edit/"),
                      ["Lưu bản nháp", "Xuất bản"], ENGLISH)
    catalogue = staff.get("/admin/jsi18n/").content.decode()
    match = re.search(r"const newcatalog = (\{.*?\});", catalogue, flags=re.S)
    translated = json.loads(match.group(1)) if match else {}
    expected = {"Collapse all": "Thu gọn tất cả", "Insert a block": "Chèn khối"}
    for english, vietnamese in expected.items():
        if translated.get(english) != vietnamese:
            fail(f"the admin's JavaScript catalogue lacks {english!r} in Vietnamese")

print(f"install smoke test passed: {Page.objects.live().count()} live pages, agency {agency}")
