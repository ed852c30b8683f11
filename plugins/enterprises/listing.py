"""The directory's search form: zone, field of business and status (plugins.core.listing runs
it; seed 001 Đ7.2g: searching the enterprise data)."""

from django.utils.translation import gettext_lazy as _

from plugins.core.listing.forms import FacetField, ListingForm
from plugins.enterprises.models import EnterpriseStatus, Industry, Zone


class EnterpriseSearchForm(ListingForm):
    query_label = _("Search enterprises")
    sorts = [("relevance", _("Relevance")), ("newest", _("Registered most recently")),
             ("oldest", _("Registered earliest"))]

    zone = FacetField(label=_("Zone"))
    industry = FacetField(label=_("Field of business"))
    status = FacetField(label=_("Status"), choices=EnterpriseStatus.choices, order="choices")

    @classmethod
    def facet_labels(cls, index_page, agency_id):
        return {
            "zone": {str(pk): name for pk, name in
                     Zone.objects.offered_to(agency_id).values_list("pk", "name")},
            "industry": {str(pk): name for pk, name in
                         Industry.objects.offered_to(agency_id).values_list("pk", "name")},
        }


FACETS = EnterpriseSearchForm.facet_names()
