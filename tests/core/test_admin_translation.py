"""The Wagtail admin entirely in Vietnamese (issue 7; R-SITE-1: the admin serves Vietnamese staff).

The coverage check fails when a Wagtail upgrade brings message ids without a Vietnamese
translation, or when a translation breaks a placeholder.
"""

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.timesince import timesince, timeuntil
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_last_update, timesince_simple
from wagtail.models import Page

from scripts import wagtail_catalogue as catalogue

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
    # The apps of a plugin family (plugins/eoffice/documents); wagtail_vi is checked above.
    for po in sorted(ROOT.glob("plugins/*/*/locale/*/LC_MESSAGES/*.po")):
        if "wagtail_vi" not in po.parts:
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


# English words of Django's and Wagtail's relative times ("3 minutes ago", "2 weeks").
ENGLISH_TIME_WORDS = re.compile(
    r"\b(years?|months?|weeks?|days?|hours?|minutes?|seconds?|ago|from now|just now|now)\b"
)
SPANS = [
    timedelta(minutes=3), timedelta(hours=5), timedelta(days=2), timedelta(days=15),
    timedelta(days=65), timedelta(days=800),
]


@pytest.mark.parametrize("span", SPANS, ids=lambda span: f"{span.days}d{span.seconds}s")
def test_relative_times_read_in_vietnamese(span):
    """Issue 15: explorer, dashboard, history, Q&A list and reports said "3 minutes trước":
    Wagtail's timesince tags, Django's timesince and naturaltime, past and future."""
    now = timezone.now()
    with translation.override("vi"):
        texts = [
            timesince_last_update(now - span),
            timesince_last_update(now - span, use_shorthand=False),
            timesince_simple(now - span),
            timesince(now - span, now),
            timeuntil(now + span, now),
            str(naturaltime(now - span)),
            str(naturaltime(now + span)),
        ]
    english = [text for text in texts if ENGLISH_TIME_WORDS.search(text)]
    assert english == [], english


def test_relative_times_say_the_vietnamese_units():
    """One plural form: "3 phút", "2 tuần" (Django's catalogue lacked them)."""
    now = timezone.now()
    with translation.override("vi"):
        assert timesince(now - timedelta(minutes=3), now) == "3\xa0phút"
        assert timesince(now - timedelta(days=14), now) == "2\xa0tuần"
        assert timesince_simple(now - timedelta(days=800)) == "2\xa0năm trước"
        assert timesince_simple(now) == "vừa xong"
        assert str(naturaltime(now - timedelta(days=3))) == "3\xa0ngày trước"


def test_promoted_search_results_screens_are_in_the_catalogue():
    """wagtail.contrib.search_promotions (the reference site installs it) is part of the
    coverage check, so its screens are in Vietnamese."""
    assert "contrib/search_promotions" in catalogue.WAGTAIL_APP_FOLDERS
    apps = {app for app, _path in catalogue.wagtail_catalogues("django")}
    assert "contrib/search_promotions" in apps
    merged = {(e.msgctxt or "", e.msgid): e.msgstr for e in catalogue.merged("django")}
    assert merged[("", "Promoted search results")] == "Kết quả tìm kiếm ưu tiên"


def test_admin_dates_are_written_and_read_day_first(settings):
    """Issue 15: editors showed 2026-11-19; the pickers write 19/11/2026, and the forms read
    it back, day first, in both admin languages (never 05/03 as 3 May); Wagtail's own check
    of the two settings against the input formats passes."""
    from django import forms
    from django.utils.formats import get_format
    from wagtail.admin.checks import datetime_format_check
    from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

    assert settings.WAGTAIL_DATE_FORMAT == "%d/%m/%Y"
    assert settings.WAGTAIL_DATETIME_FORMAT == "%d/%m/%Y %H:%M"
    assert AdminDateInput().format_value(date(2026, 11, 19)) == "19/11/2026"
    assert AdminDateTimeInput().format_value(datetime(2026, 11, 19, 8, 30)) == "19/11/2026 08:30"
    for language in ("vi", "en"):
        with translation.override(language):
            assert forms.DateField().clean("05/03/2026") == date(2026, 3, 5), language
            assert forms.DateField().clean("2026-03-05") == date(2026, 3, 5), language
            moment = forms.DateTimeField().clean("05/03/2026 08:30")
            assert timezone.localtime(moment).replace(tzinfo=None) == datetime(2026, 3, 5, 8, 30)
            assert get_format("SHORT_DATE_FORMAT") == ("d/m/Y" if language == "vi" else "m/d/Y")
    settings.USE_L10N = True  # Wagtail's check runs only with the (Django < 5) setting
    assert datetime_format_check(None) == []
