"""Admin hooks of the checks before submission (R-ED-14): the flagged-content report, the
page's flags, the warning in the editor and the refusal to publish a flagged item."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from plugins.core.admin.menu import MenuItem
from plugins.editorial_board.checks import services as checks
from plugins.editorial_board.checks.admin import (
    FlaggedContentReport,
    ProhibitedExpressionViewSet,
    page_flags,
)
from plugins.editorial_board.moderation.board import overseen_agency_ids

#: Its screens in the board's menu (plugins.editorial_board.wagtail_hooks).
VIEWSETS = (ProhibitedExpressionViewSet,)

#: Admin views of the checks, under the board's URL namespace (``editorial_board:…``).
ADMIN_URLS = [
    path("bao-cao/noi-dung-bi-gan-co/", FlaggedContentReport.as_view(), name="flags"),
    path("bao-cao/noi-dung-bi-gan-co/ket-qua/",
         FlaggedContentReport.as_view(results_only=True), name="flags_results"),
    path("ban-bien-tap/trang/<int:page_id>/kiem-tra/", page_flags, name="page_flags"),
]


class FlagsItem(MenuItem):
    def shown_to(self, request):
        return overseen_agency_ids(request.user) != frozenset()


@hooks.register("register_reports_menu_item")
def register_flags_menu_item():
    return FlagsItem(_lazy("Flagged content"), reverse("editorial_board:flags"),
                     icon_name="warning", order=760)


@hooks.register("register_page_header_buttons")
def flagged_expressions_button(page, user, view_name=None, next_url=None):
    if page.pk and checks.has_open_flags(page):
        yield Button(_lazy("Flagged expressions"),
                     reverse("editorial_board:page_flags", args=[page.pk]),
                     icon_name="warning", priority=61)


@hooks.register("before_edit_page")
def warn_about_flags(request, page):
    """R-ED-14: whoever opens the item sees its flagged expressions (a form cannot say so
    without refusing the save)."""
    if request.method != "GET":
        return
    flags = list(checks.open_flags(page))
    if flags:
        messages.warning(request, _(
            "Prohibited expressions were found: %(flags)s. The item cannot be published "
            "until they are removed or the chief of the board allows them."
        ) % {"flags": checks.flags_message(flags)})


def _flag_refusal(request, page):
    messages.error(request, _(
        "“%(title)s” contains prohibited expressions (%(flags)s): remove them, or the chief "
        "of the board allows them with a reason, before it is published."
    ) % {"title": page.get_admin_display_title(),
         "flags": checks.flags_message(checks.open_flags(page))})
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def refuse_flagged_publication(request, page):
    if checks.has_open_flags(page):
        return _flag_refusal(request, page)
    return None


@hooks.register("before_bulk_action")
def refuse_flagged_bulk_publication(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    flagged = [page for page in objects if checks.has_open_flags(page)]
    if flagged:
        return _flag_refusal(request, flagged[0])
    return None
