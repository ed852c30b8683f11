"""What the core search index holds for an event (R-SITE-4).

Only live, public events are indexed: a citizen never finds a draft. The date is the day
the event ends (Vietnam time), so that "upcoming" keeps an event under way; the year facet
is the year it starts.
"""

from django.utils.html import strip_tags

from plugins.core.search.documents import SearchDocument


def build(page):
    page = page.specific
    if not page.live or page.get_view_restrictions().exists():
        return None
    materials = [material.label for material in page.materials.select_related("document")]
    return SearchDocument(
        title=page.title,
        summary=" ".join(filter(None, [page.summary, page.place, page.organiser])),
        body=" ".join(filter(None, [strip_tags(page.body), *materials,
                                    *[link.title for link in page.links.all()]])),
        date=page.local_end.date(),
        agency_id=page.agency_id,
        facets={"kind": page.kind, "year": page.local_start.year},
    )
