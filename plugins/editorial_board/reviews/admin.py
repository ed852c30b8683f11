"""Admin side of the periodic review (R-ED-8): rules, the report, the dashboard panel and
the "reviewed, still correct" action on a page."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, get_page_models

from plugins.core.admin.exports import OdsExportMixin
from plugins.core.admin.scoping import (
    AgencyScopedAdminForm,
    AgencyScopedFiltersMixin,
    AgencyScopedModelViewSet,
)
from plugins.core.models import Agency, Unit
from plugins.editorial_board.models import ReviewRule
from plugins.editorial_board.reviews import services as reviews

PANEL_ROWS = 8


def page_type_choices():
    return ContentType.objects.filter(
        pk__in=[ContentType.objects.get_for_model(model).pk for model in get_page_models()
                if model is not Page])


def _type_label(content_type):
    model = content_type.model_class()
    return f"{model._meta.verbose_name} ({model._meta.app_label})" if model else str(
        content_type)


class ReviewRuleForm(AgencyScopedAdminForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["page_type"]
        field.queryset = page_type_choices()
        field.label_from_instance = _type_label


class ReviewRuleViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_review_rule"
    url_prefix = "ban-bien-tap/ra-soat-dinh-ky"
    model = ReviewRule
    icon = "history"
    menu_label = gettext_lazy("Periodic review")
    list_display = ["page_type", "months", "agency"]
    list_select_related = ("agency", "page_type")

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(ReviewRule.panels, base_form_class=ReviewRuleForm).bind_to_model(
            ReviewRule)


def agencies_for(user):
    return Agency.objects.visible_to(user).select_related("site__root_page").order_by("name")


class ReviewFilterSet(WagtailFilterSet):
    agency = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Agency"), method="keep",
        queryset=lambda request: agencies_for(request.user) if request else Agency.objects.none())
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Unit"), method="filter_unit",
        queryset=lambda request: Unit.objects.visible_to(request.user) if request
        else Unit.objects.none())
    page_type = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Page type"), method="filter_type",
        queryset=lambda request: ContentType.objects.filter(
            pk__in=ReviewRule.objects.visible_to(request.user).values("page_type"))
        if request else ContentType.objects.none())
    include_current = django_filters.BooleanFilter(
        label=gettext_lazy("Also pages still current"), method="keep")

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["page_type"].field.label_from_instance = _type_label

    def keep(self, queryset, name, value):
        return queryset  # applied when the report builds its queryset

    def filter_unit(self, queryset, name, value):
        if not value or not queryset.query.annotations:  # no rules: nothing is listed
            return queryset
        return queryset.filter(review_unit_id=value.pk)

    def filter_type(self, queryset, name, value):
        return queryset.filter(content_type_id=value.pk) if value else queryset


class PeriodicReviewReport(AgencyScopedFiltersMixin, OdsExportMixin, ReportView):
    """R-ED-8: pages of the kinds that must stay current, not updated or confirmed for their
    period, each with its unit (one query whatever the number of pages)."""

    page_title = gettext_lazy("Pages due for periodic review")
    header_icon = "history"
    index_url_name = "editorial_board:reviews"
    index_results_url_name = "editorial_board:reviews_results"
    filterset_class = ReviewFilterSet
    export_filename = "ra-soat-dinh-ky"
    list_export = ["title", "type_label", "review_unit", "checked", "last_reviewer",
                   "review_due_at"]
    export_headings = {
        "title": gettext_lazy("Page"), "type_label": gettext_lazy("Page type"),
        "review_unit": gettext_lazy("Unit"), "checked": gettext_lazy("Last published or reviewed"),
        "last_reviewer": gettext_lazy("Reviewed by"), "review_due_at": gettext_lazy("Review due"),
    }
    columns = [
        TitleColumn("title", label=gettext_lazy("Page"), url_name="wagtailadmin_pages:edit"),
        Column("type_label", label=gettext_lazy("Page type")),
        Column("review_unit", label=gettext_lazy("Unit")),
        DateColumn("checked", label=gettext_lazy("Last published or reviewed")),
        Column("last_reviewer", label=gettext_lazy("Reviewed by")),
        DateColumn("review_due_at", label=gettext_lazy("Review due")),
    ]

    def chosen_agency(self):
        agencies = list(agencies_for(self.request.user))
        if not agencies:
            raise PermissionDenied
        wanted = self.request.GET.get("agency")
        return next((a for a in agencies if str(a.pk) == wanted), agencies[0])

    def get_queryset(self):
        agency = self.chosen_agency()
        if self.request.GET.get("include_current") in ("true", "True", "1", "on"):
            pages = reviews.tracked_pages(agency)
            pages = pages.order_by("checked_at", "pk") if pages.query.annotations else pages
        else:
            pages = reviews.due_pages(agency)
        return reviews.for_user(pages, self.request.user, agency.pk).select_related(
            "content_type")

    def decorate_paginated_queryset(self, object_list):
        return reviews.decorate(object_list)


class ReviewPanel(Component):
    """The dashboard: the pages of the user's units (all units for the board) due for
    review, a few per agency, with the count."""

    name = "editorial_review"
    order = 130
    template_name = "editorial_board/admin/review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        entries = []
        for agency in agencies_for(self.user)[:3]:
            rules = reviews.rules_for(agency)
            if not rules:
                continue
            pages = reviews.for_user(reviews.due_pages(agency, rules=rules), self.user, agency.pk)
            rows = reviews.decorate(pages.select_related("content_type")[:PANEL_ROWS])
            total = len(rows) if len(rows) < PANEL_ROWS else pages.count()
            entries.append({"agency": agency, "pages": rows, "total": total})
        return {"entries": entries, "show_agency": len(entries) > 1}


class ReviewForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Note (optional)"), max_length=255,
                           required=False)


def review_page(request, page_id):
    """Record that the page is reviewed and still correct (who and when)."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reviews.record_review(page, request.user, form.cleaned_data["note"])
        messages.success(request, _("“%(title)s” is recorded as reviewed and still correct.")
                         % {"title": page.get_admin_display_title()})
        return redirect("wagtailadmin_pages:edit", page.pk)
    latest = page.editorial_reviews.select_related("reviewed_by").first()
    return TemplateResponse(request, "editorial_board/admin/review_page.html", {
        "page_title": _("Reviewed, still correct"), "page": page, "form": form,
        "latest": latest, "tracked": reviews.is_tracked(page),
    })
