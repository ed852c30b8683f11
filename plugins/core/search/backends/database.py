"""What the database backends share: the full-text match in SQL, the rest on a snapshot.

A subclass (:mod:`.sqlite`, :mod:`.postgresql`) says how its database matches a parsed
query (:meth:`DatabaseSearchBackend.match`), tells the relevance tiers
(:meth:`DatabaseSearchBackend.by_tiers`) and loads the snapshot
(:attr:`DatabaseSearchBackend.entries_sql`, :attr:`DatabaseSearchBackend.facets_sql`).
Filters, facet counts, sorting and paging run on the model's in-process snapshot
(:mod:`plugins.core.search.snapshot`; docs/search.md has the figures that keep it), so a
search costs a bounded number of SQL statements whatever the number of hits (two when
nothing needs ordering by relevance, eight at most; see :meth:`search`).
"""

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from plugins.core.i18n import LANGUAGE_FACET, language_facets
from plugins.core.search import snapshot
from plugins.core.search.backends.base import SearchBackend, relevance_tiers
from plugins.core.search.query import ParsedQuery
from plugins.core.search.types import KIND_FACET, SearchResults

# How many of the newest matches are read per hit the page needs: at first, and at most (a
# second round reads what the first one's share of best-tier hits says is needed, twice
# over); above _MOST_READ entries the tiers' statements cost less than the reading.
LOOKAHEAD = (5, 20)
_MOST_READ = 2000


class DatabaseSearchBackend(SearchBackend):
    vendor = None  # django.db.connection.vendor of the database it serves
    # Two statements loading a model's snapshot (content type id as the one parameter):
    # the entries' ids, object ids, agency ids (-1 for none) and dates ("" for none) as four
    # comma-joined strings ordered by id; then (name, value, comma-joined entry ids) rows.
    entries_sql = None
    facets_sql = None

    def __init__(self, params):
        super().__init__(params)
        if connection.vendor != self.vendor:
            raise ImproperlyConfigured(
                f'PORTAL_SEARCH["BACKEND"] = {params.get("BACKEND")!r} searches a {self.vendor} '
                f'database; this one is {connection.vendor}. "database" picks the right one.'
            )

    def match(self, content_type_id, parsed, columns=()):
        """The entry ids matching ``parsed`` (which has required terms), within ``columns``
        if given (the exclusions then left out), as an int64 array. ``content_type_id`` is
        one id or a tuple of them (a search over several models, :func:`content_types`).
        Ids of other models' entries may be included: the snapshot drops them."""
        raise NotImplementedError

    def by_tiers(self, index, parsed, mask, wanted, content_type_id):
        """The first ``wanted`` positions of ``mask``'s hits in the relevance order, the
        tiers told by the database (:func:`by_relevance` helps)."""
        raise NotImplementedError

    def search(self, request, parsed):
        """SQL statements: the index token; the match (none when browsing); for the
        relevance order, the newest matches' words (:func:`settled_by_the_newest`), and
        only when those do not settle the page, what :meth:`by_tiers` asks; a snapshot
        reload adds two."""
        models = request.searched_models
        content_type_ids = tuple(ContentType.objects.get_for_model(model).pk
                                 for model in models)
        if request.models:  # several models: one snapshot of them all (snapshot.combined)
            index = snapshot.combined(
                [(pk, model._meta.label_lower) for pk, model in zip(content_type_ids, models,
                                                                    strict=True)],
                self, KIND_FACET, kept_facets=(LANGUAGE_FACET,))
        else:
            index = snapshot.current(content_type_ids[0], self)
        content_type_id = content_type_ids if request.models else content_type_ids[0]
        required, excluded = language_facets(request.language)
        mask = index.filter_mask(
            agency_id=request.agency_id, date_from=request.date_from, date_to=request.date_to,
            filters={**request.filters, **required}, excluded=excluded,
        )
        relevance = not parsed.is_empty and request.sort == "relevance"
        if not parsed.is_empty:
            mask &= index.mask_of(self.match(content_type_id, parsed))
        else:
            for term in parsed.excluded:  # "-khu": everything but the entries with that term
                positive = ParsedQuery(required=((term,),), excluded=(), number_key=None,
                                       raw="")
                mask &= ~index.mask_of(self.match(content_type_id, positive))
        total = int(np.count_nonzero(mask))
        page = max(1, request.page)
        start = (page - 1) * request.per_page
        wanted = start + request.per_page
        if not relevance:
            newest = request.sort != "oldest"
            ordered = index.date_order(first_by_date(index, np.flatnonzero(mask), wanted,
                                                     newest=newest), newest=newest)
        else:
            ordered = settled_by_the_newest(index, parsed, mask, wanted)
            if ordered is None:
                ordered = self.by_tiers(index, parsed, mask, wanted, content_type_id)
        shown = ordered[start:wanted]
        object_ids = [int(pk) for pk in index.object_ids[shown]]
        labels = []
        if request.models:
            kinds = index.facets[KIND_FACET]
            labels = [kinds.values[code - 1] for code in kinds.layers[0][shown]]
        hits = np.flatnonzero(mask) if total and request.facet_names else None
        facets = {name: index.counts(name, hits) if total else []
                  for name in request.facet_names}
        return SearchResults(
            object_ids=object_ids, total=total, facets=facets, parsed=parsed, page=page,
            per_page=request.per_page, labels=labels,
        )

    def _joined(self, sql, params):
        """The integers of the one comma-joined string ``sql`` selects."""
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return snapshot.joined_numbers(cursor.fetchone()[0])


def content_types(content_type_id):
    """``(sql, params)``: the condition on ``content_type_id`` of one model's id or of a
    tuple of ids (a search over several models)."""
    ids = content_type_id if isinstance(content_type_id, tuple) else (content_type_id,)
    return f"content_type_id IN ({', '.join(['%s'] * len(ids))})", list(ids)


def settled_by_the_newest(index, parsed, mask, wanted):
    """The first ``wanted`` hits in the relevance order, told from the title and summary of
    the newest matches (a statement per round of reading, two rounds at most), or ``None``
    when those do not settle it.

    Hits are newest first within each tier, so the newest matches hold the newest hits of
    every tier: when ``wanted`` of them are in the best tier, they are the page whatever the
    older matches hold (a query whose words are in many titles is answered without the
    tiers' statements); when they are all the matches, every tier is known. The index
    holds the texts as their folded words separated by spaces, so a term is in a column
    when its words, space-delimited, are in the column's text: what the full-text
    statements find. A typed document number puts its entries first whatever their date:
    not settled here.
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
        newest = index.date_order(first_by_date(index, hits, limit, newest=True),
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


def first_by_date(index, hits, wanted, *, newest):
    """The ``wanted`` first of ``hits`` in date order, unordered (a partial sort, ties
    kept), so that ordering a page costs the page, not the whole list."""
    if len(hits) <= wanted:
        return hits
    key = index.date_key(hits, newest=newest)
    threshold = np.partition(key, wanted - 1)[wanted - 1]
    return hits[key <= threshold]


def by_relevance(index, mask, wanted, tier_masks):
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
        ordered.append(index.date_order(first_by_date(index, hits, wanted - count,
                                                      newest=True), newest=True))
        count += len(hits)
    if count < wanted:
        ordered.append(index.date_order(first_by_date(index, np.flatnonzero(left),
                                                      wanted - count, newest=True),
                                        newest=True))
    return np.concatenate(ordered) if ordered else np.empty(0, dtype=np.int64)
