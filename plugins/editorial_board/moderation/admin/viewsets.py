"""Moderation's admin screens in the editorial board's menu ("Ban biên tập")."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.editorial_board.models import (
    Board,
    DeadlineRule,
    Delegation,
    EditorialSettings,
    TrustedSource,
)


class BoardViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_board"
    url_prefix = "ban-bien-tap/ban"
    model = Board
    icon = "group"
    menu_label = _("Editorial boards")
    list_display = ["name", "agency", "decision_number", "decision_date"]
    list_select_related = ("agency",)
    inspect_view_enabled = True


class ActiveColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_active


class DelegationViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_delegation"
    url_prefix = "ban-bien-tap/uy-quyen"
    model = Delegation
    icon = "user"
    menu_label = _("Delegations of the chief")
    list_display = [
        Column("deputy_name", label=_("Deputy")),
        "starts_at", "ends_at", "reason",
        ActiveColumn("is_active", label=_("In force now")),
    ]
    list_filter = ["board", "revoked"]
    list_select_related = ("deputy", "board")
    ordering = ["-starts_at"]


class TrustedSourceViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_trusted_source"
    url_prefix = "ban-bien-tap/nguon-tin-cay"
    model = TrustedSource
    icon = "link"
    menu_label = _("Trusted sources")
    list_display = ["name", "domain", "active", "agency"]
    list_filter = ["active"]
    list_select_related = ("agency",)
    search_fields = ["name", "domain"]


class DeadlineRuleViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_deadline_rule"
    url_prefix = "ban-bien-tap/han-dang-tin"
    model = DeadlineRule
    icon = "time"
    menu_label = _("Deadline rules")
    list_display = ["kind", "amount", "unit", "agency"]
    list_select_related = ("agency",)


class EditorialSettingsViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_settings"
    url_prefix = "ban-bien-tap/dinh-muc"
    model = EditorialSettings
    icon = "cog"
    menu_label = _("Quotas")
    list_display = ["agency", "unit_monthly_minimum", "site_monthly_news_minimum",
                    "daily_update"]
    list_select_related = ("agency",)


def active_delegations(user):
    """Delegations in force now on the boards ``user`` may see (for the dashboard)."""
    return list(
        Delegation.objects.visible_to(user).active(timezone.now()).select_related(
            "deputy", "board"
        )
    )
