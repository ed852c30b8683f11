"""The broken-link report and the yearly review report (R-SITE-8), in *Reports*.

Both list only the agencies where the user is the IT administrator or a leader
(:mod:`plugins.site_health.access`), filter and export to XLSX, CSV and ODS, and read a
fixed number of queries whatever the number of rows.
"""

import django_filters
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from plugins.core.admin.columns import CalendarDateColumn
from plugins.core.admin.exports import OdsExportMixin
from plugins.core.models import Agency, Unit
from plugins.site_health import review
from plugins.site_health.access import require_reports
from plugins.site_health.models import BAD_STATUSES, Link, LinkKind, LinkOccurrence, LinkStatus
from plugins.site_health.sites import root_paths, under

ALL = "all"
SHOWN_SOURCES = 3  # pages named in the table's "Appears on"; the export names every one


class ScopedReportMixin(OdsExportMixin):
    """Refused to whoever may not read the reports; the agency filter offers only the
    agencies the user may read the reports of."""

    def dispatch(self, request, *args, **kwargs):
        self.agency_ids = require_reports(request.user)  # refused before anything is read
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def filters(self):
        filters = super().filters
        if filters is not None and "agency" in filters.form.fields:
            agencies = Agency.objects.order_by("name")
            if self.agency_ids is not None:
                agencies = agencies.filter(pk__in=self.agency_ids)
            filters.form.fields["agency"].queryset = agencies
        if filters is not None and "unit" in filters.form.fields:
            units = Unit.objects.select_related("agency").order_by("agency__name", "name")
            if self.agency_ids is not None:
                units = units.filter(agency_id__in=self.agency_ids)
            filters.form.fields["unit"].queryset = units
        return filters


# Broken links

class LinkFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=[(ALL, _("Every link")), *LinkStatus.choices],
        empty_label=_("Broken or unreachable"), method="filter_status")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LinkKind.choices)
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=Agency.objects.none())
    url = django_filters.CharFilter(label=_("Address contains"), lookup_expr="icontains")

    class Meta:
        model = Link
        fields = ["status", "kind", "agency", "url"]

    def filter_status(self, queryset, name, value):
        return queryset if value == ALL else queryset.filter(status=value)


class AddressColumn(TitleColumn):
    """The address, a link to it when it is an outside one."""

    def get_link_url(self, instance, parent_context):
        return instance.url if instance.kind == LinkKind.EXTERNAL else None


class BrokenLinkReport(ScopedReportMixin, ReportView):
    page_title = _("Broken links")
    header_icon = "link"
    index_url_name = "site_health:links"
    index_results_url_name = "site_health:links_results"
    filterset_class = LinkFilterSet
    export_filename = "lien-ket-hong"
    list_export = ["agency.name", "target", "kind_label", "status_label", "status_code",
                   "detail", "last_checked_at", "first_broken_at", "appears_on"]
    export_headings = {
        "agency.name": _("Agency"), "target": _("Link"), "kind_label": _("Kind"),
        "status_label": _("Status"), "status_code": _("HTTP status"), "detail": _("Detail"),
        "last_checked_at": _("Last checked"), "first_broken_at": _("Broken since"),
        "appears_on": _("Appears on"),
    }
    columns = [
        AddressColumn("target", label=_("Link"), width="30%"),
        Column("kind_label", label=_("Kind"), width="8%"),
        Column("status_text", label=_("Status"), width="18%"),
        CalendarDateColumn("last_checked_at", label=_("Last checked"), width="10%"),
        CalendarDateColumn("first_broken_at", label=_("Broken since"), width="10%"),
        Column("appears_on_short", label=_("Appears on"), width="24%"),
    ]

    def get_queryset(self):
        links = Link.objects.select_related("agency").prefetch_related(Prefetch(
            "occurrences", queryset=LinkOccurrence.objects.select_related("page", "document")
            .order_by("pk")))
        if self.agency_ids is not None:
            links = links.filter(agency_id__in=self.agency_ids)
        return links.order_by("agency__name", "url", "pk")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.request.GET.get("status"):
            queryset = queryset.filter(status__in=BAD_STATUSES)
        return queryset

    def decorate_paginated_queryset(self, object_list):
        links = list(object_list)
        targets = _internal_targets(links)
        for link in links:
            link.target = targets.get(link.url, link.url)
            link.kind_label = link.get_kind_display()
            link.status_label = link.get_status_display()
            link.detail = gettext(link.message) if link.message else ""
            link.status_text = " — ".join(str(part) for part in (
                link.status_label, link.status_code, link.detail) if part)
            sources = [_source(occurrence) for occurrence in link.occurrences.all()]
            link.appears_on = "; ".join(sources)  # the export lists them all
            link.appears_on_short = link.appears_on
            if len(sources) > SHOWN_SOURCES:
                link.appears_on_short = gettext("%(names)s and %(count)s more") % {
                    "names": "; ".join(sources[:SHOWN_SOURCES]),
                    "count": len(sources) - SHOWN_SOURCES}
        return links


def _internal_targets(links):
    """{"page:12": "Page “Title” (/path/)", "document:3": "Document “Title”"} of the
    internal links among ``links`` (one query per kind)."""
    from wagtail.documents import get_document_model

    from plugins.site_health.extract import DOCUMENT_PREFIX, PAGE_PREFIX

    page_ids = [int(link.url.removeprefix(PAGE_PREFIX)) for link in links
                if link.url.startswith(PAGE_PREFIX)]
    document_ids = [int(link.url.removeprefix(DOCUMENT_PREFIX)) for link in links
                    if link.url.startswith(DOCUMENT_PREFIX)]
    targets = {}
    for pk, title in Page.objects.filter(pk__in=page_ids).values_list("pk", "title"):
        targets[f"{PAGE_PREFIX}{pk}"] = gettext("Page “%(title)s”") % {"title": title}
    for pk, title in get_document_model().objects.filter(pk__in=document_ids).values_list(
            "pk", "title"):
        targets[f"{DOCUMENT_PREFIX}{pk}"] = gettext("Document “%(title)s”") % {"title": title}
    for address in {link.url for link in links} - targets.keys():
        if address.startswith(PAGE_PREFIX):
            targets[address] = gettext("A deleted page (no. %(id)s)") % {
                "id": address.removeprefix(PAGE_PREFIX)}
        elif address.startswith(DOCUMENT_PREFIX):
            targets[address] = gettext("A deleted document (no. %(id)s)") % {
                "id": address.removeprefix(DOCUMENT_PREFIX)}
    return targets


def _source(occurrence):
    if occurrence.page_id:
        return occurrence.page.title
    return gettext("document “%(title)s”") % {"title": occurrence.document.title}


# Yearly review

class ReviewFilterSet(WagtailFilterSet):
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=Agency.objects.none(),
                                              method="filter_agency")
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=Unit.objects.none(),
                                            method="filter_unit")
    no_unit = django_filters.BooleanFilter(label=_("Only pages of no unit"),
                                           method="filter_no_unit")

    class Meta:
        model = Page
        fields = ["agency", "unit", "no_unit"]

    def filter_agency(self, queryset, name, value):
        return queryset.filter(under(root_paths([value.pk]).get(value.pk, [])))

    def filter_unit(self, queryset, name, value):
        return queryset.filter(review_unit_id=value.pk)

    def filter_no_unit(self, queryset, name, value):
        return queryset.filter(review_unit_id__isnull=True) if value else queryset


class YearlyReviewReport(ScopedReportMixin, ReportView):
    """002 Đ13.2: every year the site is reviewed; these are its pages nobody changed for a
    year, with the unit that answers for each."""

    page_title = _("Yearly review: pages not changed in a year")
    header_icon = "date"
    index_url_name = "site_health:review"
    index_results_url_name = "site_health:review_results"
    filterset_class = ReviewFilterSet
    export_filename = "ra-soat-hang-nam"
    list_export = ["title", "url_path", "review_unit_name", "owner_name", "last_changed_at",
                   "days_unchanged"]
    export_headings = {
        "title": _("Page"), "url_path": _("Address in the site"), "review_unit_name": _("Unit"),
        "owner_name": _("Owner"), "last_changed_at": _("Last changed"),
        "days_unchanged": _("Days unchanged"),
    }
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit", width="34%"),
        Column("review_unit_name", label=_("Unit"), width="22%"),
        Column("owner_name", label=_("Owner"), width="18%"),
        CalendarDateColumn("last_changed_at", label=_("Last changed"), width="14%"),
        Column("days_unchanged", label=_("Days unchanged"), width="12%"),
    ]

    def get_queryset(self):
        return review.stale_pages(self.agency_ids)

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        review.decorate(pages)
        return pages
