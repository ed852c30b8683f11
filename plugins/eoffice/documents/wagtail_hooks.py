from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from plugins.core.admin.menu import MenuItem
from plugins.eoffice.documents import inbox
from plugins.eoffice.documents.admin import (
    delegation_views,
    dossier_views,
    outage_views,
    report_views,
    views,
)
from plugins.eoffice.documents.admin.viewsets import EofficeViewSetGroup


@hooks.register("register_admin_viewset")
def register_eoffice_viewsets():
    return EofficeViewSetGroup()


@hooks.register("register_admin_urls")
def register_eoffice_urls():
    urls = [
        path("van-phong/hop-thu/", views.my_inbox, name="inbox"),
        path("van-phong/tien-do-don-vi/", views.unit_progress, name="unit_progress"),
        path("van-phong/co-quan/", views.agency_overview, name="agency"),
        path("van-phong/vao-so-den/", views.register_incoming, name="register_incoming"),
        path("van-phong/du-thao-moi/", views.new_draft, name="new_draft"),
        path("van-phong/van-ban-den/<int:pk>/<str:action>/", views.incoming_action,
             name="incoming_action"),
        path("van-phong/van-ban-di/<int:pk>/<str:action>/", views.outgoing_action,
             name="outgoing_action"),
        path("van-phong/tep/<str:kind>/<int:pk>/", views.download, name="download"),
        path("van-phong/phieu-xu-ly/<str:kind>/<int:pk>/", views.slip, name="slip"),
        path("van-phong/ho-so/<int:pk>/dong/", dossier_views.close, name="dossier_close"),
        path("van-phong/ho-so-nop-luu/", dossier_views.handover, name="dossier_handover"),
        path("van-phong/uy-quyen/", delegation_views.delegation_list, name="delegations"),
        path("van-phong/uy-quyen/<int:pk>/ket-thuc/", delegation_views.end_delegation,
             name="end_delegation"),
        path("van-phong/su-co/", outage_views.outage_list, name="outages"),
        path("van-phong/su-co/<int:pk>/vao-so/", outage_views.outage_register,
             name="outage_register"),
        path("van-phong/bao-cao/", report_views.reports, name="reports"),
        path("van-phong/bao-cao/so/<int:pk>/ngay.pdf", report_views.register_pdf,
             name="register_pdf"),
        path("van-phong/bao-cao/so/<int:pk>/xuat.<str:fmt>", report_views.register_export,
             name="register_export"),
        path("van-phong/thong-ke/", report_views.statistics_view, name="statistics"),
    ]
    return [path("", include((urls, "eoffice"), namespace="eoffice"))]


class InboxMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.core.scoping import agency_ids_for_user

        return agency_ids_for_user(request.user) != frozenset()


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(_("My inbox"), reverse("eoffice:inbox"), icon_name="tasks",
                         order=140)


class HomePanel(Component):
    """A panel of the admin's dashboard: ``template_name`` rendered with ``context``."""

    def __init__(self, name, order, template_name, **context):
        self.name, self.order, self.template_name = name, order, template_name
        self.context = context

    def get_context_data(self, parent_context):
        return self.context


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    counts = inbox.counts(request.user)
    if any(counts.values()):
        panels.append(HomePanel("eoffice:inbox", 50, "eoffice_documents/admin/inbox_panel.html",
                                counts=counts))


@hooks.register("construct_homepage_panels")
def add_delegation_panel(request, panels):
    from plugins.eoffice.documents.services import delegation

    in_force = list(delegation.in_force(request.user).order_by("ends_at"))
    if in_force:
        # Who acts for a director of the user's agencies now (R-EO-15).
        panels.append(HomePanel("eoffice:delegations", 40,
                                "eoffice_documents/admin/delegation_panel.html",
                                delegations=in_force))


# --- The overdue report and its reminders (R-EO-7, R-EO-18) ---------------------------------


@hooks.register("register_admin_urls")
def register_overdue_report_urls():
    from plugins.eoffice.documents.admin.overdue_report import OverdueReport

    urls = [
        path("van-phong/bao-cao/qua-han/", OverdueReport.as_view(), name="overdue"),
        path("van-phong/bao-cao/qua-han/ket-qua/", OverdueReport.as_view(results_only=True),
             name="overdue_results"),
    ]
    return [path("", include((urls, "eoffice_reports"), namespace="eoffice_reports"))]


class OverdueReportMenuItem(MenuItem):
    def shown_to(self, request):
        from django.core.exceptions import PermissionDenied

        from plugins.eoffice.documents.admin.overdue_report import scope

        try:
            scope(request.user)
        except PermissionDenied:
            return False
        return True


@hooks.register("register_reports_menu_item")
def register_overdue_report_menu_item():
    return OverdueReportMenuItem(_("Overdue documents"), reverse("eoffice_reports:overdue"),
                                 icon_name="time", order=790)


# --- Registers' reports and statistics (R-EO-9) ----------------------------------------


class ReportsMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.eoffice.documents.reports import permissions

        return permissions.may_see_registers(request.user)


class StatisticsMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.eoffice.documents.reports import permissions

        return permissions.may_see_statistics(request.user)


@hooks.register("register_eoffice_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(_("Registers' reports"), reverse("eoffice:reports"),
                           icon_name="list-ul", order=20)


@hooks.register("register_eoffice_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Statistics of documents"), reverse("eoffice:statistics"),
                              icon_name="table", order=21)
