"""The publication deadline report and dashboard panel (R-LD-5)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from plugins.core.admin.columns import CalendarDateColumn
from plugins.core.admin.scoping import AgencyScopedFiltersMixin
from plugins.core.scoping import agency_ids_for_user
from plugins.legal_docs.deadlines import DEFAULT_DEADLINE_DAYS, publication_deadline
from plugins.legal_docs.models import LegalDocsSettings, LegalDocumentPage


def issued_here(user):
    """Documents the user's agencies issued, newest first."""
    queryset = LegalDocumentPage.objects.filter(issued_here=True).select_related(
        "agency").defer(*LegalDocumentPage.FULL_TEXT_FIELDS)
    agency_ids = agency_ids_for_user(user)
    if agency_ids is not None:
        queryset = queryset.filter(agency_id__in=agency_ids)
    return queryset.order_by("-issue_date", "-pk")


def _deadline_days(agency, cache):
    if agency is None:
        return DEFAULT_DEADLINE_DAYS
    if agency.pk not in cache:
        setting = LegalDocsSettings.objects.filter(site_id=agency.site_id).first()
        cache[agency.pk] = setting.publication_deadline_days if setting else DEFAULT_DEADLINE_DAYS
    return cache[agency.pk]


def annotate_deadlines(pages, on=None):
    """Set ``deadline``, ``published_on`` and ``late`` on each page (a list)."""
    on = on or timezone.localdate()
    cache = {}
    for page in pages:
        page.deadline = publication_deadline(
            page.agency, page.issue_date, _deadline_days(page.agency, cache)
        )
        page.published_on = (
            timezone.localtime(page.first_published_at).date() if page.first_published_at else None
        )
        reference = page.published_on or on
        page.late = reference > page.deadline
    return pages


class PublicationDeadlineReport(AgencyScopedFiltersMixin, ReportView):
    page_title = _("Publication deadlines")
    header_icon = "time"
    index_url_name = "legal_docs:deadlines"
    index_results_url_name = "legal_docs:deadlines_results"
    list_export = ["number", "title", "issue_date", "deadline", "published_on", "late"]
    export_headings = {
        "number": _("Document number"), "title": _("Title"), "issue_date": _("Issue date"),
        "deadline": _("Deadline"), "published_on": _("Published on"), "late": _("Late"),
    }
    # Dates as dates (19/11/2026), and widths that add up to the table's, so that the last
    # column stays on screen whatever the titles' length.
    columns = [
        Column("number", label=_("Document number"), width="16%"),
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit",
                    width="36%"),
        CalendarDateColumn("issue_date", label=_("Issue date"), width="12%"),
        CalendarDateColumn("deadline", label=_("Deadline"), width="12%"),
        CalendarDateColumn("published_on", label=_("Published on"), width="12%"),
        Column("late_label", label=_("On time?"), width="12%"),
    ]

    def get_queryset(self):
        return issued_here(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        pages = annotate_deadlines(list(object_list))
        for page in pages:
            page.late_label = _("Late") if page.late else _("On time")
        return pages


class LateDocumentsPanel(Component):
    name = "legal_docs_late"
    order = 150
    template_name = "legal_docs/admin/late_documents_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        since = timezone.localdate() - datetime.timedelta(days=90)
        pages = annotate_deadlines(list(issued_here(self.user).filter(issue_date__gte=since)))
        late = [page for page in pages if page.late]
        return {"late": late[:10], "late_count": len(late), "checked": len(pages)}
