from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from plugins.core.admin.menu import MenuItem
from plugins.site_health.access import may_open_reports
from plugins.site_health.reports import BrokenLinkReport, YearlyReviewReport


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("bao-cao/lien-ket-hong/", BrokenLinkReport.as_view(), name="links"),
        path("bao-cao/lien-ket-hong/ket-qua/", BrokenLinkReport.as_view(results_only=True),
             name="links_results"),
        path("bao-cao/ra-soat-hang-nam/", YearlyReviewReport.as_view(), name="review"),
        path("bao-cao/ra-soat-hang-nam/ket-qua/", YearlyReviewReport.as_view(results_only=True),
             name="review_results"),
    ]
    return [path("", include((urls, "site_health"), namespace="site_health"))]


class ReportMenuItem(MenuItem):
    def shown_to(self, request):
        return may_open_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_links_menu_item():
    return ReportMenuItem(_("Broken links"), reverse("site_health:links"), icon_name="link",
                          order=794)


@hooks.register("register_reports_menu_item")
def register_review_menu_item():
    return ReportMenuItem(_("Yearly review"), reverse("site_health:review"), icon_name="date",
                          order=795)
