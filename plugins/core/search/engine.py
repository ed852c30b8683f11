"""Run a parsed query against the index, with filters, facets, sorting and paging.

The same :class:`SearchRequest` gives the same result set and facet counts on every
backend; only the relevance order may differ (bm25 on SQLite, ts_rank on PostgreSQL).
A fixed number of SQL queries per search: count, page of hits, facet counts.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Count, Exists, OuterRef
from django.db.models.expressions import Expression

from plugins.core.search.query import ParsedQuery, parse_query, to_fts5

SORTS = ("relevance", "newest", "oldest")


@dataclass
class SearchRequest:
    model: type
    query: str = ""
    filters: dict = field(default_factory=dict)  # facet name → list of accepted values
    facet_names: tuple = ()
    agency_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass
class SearchResults:
    object_ids: list  # the page of hits, in order
    total: int
    facets: dict  # facet name → [(value, count), …], most frequent first
    parsed: ParsedQuery
    page: int
    per_page: int

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


def _match_tsquery(parsed):
    """PostgreSQL to_tsquery text for a parsed query (words are [0-9a-z]+ only)."""

    def term(t):
        return "(" + " <-> ".join(t.words) + ")" if t.is_phrase else t.words[0]

    groups = ["(" + " | ".join(term(t) for t in group) + ")" for group in parsed.required]
    expression = " & ".join(groups)
    for t in parsed.excluded:
        expression += f" & !{term(t)}"
    return expression


class _Matches(Expression):
    """``parsed`` matches the entry: a boolean condition that stays right inside subqueries
    (the entry table's alias is taken from the query being compiled)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, parsed):
        super().__init__()
        self.parsed = parsed

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        if connection.vendor == "sqlite":
            return (
                f"{alias}.id IN (SELECT rowid FROM core_search_fts "
                "WHERE core_search_fts MATCH %s)",
                [to_fts5(self.parsed)],
            )
        if connection.vendor == "postgresql":
            return (
                f"{alias}.search_vector @@ to_tsquery('simple'::regconfig, %s)",
                [_match_tsquery(self.parsed)],
            )
        raise NotImplementedError(f"No full-text search for the {connection.vendor} database.")


def _restrict(queryset, parsed):
    """Entries matching ``parsed``; with exclusions only (``-khu``), all entries but those."""
    if not parsed.is_empty:
        return queryset.filter(_Matches(parsed))
    for term in parsed.excluded:
        positive = ParsedQuery(required=((term,),), excluded=(), number_key=None, raw="")
        queryset = queryset.exclude(_Matches(positive))
    return queryset


def _ranked(queryset, parsed):
    """``queryset`` annotated with ``rank`` (lower is better) for ordering a page of hits."""
    if connection.vendor == "sqlite":
        return queryset.extra(
            tables=["core_search_fts"],
            where=["core_search_fts.rowid = core_searchentry.id", "core_search_fts MATCH %s"],
            params=[to_fts5(parsed)],
            select={"rank": "bm25(core_search_fts, 10.0, 5.0, 1.0)"},
        )
    return queryset.extra(
        select={
            "rank": "-ts_rank(core_searchentry.search_vector, "
            "to_tsquery('simple'::regconfig, %s))"
        },
        select_params=[_match_tsquery(parsed)],
    )


def _filtered(request, parsed):
    from plugins.core.models import SearchEntry, SearchFacet

    queryset = SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(request.model)
    )
    if request.agency_id is not None:
        queryset = queryset.filter(agency_id=request.agency_id)
    if request.date_from:
        queryset = queryset.filter(date__gte=request.date_from)
    if request.date_to:
        queryset = queryset.filter(date__lte=request.date_to)
    for name, values in request.filters.items():
        if values:
            queryset = queryset.filter(
                Exists(SearchFacet.objects.filter(
                    entry=OuterRef("pk"), name=name, value__in=values
                ))
            )
    return queryset


BROWSE_CACHE_SECONDS = 3600


def _browse_cache_key(request, parsed):
    """Browsing a whole list (no words, no filters) is the commonest page and the costliest
    count; its total and facet counts are cached until the index of that model changes."""
    if not parsed.is_empty or parsed.excluded or request.date_from or request.date_to:
        return None
    if any(request.filters.values()):
        return None
    from plugins.core.search.documents import index_version

    label = request.model._meta.label_lower
    facets = ",".join(request.facet_names)
    return f"core-search:browse:{label}:{request.agency_id}:{facets}:{index_version(label)}"


def backend_name():
    return getattr(settings, "PORTAL_SEARCH", {}).get("BACKEND", "database")


def search(request):
    """Search the index with the backend chosen by ``settings.PORTAL_SEARCH``."""
    parsed = parse_query(request.query)
    if backend_name() == "elasticsearch":
        from plugins.core.search import elastic

        return elastic.search(request, parsed, SearchResults)
    return _database_search(request, parsed)


def _database_search(request, parsed):
    from plugins.core.models import SearchFacet

    filtered = _filtered(request, parsed)
    base = _restrict(filtered, parsed)
    browse_key = _browse_cache_key(request, parsed)
    cached = cache.get(browse_key) if browse_key else None
    total = cached["total"] if cached else base.count()
    page_query = base
    if parsed.is_empty or request.sort != "relevance":
        order = ["-date", "-id"] if request.sort != "oldest" else ["date", "id"]
    else:
        # On SQLite the ranking join is itself the match: no second MATCH in a subquery.
        page_query = _ranked(filtered if connection.vendor == "sqlite" else base, parsed)
        order = ["rank", "-date", "-id"]
    if parsed.number_key and request.sort == "relevance":
        # A document number typed in any form puts that document first.
        page_query = page_query.extra(
            select={"number_first": "CASE WHEN core_searchentry.number_key = %s THEN 0 ELSE 1 END"},
            select_params=[parsed.number_key],
        )
        order = ["number_first", *order]
    page = max(1, request.page)
    start = (page - 1) * request.per_page
    ordered = page_query.order_by(*order).values_list("object_id", flat=True)
    object_ids = list(ordered[start : start + request.per_page])

    facets = {name: [] for name in request.facet_names}
    if cached:
        facets = cached["facets"]
    elif request.facet_names and total:
        rows = (
            SearchFacet.objects.filter(entry__in=base.values("pk"), name__in=request.facet_names)
            .values("name", "value")
            .annotate(count=Count("entry"))
            .order_by()
        )
        for row in rows:
            facets[row["name"]].append((row["value"], row["count"]))
        for pairs in facets.values():
            # Code-point order on ties, as on every backend (collations differ).
            pairs.sort(key=lambda pair: (-pair[1], pair[0]))
    if browse_key and not cached:
        cache.set(browse_key, {"total": total, "facets": facets}, BROWSE_CACHE_SECONDS)
    return SearchResults(
        object_ids=object_ids, total=total, facets=facets, parsed=parsed, page=page,
        per_page=request.per_page,
    )
