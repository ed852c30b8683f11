from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from plugins.core import api, import_jobs
from plugins.core.accounts import views as account_views
from plugins.core.accounts.admin import BULK_ACTIONS
from plugins.core.admin.awaiting_review import AwaitingReviewPanel
from plugins.core.admin.viewsets import OrganisationViewSetGroup
from plugins.core.audit.admin import AuditEventViewSet
from plugins.core.files import access
from plugins.core.notifications import wagtail_hooks as notification_hooks  # noqa: F401
from plugins.core.two_factor import views as two_factor_views
from plugins.core.views.password import password_change


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditEventViewSet()


@hooks.register("construct_homepage_panels")
def review_panel_in_constant_queries(request, panels):
    """Wagtail's "Awaiting your review" panel, the same rows in a constant number of
    queries (plugins.core.admin.awaiting_review)."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = AwaitingReviewPanel()


@hooks.register("register_admin_urls")
def register_core_admin_urls():
    return [
        path("doi-mat-khau/", password_change, name="core_password_change"),
        path("nhap-du-lieu/<str:job>/", import_jobs.status_view, name="core_import_status"),
        path("tai-khoan/bao-mat-tai-khoan/", account_views.report, name="core_account_report"),
        path("tai-khoan/<int:user_id>/mo-khoa/", account_views.unlock,
             name="core_account_unlock"),
        path("xac-thuc-hai-buoc/", two_factor_views.manage, name="core_two_factor"),
        path("xac-thuc-hai-buoc/nhap-ma/", two_factor_views.verify,
             name="core_two_factor_verify"),
        path("xac-thuc-hai-buoc/thiet-lap/", two_factor_views.enrol,
             name="core_two_factor_enrol"),
        path("xac-thuc-hai-buoc/ma-du-phong/", two_factor_views.recovery_codes,
             name="core_two_factor_codes"),
        path("xac-thuc-hai-buoc/dat-lai/<int:user_id>/", two_factor_views.reset,
             name="core_two_factor_reset"),
    ]


@hooks.register("before_serve_document")
def serve_documents_only_to_those_allowed(document, request):
    """An unpublished or secret page's file is not found for anyone else (R-LD-6)."""
    if not access.may_download(request.user, document):
        raise Http404


@hooks.register("construct_page_chooser_queryset")
def choose_only_own_agencies_pages(pages, request):
    """The page chooser (browse and search) offers no page of another agency's site."""
    from plugins.core.scoping import exclude_foreign_pages

    return exclude_foreign_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explore_only_own_agencies_pages(parent_page, pages, request):
    from plugins.core.scoping import exclude_foreign_pages

    return exclude_foreign_pages(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_reports_across_agencies(request, menu_items):
    from plugins.core.middleware import SUPERUSER_ONLY_VIEWS

    if request.user.is_superuser:
        return
    hidden = {reverse(name) for name in SUPERUSER_ONLY_VIEWS}
    menu_items[:] = [item for item in menu_items if item.url not in hidden]


# After Wagtail's own registrations (order 0), which list every agency's files.
hooks.register("construct_admin_api", api.scope_admin_api, order=1)


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("core_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Your authenticator app and your recovery codes."),
    }


@hooks.register("register_account_menu_item")
def report_account_item(request):
    return {
        "url": reverse("core_account_report"),
        "label": _("Report my account lost or shared"),
        "help_text": _("Locks your account at once and tells your agency's IT administrator."),
    }


# Wagtail's user bulk actions, limited to the users an administrator manages: registered
# after Wagtail's own (higher order) so they replace them.
for _action in BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=100)
