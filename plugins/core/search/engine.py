"""Run a parsed query against the index, with filters, facets, sorting and paging.

The same :class:`SearchRequest` gives the same result set and facet counts on every
backend, in the same order (see :func:`relevance_tiers` for what relevance means).
On the databases a search costs a bounded number of SQL statements whatever the number of
hits (two when nothing needs ordering by relevance, eight at most; see
:func:`_database_search`); Elasticsearch answers in one request.
"""

import datetime
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from plugins.core.i18n import language_facets
from plugins.core.search import snapshot
from plugins.core.search.query import ParsedQuery, as_phrase, parse_query, to_fts5

SORTS = ("relevance", "newest", "oldest")


@dataclass
class SearchRequest:
    model: type
    query: str = ""
    filters: dict = field(default_factory=dict)  # facet name → list of accepted values
    facet_names: tuple = ()
    agency_id: int | None = None
    # Only the entries of this content language (a page's locale, the facet
    # plugins.core.i18n.LANGUAGE_FACET); None: every language.
    language: str | None = None
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


# Relevance, the same on every backend: the entry with the typed document number first;
# then the query's words as a phrase in the title; then all of them in the title; then in
# the title and summary; then anywhere (the body, the files' text). Newest first within
# each tier, then the object id, highest first. A deterministic order a clerk can explain,
# and cheaper than scoring every match (bm25 over 25,000 matches took 35 ms on SQLite).
_WEIGHTS = {"title": "A", "summary": "B", "body": "D"}  # PostgreSQL's setweight labels


def relevance_tiers(parsed):
    """``(query, columns)`` of each tier above "anywhere", best first."""
    tiers = []
    phrase = as_phrase(parsed)
    if phrase is not None:
        tiers.append((phrase, ("title",)))
    tiers += [(parsed, ("title",)), (parsed, ("title", "summary"))]
    return tiers


def _match_tsquery(parsed, columns=()):
    """PostgreSQL tsquery text for a parsed query; with ``columns``, the words must be in
    those columns and the exclusions are left out. The words are [0-9a-z]+ only, already
    what the ``simple`` configuration would make of them, so the text is cast to
    ``tsquery`` directly: a constant, where ``to_tsquery()`` would run again on every row
    the relevance tiers check."""
    weights = ":" + "".join(_WEIGHTS[c] for c in columns) if columns else ""

    def term(t):
        words = [word + weights for word in t.words]
        return "(" + " <-> ".join(words) + ")" if t.is_phrase else words[0]

    groups = ["(" + " | ".join(term(t) for t in group) + ")" for group in parsed.required]
    expression = " & ".join(groups)
    if not columns:
        for t in parsed.excluded:
            expression += f" & !{term(t)}"
    return expression


def _match(content_type_id, parsed, columns=()):
    """The ids of the entries matching ``parsed`` (which has required terms), within
    ``columns`` if given. One statement, its ids joined into one string (a row per match
    costs twice as much to fetch); on SQLite it reads only the FTS5 index (the ids of other
    models' entries are dropped by the snapshot)."""
    if connection.vendor == "sqlite":
        sql = ("SELECT group_concat(rowid) FROM core_search_fts "
               "WHERE core_search_fts MATCH %s")
        params = [to_fts5(parsed, columns)]
    elif connection.vendor == "postgresql":
        sql = (
            "SELECT string_agg(id::text, ',') FROM core_searchentry "
            "WHERE content_type_id = %s AND search_vector @@ %s::tsquery"
        )
        params = [content_type_id, _match_tsquery(parsed, columns)]
    else:
        raise NotImplementedError(f"No full-text search for the {connection.vendor} database.")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return snapshot.joined_numbers(cursor.fetchone()[0])


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
    """The database backends: full-text matches in SQL, the rest on the model's snapshot.

    SQL statements: the index token; the match (none when browsing); for the relevance
    order, the newest matches' words (:func:`_settled_by_the_newest`), and only when those
    do not settle the page, the entries with a typed document number and the tiers (on
    SQLite one statement per tier until the page is filled, at most three; on PostgreSQL
    one statement that tells each match's tier); a snapshot reload adds two.
    """
    content_type_id = ContentType.objects.get_for_model(request.model).pk
    index = snapshot.current(content_type_id)
    required, excluded = language_facets(request.language)
    mask = index.filter_mask(
        agency_id=request.agency_id, date_from=request.date_from, date_to=request.date_to,
        filters={**request.filters, **required}, excluded=excluded,
    )
    relevance = not parsed.is_empty and request.sort == "relevance"
    if not parsed.is_empty:
        mask &= index.mask_of(_match(content_type_id, parsed))
    else:
        for term in parsed.excluded:  # "-khu": everything but the entries with that term
            positive = ParsedQuery(required=((term,),), excluded=(), number_key=None, raw="")
            mask &= ~index.mask_of(_match(content_type_id, positive))
    total = int(np.count_nonzero(mask))
    page = max(1, request.page)
    start = (page - 1) * request.per_page
    wanted = start + request.per_page
    if not relevance:
        newest = request.sort != "oldest"
        ordered = index.date_order(_first_by_date(index, np.flatnonzero(mask), wanted,
                                                  newest=newest), newest=newest)
    else:
        ordered = _settled_by_the_newest(index, parsed, mask, wanted)
        if ordered is None:
            ordered = _by_tiers(index, parsed, mask, wanted, content_type_id)
    object_ids = [int(pk) for pk in index.object_ids[ordered[start:wanted]]]
    hits = np.flatnonzero(mask) if total and request.facet_names else None
    facets = {name: index.counts(name, hits) if total else [] for name in request.facet_names}
    return SearchResults(
        object_ids=object_ids, total=total, facets=facets, parsed=parsed, page=page,
        per_page=request.per_page,
    )


# How many of the newest matches are read per hit the page needs: at first, and at most (a
# second round reads what the first one's share of best-tier hits says is needed, twice
# over); above _MOST_READ entries the tiers' statements cost less than the reading.
LOOKAHEAD = (5, 20)
_MOST_READ = 2000


def _settled_by_the_newest(index, parsed, mask, wanted):
    """The first ``wanted`` hits in the relevance order, told from the title and summary of
    the newest matches (a statement per round of reading, two rounds at most), or ``None``
    when those do not settle it.

    Hits are newest first within each tier, so the newest matches hold the newest hits of
    every tier: when ``wanted`` of them are in the best tier, they are the page whatever the
    older matches hold (a query whose words are in many titles: 5 ms less on SQLite, 15 ms
    on PostgreSQL, at 25,000 matches of 100,000); when they are all the matches, every tier
    is known. The index holds the texts as their folded words separated by spaces, so a
    term is in a column when its words, space-delimited, are in the column's text: what
    the full-text statements find. A typed document number puts its entries first whatever
    their date: not settled here.
    """
    if parsed.number_key:
        return None
    hits = np.flatnonzero(mask)
    if not len(hits):
        return hits
    tiers = [
        ([[f" {term.text} " for term in group] for group in query.required], columns)
        for query, columns in relevance_tiers(parsed)
    ]
    limit, most = LOOKAHEAD[0] * wanted, LOOKAHEAD[-1] * wanted
    ranks = []
    for _round in range(2):
        if limit > _MOST_READ:
            return None
        newest = index.date_order(_first_by_date(index, hits, limit, newest=True),
                                  newest=True)[:limit]
        ranks += _ranks(index.entry_ids[newest[len(ranks):]], tiers)
        ordered = np.asarray(ranks, dtype=np.int64)
        if len(newest) == len(hits):
            return newest[np.argsort(ordered, kind="stable")]
        best = newest[ordered == 0]
        if len(best) >= wanted:
            return best
        if not len(best) or limit >= most:
            return None  # too few in the best tier to hope for a page of them
        limit = min(most, -(-2 * wanted * limit // len(best)))
    return None


def _ranks(entry_ids, tiers):
    """The tier rank of each entry, from its title and summary (one statement)."""
    if not len(entry_ids):
        return []
    ids = ",".join(str(int(pk)) for pk in entry_ids)  # integers of ours, not input
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, title, summary FROM core_searchentry WHERE id IN ({ids})")
        texts = {pk: (f" {title} ", f" {summary} ") for pk, title, summary in cursor.fetchall()}
    return [_tier_of(texts.get(int(pk), ("", "")), tiers) for pk in entry_ids]


def _tier_of(texts, tiers):
    """The rank of the first tier whose every group has a term in the tier's columns of
    the entry's ``(title, summary)`` (``len(tiers)``: none, the words are elsewhere)."""
    title, summary = texts
    both = title + summary  # " a b  c d ": the double space keeps a phrase in one column
    for rank, (groups, columns) in enumerate(tiers):
        text = title if columns == ("title",) else both
        for group in groups:
            for needle in group:
                if needle in text:
                    break
            else:
                break  # a group without any of its terms: not this tier
        else:
            return rank
    return len(tiers)


def _first_by_date(index, hits, wanted, *, newest):
    """The ``wanted`` first of ``hits`` in date order, unordered (a partial sort, ties
    kept), so that ordering a page costs the page, not the whole list."""
    if len(hits) <= wanted:
        return hits
    key = index.date_key(hits, newest=newest)
    threshold = np.partition(key, wanted - 1)[wanted - 1]
    return hits[key <= threshold]


def _by_relevance(index, mask, wanted, tier_masks):
    """The first ``wanted`` hits in the relevance order: the entries of each tier (masks
    given best first, each asked for only while the page is not filled) newest first, then
    the rest (the words only in the body)."""
    left = mask.copy()
    ordered, count = [], 0
    tier_masks = iter(tier_masks)
    while count < wanted:  # checked before asking: the next tier may cost a statement
        tier = next(tier_masks, None)
        if tier is None:
            break
        chosen = tier & left
        left &= ~chosen
        hits = np.flatnonzero(chosen)
        ordered.append(index.date_order(_first_by_date(index, hits, wanted - count,
                                                       newest=True), newest=True))
        count += len(hits)
    if count < wanted:
        ordered.append(index.date_order(_first_by_date(index, np.flatnonzero(left),
                                                       wanted - count, newest=True),
                                        newest=True))
    return np.concatenate(ordered) if ordered else np.empty(0, dtype=np.int64)


def _by_tiers(index, parsed, mask, wanted, content_type_id):
    """The first ``wanted`` hits in the relevance order, the tiers told by the database."""
    if connection.vendor == "postgresql":
        ids, ranks = _match_with_tiers(content_type_id, parsed)
        positions, found = index.locate(ids)
        tiers = np.full(index.size, -1, dtype=np.int64)
        tiers[positions[found]] = ranks[found]
        count = len(relevance_tiers(parsed)) + 1
        return _by_relevance(index, mask, wanted, (tiers == k for k in range(count)))
    return _by_relevance(index, mask, wanted, _queried_tiers(index, parsed, content_type_id))


def _queried_tiers(index, parsed, content_type_id):
    """Tier masks, one statement each, as they are asked for (SQLite)."""
    if parsed.number_key:
        from plugins.core.models import SearchEntry

        yield index.mask_of(list(SearchEntry.objects.filter(
            content_type_id=content_type_id, number_key=parsed.number_key
        ).values_list("id", flat=True)))
    for query, columns in relevance_tiers(parsed):
        yield index.mask_of(_match(content_type_id, query, columns))


def _match_with_tiers(content_type_id, parsed):
    """PostgreSQL: the matching entry ids and, for each, its relevance tier (0: the typed
    number, then :func:`relevance_tiers` in order, then the rest), in one statement: the
    tiers are checked on each row the match reads anyway."""
    tiers = relevance_tiers(parsed)
    rest = len(tiers) + 1
    cases, params = [], []
    if parsed.number_key:
        cases.append("WHEN number_key = %s THEN 0")
        params.append(parsed.number_key)
    # Each tier holds the next ones, so the widest is checked first: an entry with the words
    # only in its body (most of a broad query's matches) costs one check, not three.
    cases.append(f"WHEN NOT search_vector @@ %s::tsquery THEN {rest}")
    params.append(_match_tsquery(*tiers[-1]))
    for rank, (query, columns) in enumerate(tiers[:-1], start=1):
        cases.append(f"WHEN search_vector @@ %s::tsquery THEN {rank}")
        params.append(_match_tsquery(query, columns))
    rest = len(tiers)  # what is left is in the widest tier
    sql = (
        "SELECT string_agg(id::text, ','), "
        f"string_agg((CASE {' '.join(cases)} ELSE {rest} END)::text, ',') "
        "FROM core_searchentry "
        "WHERE content_type_id = %s AND search_vector @@ %s::tsquery"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, content_type_id, _match_tsquery(parsed)])
        ids, tiers = cursor.fetchone()
    return snapshot.joined_numbers(ids), snapshot.joined_numbers(tiers)
