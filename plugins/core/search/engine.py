"""Run a search: the plugins' entry point (``SearchRequest``, ``search()``).

The same :class:`SearchRequest` gives the same result set and facet counts on every
backend, in the same order (:func:`plugins.core.search.backends.base.relevance_tiers`
says what relevance means). The backend is the one ``settings.PORTAL_SEARCH["BACKEND"]``
names (:func:`plugins.core.search.backends.get_search_backend`); docs/search.md.
"""

from plugins.core.search.backends import get_search_backend
from plugins.core.search.query import parse_query
from plugins.core.search.types import SearchRequest, SearchResults

__all__ = ["SearchRequest", "SearchResults", "search"]


def search(request):
    """Search the index with the backend chosen by ``settings.PORTAL_SEARCH``."""
    return get_search_backend().search(request, parse_query(request.query))
