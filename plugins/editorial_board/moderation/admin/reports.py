"""Report views of the editorial board (Wagtail's ReportView, with XLSX/ODS export)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from plugins.core.admin.exports import OdsExportMixin
from plugins.core.admin.scoping import AgencyScopedFiltersMixin
from plugins.core.scoping import agency_ids_for_user
from plugins.editorial_board.models import EditorialRecord


def records_for(user):
    """The editorial records of the agencies ``user`` works for."""
    records = EditorialRecord.objects.all()
    agency_ids = agency_ids_for_user(user)
    if agency_ids is not None:
        records = records.filter(agency_id__in=agency_ids)
    return records


class DirectPublicationFilterSet(WagtailFilterSet):
    published_at = django_filters.DateFromToRangeFilter(
        label=_("Published"), widget=DateRangePickerWidget)

    class Meta:
        model = EditorialRecord
        fields = ["published_at", "trusted_source"]


class DirectPublicationsReport(AgencyScopedFiltersMixin, OdsExportMixin, ReportView):
    """R-ED-5: what the administrators published directly, for the board's weekly review."""

    page_title = _("Direct publications")
    header_icon = "upload"
    index_url_name = "editorial_board:direct_publications"
    index_results_url_name = "editorial_board:direct_publications_results"
    filterset_class = DirectPublicationFilterSet
    export_filename = "xuat-ban-truc-tiep"
    list_export = ["page.title", "source", "trusted_source", "published_at", "publisher"]
    export_headings = {"page.title": _("Title"), "source": _("Source"),
                       "trusted_source": _("Trusted source"), "published_at": _("Published"),
                       "publisher": _("Published by")}
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit",
                    accessor="page.title", id_accessor="page_id"),
        Column("source", label=_("Source")),
        Column("trusted_source", label=_("Trusted source")),
        DateColumn("published_at", label=_("Published")),
        Column("publisher", label=_("Published by")),
    ]

    def get_queryset(self):
        return records_for(self.request.user).filter(published_directly=True).select_related(
            "page", "trusted_source", "published_by").order_by("-published_at")

    def decorate_paginated_queryset(self, object_list):
        for record in object_list:
            user = record.published_by
            record.publisher = (user.get_full_name() or user.get_username()) if user else ""
        return object_list


class DeadlineFilterSet(WagtailFilterSet):
    due_at = django_filters.DateFromToRangeFilter(label=_("Due"), widget=DateRangePickerWidget)
    late_only = django_filters.BooleanFilter(label=_("Late only"), method="filter_late")

    class Meta:
        model = EditorialRecord
        fields = ["due_at", "unit", "kind"]

    def filter_late(self, queryset, name, value):
        from django.db.models import F, Q
        from django.utils import timezone

        if not value:
            return queryset
        return queryset.filter(Q(published_at__gt=F("due_at"))
                               | Q(published_at__isnull=True, due_at__lt=timezone.now()))


class DeadlineReport(AgencyScopedFiltersMixin, OdsExportMixin, ReportView):
    """R-ED-6: each item's due time and whether it was published in time."""

    page_title = _("Publication deadlines of the board")
    header_icon = "time"
    index_url_name = "editorial_board:deadlines"
    index_results_url_name = "editorial_board:deadlines_results"
    filterset_class = DeadlineFilterSet
    export_filename = "han-dang-tin"
    list_export = ["page.title", "unit", "kind_label", "event_at", "due_at", "published_at",
                   "state"]
    export_headings = {"page.title": _("Title"), "unit": _("Unit"),
                       "kind_label": _("Kind of information"), "event_at": _("Event"),
                       "due_at": _("Due"), "published_at": _("Published"), "state": _("State")}
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit",
                    accessor="page.title", id_accessor="page_id"),
        Column("unit", label=_("Unit")),
        Column("kind_label", label=_("Kind of information")),
        DateColumn("due_at", label=_("Due")),
        DateColumn("published_at", label=_("Published")),
        Column("state", label=_("State")),
    ]

    def get_queryset(self):
        return records_for(self.request.user).filter(due_at__isnull=False).select_related(
            "page", "unit").order_by("-due_at")

    def decorate_paginated_queryset(self, object_list):
        for record in object_list:
            record.kind_label = record.get_kind_display()
            if record.published_at:
                record.state = _("Published late") if record.is_late else _("On time")
            else:
                record.state = _("Overdue") if record.is_late else _("Not yet due")
        return object_list
