"""Legal bases and the announcing decision as links to the legal library, when the site
installs plugins.legal_docs; as plain text otherwise.

A basis an editor linked by hand is used as it is. Otherwise its number is looked up in
the core search index among the legal documents of the same agency (the index holds only
published, non-secret documents), so procedures imported before their legal documents
still link to them once those are published. One or two queries, whatever the count
(the bases and the numbers' lookup kept in memory while their tables do not change).
"""

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from plugins.core.numbers import exact_key
from plugins.core.page_cache import restrictions, shared
from plugins.procedures.models.procedures import LEGAL_DOCUMENT_PAGE, legal_docs_installed

_NUMBER_IN_TEXT = re.compile(r"\d{1,6}\s*/\s*(?:\d{4}\s*/\s*)?[0-9A-Za-zĐđ&]+(?:-[0-9A-Za-zĐđ&]+)*")


def number_in_text(text):
    """The first official document number written in ``text`` (``Quyết định số 12/QĐ-UBND
    ngày …`` → ``12/QĐ-UBND``), or ''."""
    for match in _NUMBER_IN_TEXT.finditer(text or ""):
        if exact_key(match.group(0)):
            return match.group(0)
    return ""


class Link:
    def __init__(self, label, page=None):
        self.label = label
        self.page = page

    def __str__(self):
        return self.label


def _library_pages(agency_id, chosen_ids, numbers, locale_id=None):
    """Published legal document pages: those chosen by id, and those found by number (in
    the language ``locale_id`` when the document has a version in it: R-ED-16)."""
    if not legal_docs_installed():
        return {}, {}
    from plugins.core.models import SearchEntry

    keys = {number: exact_key(number) for number in numbers if number}
    keys = {number: key for number, key in keys.items() if key}
    by_key = {}
    if keys:
        model = apps.get_model(LEGAL_DOCUMENT_PAGE)
        wanted_keys = frozenset(keys.values())

        def numbered():
            return tuple(SearchEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), agency_id=agency_id,
                number_key__in=wanted_keys,
            ).values_list("number_key", "object_id"))

        # Kept in memory while the search index does not change (page_cache.shared).
        rows = shared.remember_value(None, ("legal-numbers", agency_id, wanted_keys),
                                     numbered)
        for key, object_id in rows:
            by_key.setdefault(key, []).append(object_id)
    wanted = set(chosen_ids) | {pk for ids in by_key.values() for pk in ids}
    pages = {page.pk: page
             for page in restrictions.public(Page.objects.live()).filter(pk__in=wanted)} \
        if wanted else {}

    def found(key):
        candidates = sorted((pages[pk] for pk in by_key.get(key, ()) if pk in pages),
                            key=lambda page: (page.locale_id != locale_id, page.pk))
        return candidates[0] if candidates else None

    by_number = {number: found(key) for number, key in keys.items()}
    return pages, by_number


def resolve(procedure):
    """``(legal bases, announcing decision)`` as :class:`Link` objects for the page."""
    bases = shared.remember_related(procedure, "legal_bases")
    announcing_number = number_in_text(procedure.announcing_decision)
    chosen = [basis.document_id for basis in bases if basis.document_id]
    if procedure.announcing_document_id:
        chosen.append(procedure.announcing_document_id)
    numbers = [basis.number for basis in bases if not basis.document_id]
    if not procedure.announcing_document_id:
        numbers.append(announcing_number)
    pages, by_number = _library_pages(procedure.agency_id, chosen, numbers,
                                      procedure.locale_id)
    links = [
        Link(str(basis), pages.get(basis.document_id) if basis.document_id
             else by_number.get(basis.number))
        for basis in bases
    ]
    announcing = None
    if procedure.announcing_decision or procedure.announcing_document_id:
        page = (pages.get(procedure.announcing_document_id)
                if procedure.announcing_document_id else by_number.get(announcing_number))
        announcing = Link(procedure.announcing_decision or (page.title if page else ""), page)
    return links, announcing
