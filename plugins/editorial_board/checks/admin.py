"""Admin screens of the checks before publication (R-ED-14).

- *Ban biên tập → Cụm từ bị cấm*: each agency's list of prohibited expressions;
- *Báo cáo → Nội dung bị gắn cờ*: the flags of the agency's pages, open or overridden;
- the page's own flags (button in the page header), where the acting chief records an
  override with its reason.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from plugins.core.admin.exports import OdsExportMixin
from plugins.core.admin.scoping import AgencyScopedFiltersMixin, AgencyScopedModelViewSet
from plugins.editorial_board.checks import services as checks
from plugins.editorial_board.models import ContentFlag, ProhibitedExpression
from plugins.editorial_board.moderation import board as who


class ProhibitedExpressionViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_prohibited_expression"
    url_prefix = "ban-bien-tap/cum-tu-bi-cam"
    model = ProhibitedExpression
    icon = "warning"
    menu_label = gettext_lazy("Prohibited expressions")
    list_display = ["expression", "reason", "active", "agency"]
    list_filter = ["active"]
    list_select_related = ("agency",)
    search_fields = ["expression", "reason"]


def flags_for(user):
    """Flags of the agencies whose board ``user`` sits on or that they lead."""
    ids = who.overseen_agency_ids(user)
    flags = ContentFlag.objects.all()
    return flags if ids is None else flags.filter(agency_id__in=ids)


class FlagFilterSet(WagtailFilterSet):
    open_only = django_filters.BooleanFilter(label=gettext_lazy("Open only"),
                                             method="filter_open")

    class Meta:
        model = ContentFlag
        fields = ["open_only"]

    def filter_open(self, queryset, name, value):
        return queryset.filter(overridden_at__isnull=True) if value else queryset


class FlaggedContentReport(AgencyScopedFiltersMixin, OdsExportMixin, ReportView):
    """R-ED-14: the prohibited expressions found in the agency's pages."""

    page_title = gettext_lazy("Flagged content")
    header_icon = "warning"
    index_url_name = "editorial_board:flags"
    index_results_url_name = "editorial_board:flags_results"
    filterset_class = FlagFilterSet
    export_filename = "noi-dung-bi-gan-co"
    list_export = ["page.title", "matched", "field_label", "excerpt", "found_at", "state"]
    export_headings = {"page.title": gettext_lazy("Page"),
                       "matched": gettext_lazy("Expression"),
                       "field_label": gettext_lazy("Page field"),
                       "excerpt": gettext_lazy("Excerpt"),
                       "found_at": gettext_lazy("Found at"), "state": gettext_lazy("State")}
    columns = [
        TitleColumn("title", label=gettext_lazy("Page"), accessor="page.title",
                    url_name="editorial_board:page_flags", id_accessor="page_id"),
        Column("matched", label=gettext_lazy("Expression")),
        Column("field_label", label=gettext_lazy("Page field")),
        Column("excerpt", label=gettext_lazy("Excerpt")),
        DateColumn("found_at", label=gettext_lazy("Found at")),
        Column("state", label=gettext_lazy("State")),
    ]

    def get_queryset(self):
        return flags_for(self.request.user).select_related("page", "overridden_by").order_by(
            "-found_at", "pk")

    def decorate_paginated_queryset(self, object_list):
        for flag in object_list:
            if flag.is_open:
                flag.state = _("Open: the item cannot be published")
            else:
                user = flag.overridden_by
                flag.state = _("Allowed by %(person)s: %(reason)s") % {
                    "person": (user.get_full_name() or user.get_username()) if user else "",
                    "reason": flag.override_reason}
        return object_list


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why these expressions may be published"),
        widget=forms.Textarea(attrs={"rows": 3}))


def page_flags(request, page_id):
    """The flags of one page; the acting chief may allow them, giving the reason."""
    page = get_object_or_404(Page, pk=page_id)
    ids = who.overseen_agency_ids(request.user)
    may_see = page.permissions_for_user(request.user).can_edit() or ids is None or (
        ContentFlag.objects.filter(page=page, agency_id__in=ids).exists())
    if not may_see:
        raise PermissionDenied
    may_override = checks.may_override(request.user, page)
    form = OverrideForm(request.POST or None)
    if request.method == "POST":
        if not may_override:
            raise PermissionDenied
        if form.is_valid():
            try:
                checks.override(page, request.user, form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error("reason", error)
            else:
                messages.success(request, _("The flagged expressions of “%(title)s” are "
                                            "allowed; the reason is recorded.")
                                 % {"title": page.get_admin_display_title()})
                return redirect("wagtailadmin_pages:edit", page.pk)
    flags = ContentFlag.objects.filter(page=page).select_related("overridden_by")
    return TemplateResponse(request, "editorial_board/admin/page_flags.html", {
        "page": page, "flags": flags, "form": form, "may_override": may_override,
        "has_open": any(flag.is_open for flag in flags),
        "page_title": _("Flagged expressions"),
    })
