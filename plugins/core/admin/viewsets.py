"""Admin screens of the core: agencies, units, positions, declared days (R-ORG-1…4)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.core.models import Agency, DayOverride, Position, Unit


class AgencyViewSet(AgencyScopedModelViewSet):
    name = "core_agency"
    url_prefix = "to-chuc/co-quan"
    model = Agency
    icon = "site"
    menu_label = _("Agencies")
    list_display = ["name", "symbol", "organ_id", "site"]
    search_fields = ["name", "symbol"]
    list_select_related = ("site",)
    inspect_view_enabled = True


class UnitViewSet(AgencyScopedModelViewSet):
    name = "core_unit"
    url_prefix = "to-chuc/don-vi"
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "parent", "kind", "agency"]
    list_filter = ["agency", "kind"]
    list_select_related = ("parent", "agency")
    search_fields = ["name"]


class PositionViewSet(AgencyScopedModelViewSet):
    name = "core_position"
    url_prefix = "to-chuc/chuc-vu"
    model = Position
    icon = "user"
    menu_label = _("Positions")
    list_display = ["full_name", "title", "unit", "is_leader"]
    list_filter = ["unit__agency", "is_leader"]
    search_fields = ["title", "user__first_name", "user__last_name"]
    list_select_related = ("user", "unit")


class DayOverrideViewSet(AgencyScopedModelViewSet):
    name = "core_dayoverride"
    url_prefix = "to-chuc/ngay-nghi-ngay-lam"
    model = DayOverride
    icon = "date"
    menu_label = _("Declared days")
    list_display = ["date", "kind", "reason", "agency"]
    list_filter = ["kind", "agency"]
    list_select_related = ("agency",)


class OrganisationViewSetGroup(ViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 210
    items = (AgencyViewSet, UnitViewSet, PositionViewSet, DayOverrideViewSet)
