"""SQLite: the FTS5 table ``core_search_fts`` (migration 0003) and the facet snapshot."""

from plugins.core.search.backends.base import relevance_tiers
from plugins.core.search.backends.database import DatabaseSearchBackend, by_relevance
from plugins.core.search.query import to_fts5


class SQLiteSearchBackend(DatabaseSearchBackend):
    vendor = "sqlite"
    entries_sql = (
        "SELECT group_concat(id), group_concat(object_id), group_concat(IFNULL(agency_id, -1)), "
        "group_concat(IFNULL(date, '')) FROM (SELECT id, object_id, agency_id, date "
        "FROM core_searchentry WHERE content_type_id = %s ORDER BY id)"
    )
    facets_sql = (  # one range of the index core_search_facet_load, no join
        "SELECT name, value, group_concat(entry_id) FROM core_searchfacet "
        "WHERE content_type_id = %s GROUP BY name, value"
    )

    def match(self, content_type_id, parsed, columns=()):
        """One statement reading only the FTS5 index, its ids joined into one string (a row
        per match costs twice as much to fetch); other models' ids are dropped later."""
        return self._joined(
            "SELECT group_concat(rowid) FROM core_search_fts WHERE core_search_fts MATCH %s",
            [to_fts5(parsed, columns)],
        )

    def by_tiers(self, index, parsed, mask, wanted, content_type_id):
        """One statement per tier, asked for only while the page is not filled."""
        return by_relevance(index, mask, wanted, self._tier_masks(index, parsed,
                                                                  content_type_id))

    def _tier_masks(self, index, parsed, content_type_id):
        if parsed.number_key:
            from plugins.core.models import SearchEntry

            ids = content_type_id if isinstance(content_type_id, tuple) else (content_type_id,)
            yield index.mask_of(list(SearchEntry.objects.filter(
                content_type_id__in=ids, number_key=parsed.number_key
            ).values_list("id", flat=True)))
        for query, columns in relevance_tiers(parsed):
            yield index.mask_of(self.match(content_type_id, query, columns))


SearchBackend = SQLiteSearchBackend
