"""The index page of a faceted list: its ``get_context`` reads the form, runs the core
search scoped to the page's agency and language, and gives the template the results, the
facet groups, the notices and the pager (``core/includes/faceted_list.html``).

A fixed number of SQL queries whatever the page size: the agency (2), the facets' labels
(the form's :meth:`~plugins.core.listing.forms.ListingForm.facet_labels`), the search (2 to
8), the pages of the hits (1 + the list's prefetches).
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Page

from plugins.core.i18n import page_language
from plugins.core.listing.facets import facet_groups
from plugins.core.listing.querystring import Pager, query_string
from plugins.core.page_cache import expires_at, restrictions, shared
from plugins.core.routing import page_url
from plugins.core.search.engine import SearchRequest, search
from plugins.core.search.highlight import highlight


@dataclass
class Listing:
    """One run of a list: the bound form, what it asked, the search results and the pages
    of the hits in the search's order."""

    form: object
    asked: object  # forms.ListingQuery
    results: object  # search.engine.SearchResults
    pages: list


class FacetedIndexPageMixin:
    """A Wagtail page (before ``Page`` in the bases) that lists ``listing_model`` pages.

    The list sets ``listing_model`` and ``get_listing_form_class()``, has a ``per_page``
    field, and may override :meth:`get_listing_queryset` (what to load with each page) and
    :meth:`get_listing_hit` (what a result row shows besides the page). A list of records
    that are not pages overrides :meth:`get_listing_objects` and :meth:`listing_language`
    too (``listing_model`` is then that record's model).
    """

    listing_model = None

    @staticmethod
    def get_listing_form_class():
        raise NotImplementedError

    def get_listing_queryset(self):
        return self.listing_model.objects.all()

    def get_listing_hit(self, page, words):
        return {"page": page, "title": highlight(page.title, words)}

    def get_listing_objects(self, object_ids, request=None):
        """The listed objects among ``object_ids`` (pages: live and public ones only). A list
        of records that are not pages (a directory) returns its public records instead."""
        return restrictions.public(self.get_listing_queryset().live(), request).filter(
            pk__in=object_ids)

    def listing_language(self):
        """The content language searched: the page's own. A list of records that are not
        pages (they have no language) returns ``None``: every language."""
        return page_language(self)

    def listing_agency_id(self):
        from plugins.core.scoping import agency_for_page

        agency = agency_for_page(self)
        return agency.pk if agency else None

    def run_listing(self, params, per_page=None, request=None):
        """The list for ``params`` (``request.GET``), ``per_page`` hits a page (by default
        the page's own number)."""
        agency_id = self.listing_agency_id()
        form_class = self.get_listing_form_class()
        form = form_class(params, self._facet_labels(form_class, agency_id, request))
        asked = form.read()
        results = search(SearchRequest(
            model=self.listing_model, query=asked.query, filters=asked.filters,
            facet_names=form.facet_names(), agency_id=agency_id,
            language=self.listing_language(), date_from=asked.date_from, date_to=asked.date_to,
            sort=asked.sort, page=asked.page, per_page=per_page or self.per_page,
        ))
        found = {page.pk: page
                 for page in self.get_listing_objects(results.object_ids, request)}
        pages = [found[pk] for pk in results.object_ids if pk in found]
        return Listing(form=form, asked=asked, results=results, pages=pages)

    def _facet_labels(self, form_class, agency_id, request):
        """The form's facet labels (a query a facet), kept in memory while their tables
        do not change (:mod:`plugins.core.page_cache.shared`)."""
        key = ("facet-labels", form_class, self.pk, agency_id, get_language())
        kept = shared.remember_value(
            request, key, lambda: form_class.facet_labels(self, agency_id))
        return {name: dict(labels) for name, labels in kept.items()}

    def get_listing_context(self, request):
        listing = self.run_listing(request.GET, request=request)
        results, words = listing.results, listing.results.parsed.words()
        kept = query_string(request.GET, exclude=("page",))
        hits = [self.get_listing_hit(page, words) for page in listing.pages]
        for hit in hits:  # each row's address, as {% pageurl %} writes it, from memory
            if isinstance(hit["page"], Page):
                hit["url"] = page_url(hit["page"], request)
        return {
            "form": listing.form,
            "hits": hits,
            "results": results,
            "facets": facet_groups(listing.form, results.facets, listing.asked.filters),
            "notices": listing.asked.notices,
            "query_string": kept,
            "pager": Pager(number=results.page, pages=results.pages, query=kept),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listing_context(request))
        # Rows that change with the clock (an event starting, a notice closing: the listed
        # model's ``next_change()``): a cached list is kept no longer than the first change.
        changes = [hit["page"].next_change() for hit in context["hits"]
                   if hasattr(hit["page"], "next_change")]
        expires_at(request, min((moment for moment in changes if moment), default=None))
        return context
