"""The interface of a search backend, and the relevance order every backend gives.

A backend answers a :class:`~plugins.core.search.types.SearchRequest` with a
:class:`~plugins.core.search.types.SearchResults`: the same hits, in the same order, with
the same facet counts as every other backend (tests/core/test_search_engine.py runs the
golden queries on each). The database rows of the index (core.SearchEntry, SearchFacet)
are always written by :mod:`plugins.core.search.documents`; a backend that keeps its own
copy of the index (Elasticsearch) is told of each write through the ``index_*`` and
``delete_entry`` hooks. docs/search.md says how to add one.
"""

from plugins.core.search.query import as_phrase


class SearchBackend:
    """Base class; ``params`` is ``settings.PORTAL_SEARCH`` (a dict)."""

    def __init__(self, params):
        self.params = params

    def search(self, request, parsed):
        """The :class:`SearchResults` of ``request``, whose query is ``parsed``
        (a :class:`~plugins.core.search.query.ParsedQuery`)."""
        raise NotImplementedError

    def index_entry(self, model, entry, facets):
        """``entry`` (a SearchEntry of ``model``, ``facets``: name → values) was written in
        the current transaction."""

    def delete_entry(self, model, object_id):
        """The entry of ``model``'s object ``object_id`` is being removed (same transaction)."""

    def index_entries(self, model, entries):
        """A batch of a rebuild was written: ``[(entry, facets), …]``."""


# Relevance, the same on every backend: the entry with the typed document number first;
# then the query's words as a phrase in the title; then all of them in the title; then in
# the title and summary; then anywhere (the body, the files' text). Newest first within
# each tier, then the object id, highest first. A deterministic order a clerk can explain,
# and cheaper than scoring every match.


def relevance_tiers(parsed):
    """``(query, columns)`` of each tier above "anywhere", best first."""
    tiers = []
    phrase = as_phrase(parsed)
    if phrase is not None:
        tiers.append((phrase, ("title",)))
    tiers += [(parsed, ("title",)), (parsed, ("title", "summary"))]
    return tiers
