"""The procedure list's search form: its facets, their labels and its sorts
(plugins.core.listing runs it; R-PR-1, R-PR-5).

Abolished procedures are left out unless the visitor asks for them. The facet labels cost
two small queries (subject areas, implementing bodies).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.core.listing.forms import FacetField, ListingForm
from plugins.procedures.choices import Level, OnlineLevel, Status
from plugins.procedures.models import ProcedureField, ProcedurePage


class ProcedureSearchForm(ListingForm):
    query_label = _("Search procedures")
    sorts = [
        ("relevance", _("Relevance")),
        ("newest", _("Latest announced")),
        ("oldest", _("Earliest announced")),
    ]

    field = FacetField(label=_("Subject area"))
    level = FacetField(label=_("Level of government"), choices=Level.choices, order="choices")
    body = FacetField(label=_("Implementing body"))
    online = FacetField(label=_("Online service level"), order="choices",
                        choices=[(str(value), label) for value, label in OnlineLevel.choices])
    abolished = forms.BooleanField(label=_("Include abolished procedures"), required=False)

    @classmethod
    def facet_labels(cls, index_page, agency_id):
        bodies = (
            ProcedurePage.objects.live().filter(agency_id=agency_id)
            .filter(**({"locale_id": index_page.locale_id} if index_page.locale_id else {}))
            .order_by("implementing_body").values_list("implementing_body", flat=True)
            .distinct()
        )
        return {
            "field": {str(field.pk): field.name
                      for field in ProcedureField.objects.offered_to(agency_id)},
            "body": {body: body for body in bodies if body},
        }

    def search_filters(self, filters):
        if not self.cleaned_data.get("abolished"):
            return {**filters, "status": [Status.IN_FORCE]}
        return filters


FACETS = ProcedureSearchForm.facet_names()


def run_search(index_page, request, per_page=None):
    """The form, the search results, the pages of the hits in order, the facets' labels, the
    filters and the notices (the exports list the same selection)."""
    listing = index_page.run_listing(request.GET, per_page=per_page, request=request)
    return (listing.form, listing.results, listing.pages, listing.form.value_labels,
            listing.asked.filters, listing.asked.notices)
