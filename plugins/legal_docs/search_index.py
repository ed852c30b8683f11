"""What the core search index holds for a legal document, and when it is refreshed.

Only live, public, non-secret documents are indexed: a citizen's search can never reveal a
draft or a secret document (R-LD-6).
"""

from django.utils.html import strip_tags

from plugins.core.search.documents import SearchDocument


def build(page):
    page = page.specific
    if not page.live or page.is_secret or page.get_view_restrictions().exists():
        return None
    return SearchDocument(
        title=page.title,
        summary=" ".join([page.summary, page.signer_name, page.issuing_body.name]),
        body=" ".join([strip_tags(page.body or ""), page.extracted_text]),
        number=page.number,
        date=page.issue_date,
        agency_id=page.agency_id,
        facets={
            "type": page.doc_type_id,
            "issuer": page.issuing_body_id,
            "field": [field.pk for field in page.legal_fields.all()],
            "year": page.issue_date.year if page.issue_date else None,
            "status": page.status,
        },
    )
