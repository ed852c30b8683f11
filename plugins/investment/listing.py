"""The search forms of the project list and of the notice list (plugins.core.listing runs
them; R-SITE-3, seed 002 Đ3.7).

Projects: facets status, field, type and zone (the zones are those typed on the agency's
live projects: one query). Notices: kind and year of the closing, and "open" or "closed",
which is not a facet of the index (it changes with the clock) but a range of closing days
read against today in Vietnam's time zone: "open" is a closing day of today or later,
"closed" of today or earlier. On its closing day a notice is in both; its row says which
side of the hour it is.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.core.calendar import OFFICE_TZ
from plugins.core.listing.forms import FacetField, ListingForm, is_year
from plugins.investment.models import (
    NoticeKind,
    NoticeState,
    ProjectField,
    ProjectPage,
    ProjectStatus,
    ProjectType,
)

OPEN, CLOSED = NoticeState.OPEN.value, NoticeState.CLOSED.value


class ProjectSearchForm(ListingForm):
    query_label = _("Search projects")
    # The default (sent empty): relevance with words, else the newest first.
    sorts = [("", _("Default order")), ("newest", _("Newest")), ("oldest", _("Oldest")),
             ("relevance", _("Relevance"))]

    status = FacetField(label=_("Status"), choices=ProjectStatus.choices, order="choices")
    field = FacetField(label=_("Subject area"), choices=ProjectField.choices, order="choices")
    project_type = FacetField(label=_("Type of project"), choices=ProjectType.choices,
                              order="choices")
    zone = FacetField(label=_("Zone"))

    @classmethod
    def facet_labels(cls, index_page, agency_id):
        zones = (ProjectPage.objects.live().filter(agency_id=agency_id).order_by()
                 .values_list("zone", flat=True).distinct())
        return {"zone": {zone: zone for zone in zones}}


class NoticeSearchForm(ListingForm):
    query_label = _("Search notices")
    # The default (sent empty): relevance with words, else the soonest closing first for
    # open notices and the latest first otherwise.
    sorts = [("", _("Default order")), ("newest", _("Latest closing first")),
             ("oldest", _("Earliest closing first")), ("relevance", _("Relevance"))]

    kind = FacetField(label=_("Kind of notice"), choices=NoticeKind.choices, order="choices")
    year = FacetField(label=_("Year of closing"), accept=is_year, order="descending")
    state = forms.ChoiceField(
        label=_("Bids"), required=False, widget=forms.RadioSelect,
        choices=[("", _("All notices")), (OPEN, _("Open for bids")),
                 (CLOSED, _("Bids closed"))],
    )

    def read(self):
        asked = super().read()
        state = self.cleaned_data.get("state")  # read() validated the form
        today = timezone.localtime(timezone.now(), OFFICE_TZ).date()
        if state == OPEN:
            asked.date_from = today
            if not self.cleaned_data.get("sort") and not asked.query:
                asked.sort = "oldest"
        elif state == CLOSED:
            asked.date_to = today
        return asked
