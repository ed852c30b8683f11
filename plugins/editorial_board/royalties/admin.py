"""Admin screens of the royalties (R-ED-11): rates, lines and the monthly ledger.

- *Ban biên tập → Mức nhuận bút*: each agency's rate table (history kept);
- *Ban biên tập → Nhuận bút*: the lines of the ledger; the board changes who is paid and
  their parts until the month is closed;
- *Báo cáo → Sổ nhuận bút*: the month's ledger with totals per person and per unit,
  filters, XLSX/ODS export, and the button that closes the month.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.base import ModelPermissionPolicy

from plugins.core.admin.exports import OdsExportMixin
from plugins.core.admin.scoping import (
    AgencyScopedFiltersMixin,
    AgencyScopedModelViewSet,
    AgencyScopedViewMixin,
)
from plugins.core.models import Agency, Unit
from plugins.editorial_board.models import (
    RoyaltyMonth,
    RoyaltyRate,
    RoyaltyRole,
    RoyaltyShare,
)
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.money import format_vnd
from plugins.editorial_board.royalties import services as royalties


def person_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class RoyaltyRateViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_royalty_rate"
    url_prefix = "ban-bien-tap/muc-nhuan-but"
    model = RoyaltyRate
    icon = "tag"
    menu_label = gettext_lazy("Royalty rates")
    list_display = ["kind", "min_words", "max_words",
                    Column("amount_vnd", label=gettext_lazy("Amount"),
                           accessor="amount_vnd"), "valid_from", "agency"]
    list_filter = ["kind", "valid_from"]
    list_select_related = ("agency",)


class RoyaltyLinePermissionPolicy(ModelPermissionPolicy):
    """The board and the agency's leaders see the lines; board members change them."""

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        if action == "view":
            return bool(royalties.ledger_agency_ids(user))
        if action in ("add", "change", "delete"):
            return bool(who.member_agency_ids(user))
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view":
            ids = royalties.ledger_agency_ids(user)
            return ids is None or instance.item.agency_id in ids
        return royalties.may_edit_shares(user, instance.item)


class RoyaltyLineDeleteView(AgencyScopedViewMixin, DeleteView):
    """Removing a line shares its amount among the others of its role."""

    def delete_action(self):
        line = self.object
        try:
            royalties.check_editable(line.item)
        except ValidationError as error:
            raise PermissionDenied(" ".join(error.messages)) from error
        if not royalties.may_edit_shares(self.request.user, line.item):
            raise PermissionDenied
        item = line.item
        super().delete_action()
        royalties.allocate(item)


class RoyaltyLineViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_royalty_line"
    url_prefix = "ban-bien-tap/nhuan-but"
    model = RoyaltyShare
    icon = "pick"
    menu_label = gettext_lazy("Royalties")
    delete_view_class = RoyaltyLineDeleteView
    list_display = [
        Column("title", label=gettext_lazy("Item"), accessor="item.title"),
        Column("person_name", label=gettext_lazy("Person"), accessor="person_name"),
        "role", "parts",
        Column("amount_vnd", label=gettext_lazy("Amount"), accessor="amount_vnd"),
        Column("month", label=gettext_lazy("Month"), accessor="month_label"),
    ]
    list_filter = ["role"]
    list_select_related = ("item", "person")
    search_fields = ["item__title", "person__first_name", "person__last_name"]
    ordering = ["-item__published_at", "pk"]


# --- the monthly ledger -----------------------------------------------------------------

class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        month = royalties.parse_month(value)
        if month is None:
            raise ValidationError(_("Give the month as year-month, for example 2026-03."))
        return month


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, qs, value):
        return qs.filter(item__month=value) if value else qs


def _units(request):
    ids = royalties.ledger_agency_ids(request.user)
    units = Unit.objects.all() if ids is None else Unit.objects.filter(agency_id__in=ids)
    return units.select_related("agency")


def _agencies(request):
    ids = royalties.ledger_agency_ids(request.user)
    return Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)


class LedgerFilterSet(WagtailFilterSet):
    month = MonthFilter(label=gettext_lazy("Month"))
    agency = django_filters.ModelChoiceFilter(field_name="item__agency", queryset=_agencies,
                                              label=gettext_lazy("Agency"))
    unit = django_filters.ModelChoiceFilter(field_name="item__unit", queryset=_units,
                                            label=gettext_lazy("Unit"))
    role = django_filters.ChoiceFilter(choices=RoyaltyRole.choices,
                                       label=gettext_lazy("Role"))

    class Meta:
        model = RoyaltyShare
        fields = []


class RoyaltyLedgerReport(AgencyScopedFiltersMixin, OdsExportMixin, ReportView):
    """R-ED-11: the month's royalties and fees, per person and per unit."""

    page_title = gettext_lazy("Royalty ledger")
    header_icon = "pick"
    index_url_name = "editorial_board:royalty_ledger"
    index_results_url_name = "editorial_board:royalty_ledger_results"
    results_template_name = "editorial_board/admin/royalty_ledger_results.html"
    filterset_class = LedgerFilterSet
    export_filename = "so-nhuan-but"
    paginate_by = 100
    list_export = ["month_label", "person_label", "unit_label", "item.title", "role_label",
                   "kind_label", "item.words", "item.photos", "parts", "amount"]
    export_headings = {
        "month_label": gettext_lazy("Month"), "person_label": gettext_lazy("Person"),
        "unit_label": gettext_lazy("Unit"), "item.title": gettext_lazy("Item"),
        "role_label": gettext_lazy("Role"), "kind_label": gettext_lazy("Kind"),
        "item.words": gettext_lazy("Words"), "item.photos": gettext_lazy("Photos"),
        "parts": gettext_lazy("Parts"), "amount": gettext_lazy("Amount (VND)"),
    }
    columns = [
        Column("person_label", label=gettext_lazy("Person")),
        TitleColumn("title", label=gettext_lazy("Item"), accessor="item.title",
                    url_name="editorial_board_royalty_line:edit"),
        Column("unit_label", label=gettext_lazy("Unit")),
        Column("role_label", label=gettext_lazy("Role")),
        Column("kind_label", label=gettext_lazy("Kind")),
        Column("item.words", label=gettext_lazy("Words")),
        Column("parts", label=gettext_lazy("Parts")),
        Column("amount_vnd", label=gettext_lazy("Amount")),
    ]

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "month" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["month"] = f"{timezone.localdate():%Y-%m}"
            kwargs["data"] = data
        return kwargs

    def get_queryset(self):
        return (RoyaltyShare.objects.in_ledger_of(self.request.user).in_force()
                .select_related("person", "item", "item__unit")
                .order_by("person__last_name", "person__first_name", "person_id",
                          "item__published_at", "pk"))

    def decorate_paginated_queryset(self, object_list):
        for line in object_list:
            line.person_label = person_name(line.person)
            line.unit_label = line.item.unit.name if line.item.unit else ""
            line.role_label = line.get_role_display()
            line.kind_label = line.item.get_kind_display()
        return object_list

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        lines = self.object_list
        by_person = list(lines.values("person_id", "person__first_name", "person__last_name",
                                      "person__username")
                         .annotate(total=Sum("amount"), items=Count("item", distinct=True))
                         .order_by("person__last_name", "person__first_name", "person_id"))
        for row in by_person:
            full = f"{row['person__first_name']} {row['person__last_name']}".strip()
            row["name"] = full or row["person__username"]
            row["total_vnd"] = format_vnd(row["total"])
        by_unit = list(lines.values("item__unit__name").annotate(
            total=Sum("amount"), items=Count("item", distinct=True)).order_by("item__unit__name"))
        for row in by_unit:
            row["name"] = row["item__unit__name"] or _("No unit")
            row["total_vnd"] = format_vnd(row["total"])
        total = lines.aggregate(total=Sum("amount"))["total"] or 0
        context.update(by_person=by_person, by_unit=by_unit,
                       grand_total=format_vnd(total),
                       month_state=self._month_state())
        return context

    def _month_state(self):
        """The chosen month of the chosen (or only) agency: closed, or closable by the user."""
        filters = self.filters
        month = filters.form.cleaned_data.get("month") if filters and filters.is_valid() else None
        if month is None:
            return None
        agency = filters.form.cleaned_data.get("agency")
        if agency is None:
            agencies = list(_agencies(self.request)[:2])
            if len(agencies) != 1:
                return None
            agency = agencies[0]
        row = RoyaltyMonth.objects.filter(agency=agency, month=month).select_related(
            "closed_by").first()
        ended = month < timezone.localdate().replace(day=1)
        return {
            "agency": agency, "month": month, "label": f"{month:%m/%Y}",
            "closed": row is not None and row.is_closed,
            "closed_at": row.closed_at if row else None,
            "closed_by": person_name(row.closed_by) if row else "",
            "can_close": ended and not (row and row.is_closed)
            and royalties.may_close(self.request.user, agency.pk),
            "value": f"{month:%Y-%m}",
        }


@require_POST
def close_royalty_month(request):
    """Close a month of an agency's ledger (explicit transition, kept in the history)."""
    ids = royalties.ledger_agency_ids(request.user)
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    agency = get_object_or_404(agencies, pk=request.POST.get("agency") or 0)
    month = royalties.parse_month(request.POST.get("month"))
    back = reverse("editorial_board:royalty_ledger") + "?" + urlencode(
        {"month": request.POST.get("month", ""), "agency": agency.pk})
    if month is None:
        messages.error(request, _("Give the month as year-month, for example 2026-03."))
        return redirect(back)
    try:
        royalties.close_month(agency, month, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The ledger of %(month)s is closed: its entries are "
                                    "locked.") % {"month": f"{month:%m/%Y}"})
    return redirect(back)
