"""The site-wide search: every kind of public content the core search indexes, in one list.

The kinds are the models registered with the core search index
(:func:`plugins.core.search.documents.registered_models`): the site's pages
(:mod:`portal.search_index`), the legal documents, the procedures, the published
questions and answers, the e-mail directory, and whatever another plugin registers later.
A page kind is linked by its page's URL; a kind that is not a page needs a loader and a
link here (:data:`OTHER_KINDS`): one without is left out, as its results could not be opened.

One core search over all the kinds (``SearchRequest(models=…)``), scoped to the site's
agency and the visitor's language, sorted by relevance when words are typed; the form,
the facet of kinds, the pager and the markup are the shared faceted list's
(``plugins.core.listing``, ``core/includes/faceted_list.html``). A fixed number of
queries whatever the number of results: the agency, the search (the combined snapshot's
tokens and the match: 2 to 8), and one query per kind on the page of results (with the
few that kind's links need).
"""

import functools
import re
from dataclasses import dataclass
from html import unescape

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from plugins.core.i18n import content_languages, default_language
from plugins.core.listing.facets import facet_groups
from plugins.core.listing.forms import FacetField, ListingForm
from plugins.core.listing.querystring import Pager, query_string
from plugins.core.page_cache import restrictions
from plugins.core.page_cache.shared import remember_row
from plugins.core.routing import page_url
from plugins.core.search import documents
from plugins.core.search.engine import SearchRequest, search
from plugins.core.search.highlight import highlight, snippet, spans
from plugins.core.search.types import KIND_FACET

PER_PAGE = 20
_TAG = re.compile(r"<[^>]*>")
# The attributes whose text a result's snippet is cut from, the first that holds a word of
# the query (else the first that is not empty): every kind has one or more of them.
SNIPPET_FIELDS = ("summary", "search_description", "intro", "text", "answer", "body",
                  "applicants", "requirements", "implementing_body", "job_title", "products")
# Names of the kinds the site gives itself (others: their model's plural name).
KIND_NAMES = {
    "portal.articlepage": _("News and articles"),
    "portal.standardpage": _("Other pages"),
    "portal.organisationpage": _("Introduction"),
    "portal.contactpage": _("Contact"),
    "editorial_board.question": _("Questions and answers"),
}


def _index_page(site, model_label):
    """The live page of type ``model_label`` on ``site`` (where a kind that is not a page
    is shown), or None (one query)."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    if site is None:
        return None
    return remember_row(None, ("index-page", model_label, site.pk), lambda: restrictions.public(
        model.objects.live()).descendant_of(site.root_page).first())


def _question_links(objects, request, site):
    index = _index_page(site, "editorial_board.QuestionIndexPage")
    if index is None:
        return {}
    url = index.get_url(request)
    return {obj.pk: url + index.reverse_subpage("detail", args=[obj.pk]) for obj in objects}


def _directory_links(anchor):
    def links(objects, request, site):
        from urllib.parse import urlencode

        index = _index_page(site, "email_directory.DirectoryPage")
        if index is None:
            return {}
        url = index.get_url(request)
        return {obj.pk: f"{url}?{urlencode({'q': OTHER_KINDS[obj._meta.label_lower].title(obj)})}"
                        + (f"#{anchor}-{obj.pk}" if anchor else "")
                for obj in objects}

    return links


@dataclass(frozen=True)
class OtherKind:
    """How the results of a kind that is not a page are loaded, named and linked."""

    queryset: object  # () → the public objects of the kind (with what a row reads)
    title: object  # obj → its title
    links: object  # (objects, request, site) → {pk: url}, a query or two, not one each


def _questions():
    from plugins.editorial_board.models import Question

    return Question.objects.published().select_related("subject_area")


def _people():
    from plugins.email_directory.models import DirectoryEntry

    return DirectoryEntry.objects.published().with_related()


def _mailboxes():
    from plugins.email_directory.models import Mailbox

    return Mailbox.objects.select_related("unit", "agency")


def _enterprises():
    from plugins.enterprises.models import Enterprise

    return Enterprise.objects.published().with_related()


def _enterprise_links(objects, request, site):
    index = _index_page(site, "enterprises.EnterpriseDirectoryPage")
    if index is None:
        return {}
    url = index.get_url(request)
    return {obj.pk: url + index.reverse_subpage("detail", args=[obj.pk]) for obj in objects}


OTHER_KINDS = {
    "editorial_board.question": OtherKind(_questions, lambda obj: obj.title,
                                          _question_links),
    "email_directory.directoryentry": OtherKind(_people, lambda obj: obj.name,
                                                _directory_links("person")),
    "email_directory.mailbox": OtherKind(_mailboxes, lambda obj: obj.label,
                                         _directory_links("")),
    "enterprises.enterprise": OtherKind(_enterprises, lambda obj: obj.name, _enterprise_links),
}


def kinds():
    """``{label: model}`` of the kinds the site-wide search lists, in the index's order."""
    return {
        model._meta.label_lower: model for model in documents.registered_models()
        if issubclass(model, Page) or model._meta.label_lower in OTHER_KINDS
    }


def kind_name(label, model):
    return KIND_NAMES.get(label) or capfirst(model._meta.verbose_name_plural)


class SiteSearchForm(ListingForm):
    query_label = _("Search the whole site")

    kind = FacetField(label=_("Kind of content"))

    @classmethod
    def facet_labels(cls, index_page, agency_id):
        return {KIND_FACET: {label: kind_name(label, model) for label, model in kinds().items()}}


@dataclass
class Hit:
    url: str
    title: str  # highlighted
    kind: str
    snippet: str  # highlighted
    date: object = None


def _title_of(label, obj):
    other = OTHER_KINDS.get(label)
    return str(other.title(obj) if other else obj.title)


def _snippet(obj, words):
    """Cut from the first of the ``SNIPPET_FIELDS`` holding a word of the query, else from
    the first not empty; the fields after the one chosen are not read."""
    first = None
    for name in SNIPPET_FIELDS:
        text = " ".join(unescape(_TAG.sub(" ", str(getattr(obj, name, "") or ""))).split())
        if text and spans(text, words):
            return snippet(text, words)
        first = first or text
    return snippet(first, words) if first else ""


# The date a result shows: the first of these its object has and fills.
DATE_FIELDS = ("date", "issue_date", "announced_on", "published_at", "last_published_at")


def _date_of(obj):
    for name in DATE_FIELDS:
        value = getattr(obj, name, None)
        if value:
            return value.date() if hasattr(value, "date") and callable(value.date) else value
    return None


@functools.cache
def _read_fields(model):
    """The fields of a page model a result reads — its title, its address, the
    ``SNIPPET_FIELDS`` and ``DATE_FIELDS`` it has — and no other: a law's text read out of
    its files, a procedure's steps and dossier stay in the database, and each of the
    dozens of fields left out is Django's work saved on every result."""
    names = {field.name for field in model._meta.concrete_fields}
    return tuple(name for name in ("title", "url_path", *SNIPPET_FIELDS, *DATE_FIELDS)
                 if name in names)


def _load(results, found_kinds, request, site):
    """The results' objects, in the search's order, with their URL (one query per kind
    shown; a hit whose object is gone or no longer public is left out)."""
    wanted = {}
    for label, pk in zip(results.labels, results.object_ids, strict=True):
        wanted.setdefault(label, []).append(pk)
    loaded, urls = {}, {}
    for label, pks in wanted.items():
        model = found_kinds[label]
        if issubclass(model, Page):
            objects = restrictions.public(model.objects.live().only(*_read_fields(model)),
                                          request).filter(pk__in=pks)
            loaded[label] = {obj.pk: obj for obj in objects}
            urls[label] = {pk: page_url(obj, request) for pk, obj in loaded[label].items()}
        else:
            other = OTHER_KINDS[label]
            loaded[label] = other.queryset().in_bulk(pks)
            urls[label] = other.links(loaded[label].values(), request, site)
    return [
        (label, loaded[label][pk], urls[label][pk])
        for label, pk in zip(results.labels, results.object_ids, strict=True)
        if pk in loaded.get(label, {}) and urls[label].get(pk)
    ]


def search_language():
    """The content language searched: the visitor's, if pages are written in it."""
    from django.utils import translation

    language = translation.get_language()
    return language if language in content_languages() else default_language()


def site_search_context(request, agency, site):
    """The context of the results page: the shared faceted list's, over every kind."""
    found_kinds = kinds()
    form = SiteSearchForm(request.GET, SiteSearchForm.facet_labels(None, agency and agency.pk))
    asked = form.read()
    filters = dict(asked.filters)
    results = search(SearchRequest(
        model=None, models=tuple(found_kinds.values()), query=asked.query, filters=filters,
        facet_names=(KIND_FACET,), agency_id=agency.pk if agency else -1,
        language=search_language(), sort=asked.sort, page=asked.page, per_page=PER_PAGE,
    ))
    words = results.parsed.words()
    names = {label: kind_name(label, model) for label, model in found_kinds.items()}
    hits = [
        Hit(url=url, title=highlight(_title_of(label, obj), words),
            kind=names[label], snippet=_snippet(obj, words), date=_date_of(obj))
        for label, obj, url in _load(results, found_kinds, request, site)
    ]
    kept = query_string(request.GET, exclude=("page",))
    return {
        "form": form,
        "hits": hits,
        "results": results,
        "facets": facet_groups(form, results.facets, asked.filters),
        "notices": asked.notices,
        "query_string": kept,
        "pager": Pager(number=results.page, pages=results.pages, query=kept),
        "query": asked.query,
    }
