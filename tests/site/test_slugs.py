"""New pages get ASCII addresses folded from their Vietnamese titles (issue 15: /van-ban/,
never /văn-bản/), however the editor's browser behaves."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import checks
from django.urls import reverse
from portal.models import StandardPage

from plugins.core.models import Role
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_and_editor(make_agency, make_staff):
    agency = make_agency("BQL", hostname="testserver")
    return agency.site.root_page, make_staff("quantri", agency, Role.IT_ADMIN)


def _add(client, parent, title, slug=""):
    url = reverse("wagtailadmin_pages:add", args=["portal", "standardpage", parent.pk])
    data = form_data(client.get(url).content.decode(), "form#page-edit-form")
    return client.post(url, {**data, "title": title, "slug": slug, "summary": "Tóm tắt"})


def test_an_empty_slug_becomes_the_titles_ascii_slug_unique_among_siblings(
        client, home_and_editor):
    """With no script to fill it, the slug is the folded title (đ → d), and a sibling with
    the same title gets the next free one."""
    home, editor = home_and_editor
    client.force_login(editor)
    for _ in range(2):
        assert _add(client, home, "Đăng ký đầu tư ở Tiền Giang").status_code == 302
    slugs = sorted(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert slugs == ["dang-ky-dau-tu-o-tien-giang", "dang-ky-dau-tu-o-tien-giang-2"]


def test_a_slug_typed_with_vietnamese_letters_is_folded(client, home_and_editor):
    home, editor = home_and_editor
    client.force_login(editor)
    assert _add(client, home, "Văn bản", slug="Văn-bản-Đảng").status_code == 302
    assert StandardPage.objects.child_of(home).get().slug == "van-ban-dang"


def test_the_slug_field_folds_vietnamese_letters_as_the_editor_types(client, home_and_editor):
    """The browser half (Wagtail's slug controller) gets the folding rules for every
    Vietnamese letter, đ included, which its own transliteration lacks."""
    home, editor = home_and_editor
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["portal", "standardpage", home.pk])
    field = BeautifulSoup(client.get(url).content, "html.parser").select_one("input#id_slug")
    assert field.get("data-w-slug-allow-unicode-value") is None  # absent: ASCII only
    rules = dict((pattern, letter) for (pattern, _flags), letter in json.loads(
        field["data-w-slug-formatters-value"]))
    assert rules["[đĐ]"] == "d"
    assert "ư" in next(pattern for pattern, letter in rules.items() if letter == "u")


def test_the_site_is_warned_when_it_allows_unicode_slugs(settings):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True
    assert "core.W003" in [problem.id for problem in checks.run_checks()]
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    assert "core.W003" not in [problem.id for problem in checks.run_checks()]
