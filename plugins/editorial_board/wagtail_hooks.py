from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from plugins.editorial_board import checks, scope
from plugins.editorial_board.admin.checks import FlaggedContentReport, page_flags
from plugins.editorial_board.admin.questions import QuestionDeadlineReport
from plugins.editorial_board.admin.quotas import QuotaPanel, quota_report
from plugins.editorial_board.admin.records import record_for_page
from plugins.editorial_board.admin.reports import DeadlineReport, DirectPublicationsReport
from plugins.editorial_board.admin.reviews import PeriodicReviewReport, ReviewPanel, review_page
from plugins.editorial_board.admin.royalties import RoyaltyLedgerReport, close_royalty_month
from plugins.editorial_board.admin.viewsets import EditorialBoardViewSetGroup
from plugins.editorial_board.board import led_unit_ids, member_agency_ids, overseen_agency_ids
from plugins.editorial_board.publishing import may_publish_directly


@hooks.register("register_admin_viewset")
def register_editorial_board_viewsets():
    return EditorialBoardViewSetGroup()


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("ban-bien-tap/trang/<int:page_id>/", record_for_page, name="editorial_page_record"),
        path("bao-cao/xuat-ban-truc-tiep/", DirectPublicationsReport.as_view(),
             name="editorial_direct_publications"),
        path("bao-cao/dinh-muc/", quota_report, name="editorial_quotas"),
        path("bao-cao/han-dang-tin/", DeadlineReport.as_view(), name="editorial_deadlines"),
        path("bao-cao/han-dang-tin/ket-qua/", DeadlineReport.as_view(results_only=True),
             name="editorial_deadlines_results"),
        path("bao-cao/xuat-ban-truc-tiep/ket-qua/",
             DirectPublicationsReport.as_view(results_only=True),
             name="editorial_direct_publications_results"),
        path("bao-cao/so-nhuan-but/", RoyaltyLedgerReport.as_view(),
             name="editorial_royalty_ledger"),
        path("bao-cao/so-nhuan-but/ket-qua/", RoyaltyLedgerReport.as_view(results_only=True),
             name="editorial_royalty_ledger_results"),
        path("bao-cao/so-nhuan-but/khoa-so/", close_royalty_month,
             name="editorial_royalty_ledger_close"),
        path("bao-cao/noi-dung-bi-gan-co/", FlaggedContentReport.as_view(),
             name="editorial_flags"),
        path("bao-cao/noi-dung-bi-gan-co/ket-qua/",
             FlaggedContentReport.as_view(results_only=True), name="editorial_flags_results"),
        path("ban-bien-tap/trang/<int:page_id>/kiem-tra/", page_flags,
             name="editorial_page_flags"),
        path("bao-cao/han-tra-loi-hoi-dap/", QuestionDeadlineReport.as_view(),
             name="editorial_question_deadlines"),
        path("bao-cao/han-tra-loi-hoi-dap/ket-qua/",
             QuestionDeadlineReport.as_view(results_only=True),
             name="editorial_question_deadlines_results"),
        path("bao-cao/ra-soat-dinh-ky/", PeriodicReviewReport.as_view(),
             name="editorial_reviews"),
        path("bao-cao/ra-soat-dinh-ky/ket-qua/", PeriodicReviewReport.as_view(results_only=True),
             name="editorial_reviews_results"),
        path("ban-bien-tap/ra-soat/<int:page_id>/", review_page, name="editorial_review_page"),
    ]


class ReportItem(MenuItem):
    def is_shown(self, request):
        return bool(member_agency_ids(request.user)) or request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_direct_publications_menu_item():
    return ReportItem(_lazy("Direct publications"), reverse("editorial_direct_publications"),
                      icon_name="upload", order=710)


@hooks.register("register_reports_menu_item")
def register_deadlines_menu_item():
    return ReportItem(_lazy("Publication deadlines of the board"),
                      reverse("editorial_deadlines"), icon_name="time", order=705)


@hooks.register("register_reports_menu_item")
def register_quotas_menu_item():
    return ReportItem(_lazy("Quotas of the units"), reverse("editorial_quotas"),
                      icon_name="table", order=700)


class LedgerItem(MenuItem):
    """The board and leaders see the agency's ledger; every author their own lines."""

    def is_shown(self, request):
        from plugins.editorial_board.models import RoyaltyShare

        return bool(overseen_agency_ids(request.user) is None
                    or overseen_agency_ids(request.user)
                    or RoyaltyShare.objects.filter(person=request.user).exists())


@hooks.register("register_reports_menu_item")
def register_royalty_ledger_menu_item():
    return LedgerItem(_lazy("Royalty ledger"), reverse("editorial_royalty_ledger"),
                      icon_name="pick", order=715)


class FlagsItem(MenuItem):
    def is_shown(self, request):
        return overseen_agency_ids(request.user) != frozenset()


@hooks.register("register_reports_menu_item")
def register_flags_menu_item():
    return FlagsItem(_lazy("Flagged content"), reverse("editorial_flags"),
                     icon_name="warning", order=720)


@hooks.register("construct_homepage_panels")
def add_quota_panel(request, panels):
    if member_agency_ids(request.user) or led_unit_ids(request.user):
        panels.append(QuotaPanel(request.user))


@hooks.register("register_page_header_buttons")
def editorial_information_button(page, user, view_name=None, next_url=None):
    if page.pk and page.depth > 2 and scope.has_editorial_workflow(page):
        yield Button(_lazy("Editorial information"),
                     reverse("editorial_page_record", args=[page.pk]), icon_name="form",
                     priority=60)


@hooks.register("register_page_header_buttons")
def flagged_expressions_button(page, user, view_name=None, next_url=None):
    if page.pk and checks.has_open_flags(page):
        yield Button(_lazy("Flagged expressions"),
                     reverse("editorial_page_flags", args=[page.pk]), icon_name="warning",
                     priority=61)


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


def _refusal(request, page):
    messages.error(request, _(
        "“%(title)s” is moderated by the editorial board: submit it for approval; it is "
        "published when the chief approves it."
    ) % {"title": page.get_admin_display_title()})
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def refuse_direct_publication(request, page):
    if not may_publish_directly(request.user, page):
        return _refusal(request, page)
    if checks.has_open_flags(page):
        return _flag_refusal(request, page)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_for_moderated_pages(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is None or page.pk is None:
        return
    if context.get("view") == "create":
        probe = page  # the new page inherits its parent's workflow
    else:
        probe = page
    if not may_publish_directly(request.user, probe):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publication(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refused = [page for page in objects if not may_publish_directly(request.user, page)]
    if refused:
        return _refusal(request, refused[0])
    flagged = [page for page in objects if checks.has_open_flags(page)]
    if flagged:
        return _flag_refusal(request, flagged[0])
    return None


class UnitReportItem(MenuItem):
    """Reports that the units read too (their own questions, their own pages)."""

    def is_shown(self, request):
        from plugins.editorial_board.questions import own_unit_ids

        user = request.user
        return user.is_superuser or bool(member_agency_ids(user) or own_unit_ids(user))


@hooks.register("register_reports_menu_item")
def register_question_deadlines_menu_item():
    return UnitReportItem(_lazy("Answer deadlines of citizens' questions"),
                          reverse("editorial_question_deadlines"), icon_name="help", order=715)


@hooks.register("register_reports_menu_item")
def register_reviews_menu_item():
    return UnitReportItem(_lazy("Pages due for periodic review"), reverse("editorial_reviews"),
                          icon_name="history", order=720)


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    from plugins.editorial_board.questions import own_unit_ids

    if member_agency_ids(request.user) or own_unit_ids(request.user):
        panels.append(ReviewPanel(request.user))


@hooks.register("register_page_header_buttons")
def reviewed_still_correct_button(page, user, view_name=None, next_url=None):
    from plugins.editorial_board import reviews

    if page.pk and page.depth > 2 and reviews.is_tracked(page) and (
        page.permissions_for_user(user).can_edit()
    ):
        yield Button(_lazy("Reviewed, still correct"),
                     reverse("editorial_review_page", args=[page.pk]), icon_name="tick",
                     priority=62)
