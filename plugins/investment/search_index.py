"""What the core search index holds for a project and for a notice (R-SITE-3).

Only live, public pages are indexed: a citizen never finds a draft. A project is dated by
its first publication; a notice by its closing day (Vietnam time), which the notice list's
"open" and "closed" read.
"""

from django.utils.html import strip_tags

from plugins.core.search.documents import SearchDocument


def _public(page):
    return page.live and not page.get_view_restrictions().exists()


def _labels(related):
    return [item.label for item in related.select_related("document")]


def build_project(page):
    page = page.specific
    if not _public(page):
        return None
    return SearchDocument(
        title=page.title,
        summary=" ".join(filter(None, [page.objective, page.zone, page.investor])),
        body=" ".join(filter(None, [page.location, page.scale, page.duration,
                                    strip_tags(page.body), page.contact,
                                    *_labels(page.documents)])),
        date=page.published_on,
        agency_id=page.agency_id,
        facets={"status": page.status, "field": page.field,
                "project_type": page.project_type, "zone": page.zone},
    )


def build_notice(page):
    page = page.specific
    if not _public(page):
        return None
    closing = page.local_closing
    return SearchDocument(
        title=page.title,
        summary=" ".join(filter(None, [page.package_name, page.procuring_entity,
                                       page.summary])),
        body=" ".join(filter(None, [strip_tags(page.body), strip_tags(page.results),
                                    *_labels(page.documents),
                                    *_labels(page.result_documents)])),
        number=page.reference,
        date=closing.date(),
        agency_id=page.agency_id,
        facets={"kind": page.kind, "year": closing.year},
    )
