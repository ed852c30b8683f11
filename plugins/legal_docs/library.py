"""The library's search form: its facets, their labels, its date range and sorts
(plugins.core.listing runs it; R-LD-3).

The facet labels cost three small queries (types, issuing bodies, fields).
"""

from django.utils.translation import gettext_lazy as _

from plugins.core.listing.forms import FacetField, ListingForm, date_field, is_year
from plugins.legal_docs.models import DocumentType, IssuingBody, LegalField
from plugins.legal_docs.status import Status


class LibraryForm(ListingForm):
    sorts = [
        ("relevance", _("Relevance")),
        ("newest", _("Newest")),
        ("oldest", _("Issue date, oldest first")),
    ]

    type = FacetField(label=_("Document type"))
    issuer = FacetField(label=_("Issuing body"))
    field = FacetField(label=_("Subject area"))
    year = FacetField(label=_("Year"), accept=is_year, order="descending")
    status = FacetField(label=_("Validity status"), choices=Status.choices)
    date_from = date_field(_("Issued from"))
    date_to = date_field(_("Issued until"))

    @classmethod
    def facet_labels(cls, index_page, agency_id):
        return {
            "type": {str(t.pk): t.name for t in DocumentType.objects.offered_to(agency_id)},
            "issuer": {str(b.pk): b.name for b in IssuingBody.objects.offered_to(agency_id)},
            "field": {str(f.pk): f.name for f in LegalField.objects.offered_to(agency_id)},
        }


FACETS = LibraryForm.facet_names()


def library_context(index_page, request):
    """The list as the library page shows it (the feeds and the exports read it too)."""
    return index_page.get_listing_context(request)
