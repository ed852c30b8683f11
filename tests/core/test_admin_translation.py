"""The Wagtail admin entirely in Vietnamese (issue 7; R-SITE-1: the admin serves Vietnamese staff).

The coverage check fails when a Wagtail upgrade brings message ids without a Vietnamese
translation, or when a translation breaks a placeholder.
"""

import json
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from plugins.core.wagtail_vi import catalogue

ROOT = Path(__file__).resolve().parents[2]

# Labels Wagtail shows in English when its Vietnamese catalogue has a hole.
ENGLISH_LABELS = {
    "Pages", "Save draft", "Publish", "Settings", "Search", "Workflows", "Documents",
    "Images", "Users", "Reports", "Snippets", "Collections", "Redirects", "Help",
    "Workflow tasks", "Locked pages", "Site history", "Account", "Log out", "Edit",
    "Delete", "Add child page", "Preview", "History", "Status", "Cancel", "Save",
}


def test_every_installed_wagtail_message_has_a_vietnamese_translation():
    """Coverage: 100% of the installed Wagtail apps' ids, placeholders and tags intact."""
    problems = catalogue.check()
    assert problems == [], f"{len(problems)} problems, first: {problems[:10]}"


def _project_catalogues():
    for po in sorted(ROOT.glob("plugins/*/locale/*/LC_MESSAGES/*.po")):
        yield po
    for po in sorted(ROOT.glob("site/**/locale/*/LC_MESSAGES/*.po")):
        yield po


@pytest.mark.parametrize(
    "po_path", list(_project_catalogues()), ids=lambda p: str(p.relative_to(ROOT))
)
def test_project_catalogues_are_complete_and_compiled(po_path):
    """Every project string is translated, placeholders kept, and the .mo matches the .po."""
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert untranslated == []
    broken = [p for e in po.translated_entries() for p in catalogue.problems_of(e)]
    assert broken == []
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run scripts/i18n_fill.py"
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path)) if e.msgid}
    source = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries()}
    assert compiled == source, f"{mo_path} is stale: run scripts/i18n_fill.py"


def test_wagtail_catalogue_is_compiled_from_its_sources():
    """The shipped .mo holds exactly what the reviewed po/ sources say."""
    for domain in catalogue.DOMAINS:
        mo_path = catalogue.TARGETS[domain] / f"{domain}.mo"
        compiled = {(e.msgctxt, e.msgid) for e in polib.mofile(str(mo_path)) if e.msgid}
        source = {(e.msgctxt, e.msgid) for e in catalogue.merged(domain)}
        assert compiled == source, f"{mo_path} is stale: run scripts/i18n_wagtail.py build"


def _visible_english(html):
    soup = BeautifulSoup(html, "html.parser")
    found = set()
    props = soup.find("script", id="wagtail-sidebar-props")
    if props is not None:
        labels = []

        def walk(node):
            if isinstance(node, dict):
                if isinstance(node.get("label"), str):
                    labels.append(node["label"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(json.loads(props.string))
        found |= ENGLISH_LABELS & set(labels)
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    found |= ENGLISH_LABELS & {text.strip() for text in soup.stripped_strings}
    for attribute in ("aria-label", "title", "placeholder"):
        for tag in soup.find_all(attrs={attribute: True}):
            if tag[attribute].strip() in ENGLISH_LABELS:
                found.add(tag[attribute].strip())
    return found


@pytest.mark.django_db
def test_admin_screens_show_no_english_labels(client, django_user_model):
    """Dashboard, page explorer, page editor, workflow screens and a plugin screen in Vietnamese."""
    admin = django_user_model.objects.create_superuser(
        "bientap", "bientap@example.vn", "x-pass-2026"
    )
    client.force_login(admin)
    page = Page.objects.filter(depth=2).first()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[page.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("core_unit:index"),
        reverse("core_agency:index"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _visible_english(response.content.decode()) == set(), url
    js = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    # "Loading…" from the JavaScript catalogue (the catalogue escapes non-ASCII as JSON does)
    assert json.dumps("Đang tải…") in js


def test_project_words_agree_with_the_wagtail_catalogue():
    """One glossary: a project message id that Wagtail also uses must read the same in
    Vietnamese, or the catalogue that wins (the project's) would relabel Wagtail's screens
    (a pagination "Pages" once turned the admin menu's "Trang" into "Phân trang")."""
    wagtail = {
        (e.msgctxt or "", e.msgid): e.msgstr or e.msgstr_plural.get(0)
        for e in catalogue.merged("django")
    }
    disagree = []
    for po_path in _project_catalogues():
        if po_path.parts[-3] != "vi":
            continue
        for entry in polib.pofile(str(po_path)).translated_entries():
            theirs = wagtail.get((entry.msgctxt or "", entry.msgid))
            ours = entry.msgstr or entry.msgstr_plural.get(0)
            if theirs is not None and theirs != ours:
                disagree.append(f"{po_path.relative_to(ROOT)}: {entry.msgid!r} → {ours!r}, "
                                f"Wagtail: {theirs!r}")
    assert disagree == []


def test_settings_check_warns_when_the_javascript_catalogue_is_not_found(settings):
    """A site that forgets the LOCALE_PATHS line is told so by `manage.py check`."""
    from plugins.core.wagtail_vi.apps import check_settings

    assert check_settings() == []
    settings.LOCALE_PATHS = []
    assert [w.id for w in check_settings()] == ["core_wagtail_vi.W001"]
