from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from plugins.core.admin.menu import MenuItem
from plugins.legal_docs.admin.imports import import_view, libraries_for
from plugins.legal_docs.admin.reports import LateDocumentsPanel, PublicationDeadlineReport
from plugins.legal_docs.admin.viewsets import LegalDocsViewSetGroup
from plugins.legal_docs.services import STATUS_CHANGED
from plugins.legal_docs.status import Status


@hooks.register("register_admin_viewset")
def register_legal_docs_viewsets():
    return LegalDocsViewSetGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("bao-cao/han-dang-van-ban/", PublicationDeadlineReport.as_view(),
             name="deadlines"),
        path("van-ban/nhap/", import_view, name="import"),
        path("bao-cao/han-dang-van-ban/ket-qua/",
             PublicationDeadlineReport.as_view(results_only=True),
             name="deadlines_results"),
    ]
    return [path("", include((urls, "legal_docs"), namespace="legal_docs"))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(_("Publication deadlines"), reverse("legal_docs:deadlines"), icon_name="time",
                    order=780)


class ImportMenuItem(MenuItem):
    def shown_to(self, request):
        return libraries_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import legal documents"), reverse("legal_docs:import"),
                          icon_name="upload", order=230)


@hooks.register("construct_homepage_panels")
def add_late_documents_panel(request, panels):
    panels.append(LateDocumentsPanel(request.user))


@hooks.register("register_log_actions")
def register_status_log_action(actions):
    @actions.register_action(STATUS_CHANGED)
    class StatusChanged(LogFormatter):
        label = _("Change validity status")

        def format_message(self, log_entry):
            data = log_entry.data
            new = Status(data["new"]).label if data.get("new") in Status.values else data.get("new")
            if data.get("cause"):
                return _("Validity status changed to “%(status)s” by %(cause)s") % {
                    "status": new, "cause": data["cause"],
                }
            return _("Validity status changed to “%(status)s”") % {"status": new}
