"""Admin hooks of the royalties (R-ED-11): the ledger report and the closing of a month."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks

from plugins.core.admin.menu import MenuItem
from plugins.editorial_board.moderation.board import overseen_agency_ids
from plugins.editorial_board.royalties.admin import (
    RoyaltyLedgerReport,
    RoyaltyLineViewSet,
    RoyaltyRateViewSet,
    close_royalty_month,
)

#: Its screens in the board's menu (plugins.editorial_board.wagtail_hooks).
VIEWSETS = (RoyaltyRateViewSet, RoyaltyLineViewSet)

#: Admin views of the royalties, under the board's URL namespace (``editorial_board:…``).
ADMIN_URLS = [
    path("bao-cao/so-nhuan-but/", RoyaltyLedgerReport.as_view(), name="royalty_ledger"),
    path("bao-cao/so-nhuan-but/ket-qua/", RoyaltyLedgerReport.as_view(results_only=True),
         name="royalty_ledger_results"),
    path("bao-cao/so-nhuan-but/khoa-so/", close_royalty_month, name="royalty_ledger_close"),
]


class LedgerItem(MenuItem):
    """The board and leaders see the agency's ledger; every author their own lines."""

    def shown_to(self, request):
        from plugins.editorial_board.models import RoyaltyShare

        overseen = overseen_agency_ids(request.user)
        return bool(overseen is None or overseen
                    or RoyaltyShare.objects.filter(person=request.user).exists())


@hooks.register("register_reports_menu_item")
def register_royalty_ledger_menu_item():
    return LedgerItem(_lazy("Royalty ledger"), reverse("editorial_board:royalty_ledger"),
                      icon_name="pick", order=740)
