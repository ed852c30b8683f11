"""What the core search index holds for a statistics page.

Only live, public pages are indexed: a draft or a private page is never found. The words
of the table (its column names and row labels: years, streets, districts) are searchable,
the figures are not.
"""

from django.utils.html import strip_tags

from plugins.core.search.documents import SearchDocument

FACETS = ("topic", "year")


def build(page):
    page = page.specific
    if not page.live or page.get_view_restrictions().exists():
        return None
    table = page.table or {}
    return SearchDocument(
        title=page.title,
        summary=page.summary,
        body=" ".join(filter(None, [
            *table.get("headers", []), *(row[0] for row in table.get("rows", [])),
            page.unit, page.source, strip_tags(page.notes),
        ])),
        date=page.period_date,
        agency_id=page.agency_id,
        facets={"topic": page.topic, "year": page.year},
    )
