"""The consultation list's search form: state, subject area and year (plugins.core.listing
runs it; R-SITE-6).

The state (not open yet, open, closed) is a facet of the index, kept in step with the clock
by the every-minute sweep (:func:`plugins.public_consultation.services.sweep`); each row
and each page shows the state read from the window at the request. The subject areas are
the agency's own words: the facet's labels are the values its consultations use.
"""

from django.utils.translation import gettext_lazy as _

from plugins.core.listing.forms import FacetField, ListingForm, is_year
from plugins.public_consultation.models import ConsultationPage, ConsultationState


class ConsultationSearchForm(ListingForm):
    query_label = _("Search the consultations")

    state = FacetField(label=_("State"), choices=ConsultationState.choices, order="choices")
    area = FacetField(label=_("Subject area"))
    year = FacetField(label=_("Year"), accept=is_year, order="descending")

    @classmethod
    def facet_labels(cls, index_page, agency_id):
        live = ConsultationPage.objects.live().filter(agency_id=agency_id)
        areas = (live.exclude(subject_area="")
                 .order_by("subject_area").values_list("subject_area", flat=True).distinct())
        return {"area": {area: area for area in areas}}


FACETS = ConsultationSearchForm.facet_names()
