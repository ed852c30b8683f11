"""What the core search index holds for an enterprise (seed 001 Đ7.2g).

Only the records shown on the public directory are indexed: an enterprise kept in the admin
only is never found. The tax code is indexed as typed both ways (``0312345678001`` and
``0312345678 001``), so either form finds it; the date is the registration date (the list's
"newest" order).
"""

from plugins.core.search.documents import SearchDocument


def build(enterprise):
    if not enterprise.is_published:
        return None
    zone = enterprise.zone.name if enterprise.zone_id else ""
    industry = enterprise.industry.name if enterprise.industry_id else ""
    return SearchDocument(
        title=" ".join(filter(None, [enterprise.name, enterprise.short_name])),
        summary=" ".join(filter(None, [enterprise.english_name, industry, zone,
                                       enterprise.products])),
        body=" ".join(filter(None, [
            enterprise.tax_code, enterprise.tax_code_display.replace("-", " "),
            enterprise.address, enterprise.legal_representative, enterprise.website,
        ])),
        date=enterprise.registered_on,
        agency_id=enterprise.agency_id,
        facets={"zone": enterprise.zone_id, "industry": enterprise.industry_id,
                "status": enterprise.status},
    )
