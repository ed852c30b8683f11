"""PostgreSQL: the weighted ``search_vector`` column with its GIN index (migration 0003)
and the facet snapshot."""

import numpy as np
from django.db import connection

from plugins.core.search import snapshot
from plugins.core.search.backends.base import relevance_tiers
from plugins.core.search.backends.database import (
    DatabaseSearchBackend,
    by_relevance,
    content_types,
)

_WEIGHTS = {"title": "A", "summary": "B", "body": "D"}  # the column's setweight label

# The match condition of every statement here. The tsquery comes in as a scalar subquery (an
# InitPlan parameter), not as a literal the planner can read, so that the planner costs the
# match at its fixed 0.5 % selectivity and reads the GIN index. Given the literal, it
# estimates a broad query well (15,500 matches for 20,900 at 100,000 entries) but prices
# testing ``@@`` on a row like a plain comparison (procost 1) and charges the index plan a
# recheck of every fetched row that it does not run (the GIN index answers ``@@`` exactly
# for plain terms and exclusions): with the default ``random_page_cost = 4`` it then
# prefers a sequential scan testing every entry, three times slower (60 ms against 20 on the
# 100,000-document benchmark). Reading the index is never much slower than that scan, even
# when every entry matches; docs/search.md has the plans and figures.
MATCHES = "search_vector @@ (SELECT %s::tsquery)"


def tsquery(parsed, columns=()):
    """The tsquery text of a parsed query; with ``columns``, the words must be in those
    columns and the exclusions are left out. The words are [0-9a-z]+ only, already what
    the ``simple`` configuration would make of them, so the text is cast to ``tsquery``
    directly: a constant, where ``to_tsquery()`` would run again on every row the
    relevance tiers check."""
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


class PostgreSQLSearchBackend(DatabaseSearchBackend):
    vendor = "postgresql"
    entries_sql = (
        "SELECT string_agg(id::text, ',' ORDER BY id), "
        "string_agg(object_id::text, ',' ORDER BY id), "
        "string_agg(COALESCE(agency_id, -1)::text, ',' ORDER BY id), "
        "string_agg(COALESCE(date::text, ''), ',' ORDER BY id) "
        "FROM core_searchentry WHERE content_type_id = %s"
    )
    facets_sql = (  # one range of the index core_search_facet_load, no join
        "SELECT name, value, string_agg(entry_id::text, ',') FROM core_searchfacet "
        "WHERE content_type_id = %s GROUP BY name, value"
    )

    def match(self, content_type_id, parsed, columns=()):
        condition, params = content_types(content_type_id)
        return self._joined(
            "SELECT string_agg(id::text, ',') FROM core_searchentry "
            f"WHERE {condition} AND {MATCHES}",
            [*params, tsquery(parsed, columns)],
        )

    def by_tiers(self, index, parsed, mask, wanted, content_type_id):
        """The tiers of every match told in one statement (:meth:`_match_with_tiers`)."""
        ids, ranks = self._match_with_tiers(content_type_id, parsed)
        positions, found = index.locate(ids)
        tiers = np.full(index.size, -1, dtype=np.int64)
        tiers[positions[found]] = ranks[found]
        count = len(relevance_tiers(parsed)) + 1
        return by_relevance(index, mask, wanted, (tiers == k for k in range(count)))

    def _match_with_tiers(self, content_type_id, parsed):
        """The matching entry ids and, for each, its relevance tier (0: the typed number,
        then :func:`relevance_tiers` in order, then the rest), in one statement: the tiers
        are checked on each row the match reads anyway."""
        tiers = relevance_tiers(parsed)
        rest = len(tiers) + 1
        cases, params = [], []
        if parsed.number_key:
            cases.append("WHEN number_key = %s THEN 0")
            params.append(parsed.number_key)
        # Each tier holds the next ones, so the widest is checked first: an entry with the
        # words only in its body (most of a broad query's matches) costs one check, not three.
        cases.append(f"WHEN NOT search_vector @@ %s::tsquery THEN {rest}")
        params.append(tsquery(*tiers[-1]))
        for rank, (query, columns) in enumerate(tiers[:-1], start=1):
            cases.append(f"WHEN search_vector @@ %s::tsquery THEN {rank}")
            params.append(tsquery(query, columns))
        rest = len(tiers)  # what is left is in the widest tier
        condition, types = content_types(content_type_id)
        sql = (
            "SELECT string_agg(id::text, ','), "
            f"string_agg((CASE {' '.join(cases)} ELSE {rest} END)::text, ',') "
            "FROM core_searchentry "
            f"WHERE {condition} AND {MATCHES}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *types, tsquery(parsed)])
            ids, tiers = cursor.fetchone()
        return snapshot.joined_numbers(ids), snapshot.joined_numbers(tiers)


SearchBackend = PostgreSQLSearchBackend
