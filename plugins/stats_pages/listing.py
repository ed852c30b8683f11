"""The statistics list's search form: its facets (field, year of the figures) and sorts
(plugins.core.listing runs it). Both facets have fixed or self-describing values, so the
list asks no query for their labels."""

from django.utils.translation import gettext_lazy as _

from plugins.core.listing.forms import FacetField, ListingForm, is_year
from plugins.stats_pages.models import Topic


class StatisticsSearchForm(ListingForm):
    query_label = _("Search statistics")
    sorts = [("relevance", _("Relevance")), ("newest", _("Latest figures")),
             ("oldest", _("Earliest figures"))]

    topic = FacetField(label=_("Subject area"), choices=Topic.choices, order="choices")
    year = FacetField(label=_("Year"), accept=is_year, order="descending")
