"""What the core search index holds for a consultation (R-SITE-6).

Only live, public consultations are indexed: a citizen never finds a draft. The date is
the opening day (Vietnam time: newest first lists the latest consultations first); the
facets are the state at indexing time (refreshed by the sweep when the window moves on),
the subject area and the opening year. Comments are not indexed.
"""

from django.utils.html import strip_tags

from plugins.core.search.documents import SearchDocument


def build(page):
    page = page.specific
    if not page.live or page.get_view_restrictions().exists():
        return None
    files = [item.label for item in page.draft_files.select_related("document")]
    return SearchDocument(
        title=page.title,
        summary=" ".join(filter(None, [page.intro, page.subject_area, page.drafting_unit])),
        body=" ".join(filter(None, [strip_tags(page.body), *files])),
        date=page.local_opens.date(),
        agency_id=page.agency_id,
        facets={"state": page.state(), "area": page.subject_area or None,
                "year": page.local_opens.year},
    )
