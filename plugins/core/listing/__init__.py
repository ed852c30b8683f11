"""Faceted public lists: a search form, facet groups, links that keep the filters, and a
Wagtail page mixin that runs them through the core search (docs/listing.md).

- :mod:`.forms`: :class:`~.forms.ListingForm` (query text, sort, page; optional date
  range) and :class:`~.forms.FacetField`, the facets a list declares;
- :mod:`.facets`: the facet groups a template shows (values, labels, counts, selection);
- :mod:`.querystring`: links that keep, drop or toggle parameters, and the pager;
- :mod:`.pages`: :class:`~.pages.FacetedIndexPageMixin`, the index page that ties them.

The template is ``core/includes/faceted_list.html``.
"""
