"""Admin hooks of moderation: its reports, the dashboard's quota panel, the page header's
editorial information, and the refusal of direct publication (R-ED-2)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from plugins.core.admin.menu import MenuItem
from plugins.editorial_board.moderation import scope
from plugins.editorial_board.moderation.admin.quotas import QuotaPanel, quota_report
from plugins.editorial_board.moderation.admin.records import (
    EditorialRecordViewSet,
    record_for_page,
)
from plugins.editorial_board.moderation.admin.reports import (
    DeadlineReport,
    DirectPublicationsReport,
)
from plugins.editorial_board.moderation.admin.viewsets import (
    BoardViewSet,
    DeadlineRuleViewSet,
    DelegationViewSet,
    EditorialSettingsViewSet,
    TrustedSourceViewSet,
)
from plugins.editorial_board.moderation.board import led_unit_ids, member_agency_ids
from plugins.editorial_board.moderation.publishing import may_publish_directly

#: Moderation's screens in the board's menu (plugins.editorial_board.wagtail_hooks).
VIEWSETS = (BoardViewSet, DelegationViewSet, TrustedSourceViewSet, DeadlineRuleViewSet,
            EditorialSettingsViewSet, EditorialRecordViewSet)

#: Admin views of moderation, under the board's URL namespace (``editorial_board:…``).
ADMIN_URLS = [
    path("ban-bien-tap/trang/<int:page_id>/", record_for_page, name="page_record"),
    path("bao-cao/xuat-ban-truc-tiep/", DirectPublicationsReport.as_view(),
         name="direct_publications"),
    path("bao-cao/dinh-muc/", quota_report, name="quotas"),
    path("bao-cao/han-dang-tin/", DeadlineReport.as_view(), name="deadlines"),
    path("bao-cao/han-dang-tin/ket-qua/", DeadlineReport.as_view(results_only=True),
         name="deadlines_results"),
    path("bao-cao/xuat-ban-truc-tiep/ket-qua/",
         DirectPublicationsReport.as_view(results_only=True),
         name="direct_publications_results"),
]


class ReportItem(MenuItem):
    def shown_to(self, request):
        return bool(member_agency_ids(request.user)) or request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_direct_publications_menu_item():
    return ReportItem(_lazy("Direct publications"),
                      reverse("editorial_board:direct_publications"), icon_name="upload",
                      order=730)


@hooks.register("register_reports_menu_item")
def register_deadlines_menu_item():
    return ReportItem(_lazy("Publication deadlines of the board"),
                      reverse("editorial_board:deadlines"), icon_name="time", order=720)


@hooks.register("register_reports_menu_item")
def register_quotas_menu_item():
    return ReportItem(_lazy("Quotas of the units"), reverse("editorial_board:quotas"),
                      icon_name="table", order=710)


@hooks.register("construct_homepage_panels")
def add_quota_panel(request, panels):
    if member_agency_ids(request.user) or led_unit_ids(request.user):
        panels.append(QuotaPanel(request.user))


@hooks.register("register_page_header_buttons")
def editorial_information_button(page, user, view_name=None, next_url=None):
    if page.pk and page.depth > 2 and scope.has_editorial_workflow(page):
        yield Button(_lazy("Editorial information"),
                     reverse("editorial_board:page_record", args=[page.pk]), icon_name="form",
                     priority=60)


def _refusal(request, page):
    messages.error(request, _(
        "“%(title)s” is moderated by the editorial board: submit it for approval; it is "
        "published when the chief approves it."
    ) % {"title": page.get_admin_display_title()})
    return redirect("wagtailadmin_pages:edit", page.pk)


# The refusals below come before the checks' own (plugins.editorial_board.checks), which
# are registered after them: an item refused for both is told about the workflow first.
@hooks.register("before_publish_page")
def refuse_direct_publication(request, page):
    if not may_publish_directly(request.user, page):
        return _refusal(request, page)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_for_moderated_pages(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is None or page.pk is None:
        return
    # A new page inherits its parent's workflow: the parent stands for it.
    if not may_publish_directly(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publication(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refused = [page for page in objects if not may_publish_directly(request.user, page)]
    if refused:
        return _refusal(request, refused[0])
    return None
