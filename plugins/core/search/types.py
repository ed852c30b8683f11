"""What a search asks and what it answers: the same for the engine and every backend."""

import datetime
from dataclasses import dataclass, field

from plugins.core.search.query import ParsedQuery

# The facet of a search over several models (SearchRequest.models) that tells each
# entry's model, by its label ("portal.articlepage"): filter and count on it like any facet.
KIND_FACET = "kind"


@dataclass
class SearchRequest:
    model: type | None
    query: str = ""
    filters: dict = field(default_factory=dict)  # facet name → list of accepted values
    facet_names: tuple = ()
    agency_id: int | None = None
    # Only the entries of this content language (a page's locale, the facet
    # plugins.core.i18n.LANGUAGE_FACET); None: every language.
    language: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"  # or "newest", "oldest"
    page: int = 1
    per_page: int = 20
    # Several models searched together (a site-wide search), instead of ``model``: one
    # result list in one order, KIND_FACET counted and filtered like a facet. Only the
    # language facet and KIND_FACET are known across models: other facets are per model.
    models: tuple = ()

    @property
    def searched_models(self):
        return tuple(self.models) or (self.model,)


@dataclass
class SearchResults:
    object_ids: list  # the page of hits, in order
    total: int
    facets: dict  # facet name → [(value, count), …], most frequent first
    parsed: ParsedQuery
    page: int
    per_page: int
    # The model label of each of object_ids, when several models were searched.
    labels: list = field(default_factory=list)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))
