"""The event list's search form: upcoming or past, kind and year (plugins.core.listing runs
it; R-SITE-4).

"Upcoming" and "past" are not facets of the index (they change with the clock): they are
date ranges on the day an event ends, read against today in Vietnam's time zone. An event
under way is upcoming until its last day has passed. Upcoming events are listed soonest
first unless the visitor sorts otherwise.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.core.calendar import OFFICE_TZ
from plugins.core.listing.forms import FacetField, ListingForm, is_year
from plugins.events.models import EventKind, EventState

UPCOMING, PAST = EventState.UPCOMING.value, EventState.PAST.value


class EventSearchForm(ListingForm):
    query_label = _("Search events")
    # The default (sent empty by the form): relevance with words, else soonest first for
    # upcoming events and latest first otherwise.
    sorts = [("", _("Default order")), ("newest", _("Latest first")),
             ("oldest", _("Earliest first")), ("relevance", _("Relevance"))]

    kind = FacetField(label=_("Kind"), choices=EventKind.choices, order="choices")
    year = FacetField(label=_("Year"), accept=is_year, order="descending")
    when = forms.ChoiceField(
        label=_("When"), required=False, widget=forms.RadioSelect,
        choices=[("", _("All events")), (UPCOMING, _("Upcoming and under way")),
                 (PAST, _("Past"))],
    )

    def read(self):
        asked = super().read()
        when = self.cleaned_data.get("when")  # read() validated the form
        today = timezone.localtime(timezone.now(), OFFICE_TZ).date()
        if when == UPCOMING:
            asked.date_from = today
            if not self.cleaned_data.get("sort") and not asked.query:
                asked.sort = "oldest"
        elif when == PAST:
            asked.date_to = today - datetime.timedelta(days=1)
        return asked


FACETS = EventSearchForm.facet_names()
