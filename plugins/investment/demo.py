"""Demo investment projects and procurement notices of both demo agencies (R-SITE-3), at
/du-an-dau-tu/ and /thong-tin-dau-thau/, with their documents (ODT and PDF/A: open
formats); the first agency's lists, two projects and two notices also in English.

Closing times are counted from the day the demo is loaded, so that the notice list always
has open and closed notices. Idempotent: pages are found by slug and left alone; one
project and one notice stay drafts, to show that a draft is never public.
"""

import datetime

from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from plugins.core.calendar import OFFICE_TZ
from plugins.core.demo import agency_home, translate_page
from plugins.core.demo_documents import demo_document
from plugins.core.text import slugify
from plugins.investment import demo_data as data
from plugins.investment.models import (
    NoticeDocument,
    NoticeIndexPage,
    NoticePage,
    NoticeResultDocument,
    ProjectDocument,
    ProjectIndexPage,
    ProjectPage,
)


def load_investment_demo(context):
    agencies = context.objects.get("agencies", {})
    today = timezone.localtime(timezone.now(), OFFICE_TZ).date()
    for key in data.PROJECTS:
        agency = agencies.get(key)
        if agency is None or agency.site is None:
            continue
        home = agency_home(agency, context)
        projects = _index_page(home, ProjectIndexPage, data.PROJECT_INDEX, agency, context)
        for spec in data.PROJECTS[key]:
            _project(projects, spec, agency, context)
        notices = _index_page(home, NoticeIndexPage, data.NOTICE_INDEX, agency, context)
        for spec in data.NOTICES[key]:
            _notice(notices, spec, today, agency, context)
        if key == "bql":
            _english(projects, notices, context)



def _index_page(home, model, spec, agency, context):
    page = model.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = model(show_in_menus=False, **spec)
        home.add_child(instance=page)
        page.save_revision().publish()
        context.note(True, f"list /{spec['slug']}/ of {agency.symbol}")
    return page


def _html(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def _attach(page, relation, model, documents, paragraphs, agency):
    for kind, title in documents:
        getattr(page, relation).add(model(title=title, document=demo_document(
            f"{title} – {page.title}", paragraphs, kind,
            name=f"{agency.symbol} {title} {page.title}")))


def _publish(index_page, page, published, context, what):
    index_page.add_child(instance=page)
    revision = page.save_revision()
    if published:
        revision.publish()
    context.note(True, f"{what} {page.title[:60]}{'' if published else ' (draft)'}")


def _project(index_page, spec, agency, context):
    spec = dict(spec)
    slug = slugify(spec["title"], max_length=80)
    if ProjectPage.objects.child_of(index_page).filter(slug=slug).exists():
        return
    documents, published = spec.pop("documents"), spec.pop("published")
    paragraphs = spec.pop("body")
    page = ProjectPage(slug=slug, body=_html(paragraphs), live=False, **spec)
    _attach(page, "documents", ProjectDocument, documents, [spec["objective"], *paragraphs],
            agency)
    _publish(index_page, page, published, context, "project")


def _notice(index_page, spec, today, agency, context):
    spec = dict(spec)
    slug = slugify(spec["title"], max_length=80)
    if NoticePage.objects.child_of(index_page).filter(slug=slug).exists():
        return
    days, hour = spec.pop("closing")
    documents, results = spec.pop("documents"), spec.pop("results")
    result_documents, published = spec.pop("result_documents"), spec.pop("published")
    paragraphs = spec.pop("body")
    closing = datetime.datetime.combine(today + datetime.timedelta(days=days),
                                        datetime.time(hour), tzinfo=OFFICE_TZ)
    page = NoticePage(slug=slug, closing=closing, body=_html(paragraphs),
                      results=_html(results), live=False, **spec)
    _attach(page, "documents", NoticeDocument, documents,
            [spec["package_name"], *paragraphs], agency)
    _attach(page, "result_documents", NoticeResultDocument, result_documents, results,
            agency)
    _publish(index_page, page, published, context, "notice")


def _english(projects, notices, context):
    english, _created = Locale.objects.get_or_create(language_code="en")
    home = projects.get_parent().specific
    if home.get_translation_or_none(english) is None:
        translate_page(home, english, context)
    translate_page(projects.specific, english, context, **data.ENGLISH_PROJECT_INDEX)
    translate_page(notices.specific, english, context, **data.ENGLISH_NOTICE_INDEX)
    for page in ProjectPage.objects.child_of(projects).live().filter(
            title__in=data.ENGLISH_PROJECTS):
        translate_page(page, english, context, **data.ENGLISH_PROJECTS[page.title])
    for page in NoticePage.objects.child_of(notices).live().filter(
            title__in=data.ENGLISH_NOTICES):
        translate_page(page, english, context, **data.ENGLISH_NOTICES[page.title])
