"""The system log in the Wagtail admin: *Settings → System log* (R-EO-19, R-SEC-2).

A list only: filters by event, date, account and agency, a search, and the export of what
is listed to CSV, XLSX or ODS; each event opens read-only. There is no add, edit, delete,
copy or history screen for anyone, superusers included: those URLs do not exist. An IT
administrator sees the events of the agencies it administers; a superuser sees all, those
that concern no agency too (:meth:`AuditEventQuerySet.visible_to`).
"""

import json

import django_filters
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.core.accounts.scope import administered_agency_ids
from plugins.core.admin.exports import OdsExportMixin
from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.core.models import Agency, AuditEvent


def _local_text(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def _local_naive(value):
    return timezone.make_naive(value) if value else value


def _json_text(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""


class AuditEventFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=capfirst(pgettext_lazy("audit event", "event")),
                                       choices=AuditEvent.Kind.choices)
    occurred_at = django_filters.DateFromToRangeFilter(
        label=capfirst(pgettext_lazy("audit event", "when")), widget=DateRangePickerWidget
    )
    username = django_filters.CharFilter(
        label=capfirst(pgettext_lazy("audit event", "user name")), lookup_expr="icontains"
    )
    agency = django_filters.ModelChoiceFilter(label=capfirst(_("agency")),
                                              queryset=Agency.objects.none())

    class Meta:
        model = AuditEvent
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        ids = administered_agency_ids(user)
        agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
        self.filters["agency"].queryset = agencies


class AuditEventIndexView(OdsExportMixin, AgencyScopedModelViewSet.index_view_class):
    custom_field_preprocess = {
        "occurred_at": {"csv": _local_text, "xlsx": _local_naive},
        "details": {"csv": _json_text, "xlsx": _json_text},
    }


class AuditEventInspectView(AgencyScopedModelViewSet.inspect_view_class):
    def get_occurred_at_display_value(self):
        return date_format(timezone.localtime(self.object.occurred_at), "DATETIME_FORMAT")

    def get_details_display_value(self):
        details = self.object.details
        if not details:
            return "-"
        return format_html("<pre>{}</pre>", json.dumps(details, ensure_ascii=False, indent=2,
                                                       sort_keys=True))


class AuditEventViewSet(AgencyScopedModelViewSet):
    name = "core_audit"
    url_prefix = "nhat-ky-he-thong"
    model = AuditEvent
    icon = "history"
    menu_label = pgettext_lazy("audit event", "System log")
    add_to_settings_menu = True
    menu_order = 610
    index_view_class = AuditEventIndexView
    inspect_view_class = AuditEventInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["occurred_at", "kind", "agency", "username", "address",
                           "description", "details"]
    list_display = ["description", "kind", "username", "address", "agency", "occurred_at"]
    list_select_related = ("agency",)
    filterset_class = AuditEventFilterSet
    search_fields = ["description", "username", "address"]
    list_per_page = 50
    list_export = ["occurred_at", "agency", "kind_label", "username", "address",
                   "description", "details"]
    export_headings = {"kind_label": capfirst(pgettext_lazy("audit event", "event"))}
    export_filename = "nhat-ky-he-thong"

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    @property
    def url_finder_class(self):
        finder = ModelViewSet.url_finder_class.fget(self)
        finder.edit_url_name = self.get_url_name("inspect")
        return finder
