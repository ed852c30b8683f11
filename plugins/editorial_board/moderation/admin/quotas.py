"""The quota panel on the dashboard and the units × months report (R-ED-7, R-ED-9)."""

import datetime

import tablib
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component

from plugins.core.models import Agency
from plugins.core.params import as_int
from plugins.core.spreadsheets import FORMATS, dataset_response, sheet_title
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.moderation import quotas

PERIODS = {
    "6": gettext_lazy("Last 6 months"),
    "h1": gettext_lazy("First half of the year"),
    "h2": gettext_lazy("Second half of the year"),
    "year": gettext_lazy("Whole year"),
}


def agencies_for(user):
    """Agencies whose figures ``user`` may see: board members, leaders, IT administrators."""
    return Agency.objects.visible_to(user)


class QuotaPanel(Component):
    name = "editorial_quota"
    order = 120
    template_name = "editorial_board/admin/quota_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        month = quotas.month_start(today)
        agencies = []
        for agency in agencies_for(self.user)[:3]:
            _months, rows = quotas.unit_matrix(agency, month, month)
            for row in rows:
                row.count = row.counts[0]
                row.percent = min(100, int(100 * row.count / row.minimum)) if row.minimum else 100
            agencies.append({"agency": agency, "rows": rows,
                             "site": quotas.site_month(agency, month, today)})
        return {"agencies": agencies, "month": month,
                "delegations": _delegations(self.user)}


def _delegations(user):
    from plugins.editorial_board.moderation.admin.viewsets import active_delegations

    return active_delegations(user)


def _period(request, today):
    period = request.GET.get("period", "6")
    year = as_int(request.GET.get("year"), today.year, low=2000, high=today.year + 1)
    if period == "h1":
        return period, year, datetime.date(year, 1, 1), datetime.date(year, 6, 1)
    if period == "h2":
        return period, year, datetime.date(year, 7, 1), datetime.date(year, 12, 1)
    if period == "year":
        return period, year, datetime.date(year, 1, 1), datetime.date(year, 12, 1)
    last = quotas.month_start(today)
    return "6", year, quotas.add_months(last, -5), last


def quota_report(request):
    """Units × months of published items, with bars; the evaluation over the period."""
    agencies = list(agencies_for(request.user))
    if not agencies:
        raise PermissionDenied
    chosen = next((a for a in agencies if str(a.pk) == request.GET.get("agency")), agencies[0])
    today = timezone.localdate()
    period, year, first, last = _period(request, today)
    months, rows = quotas.unit_matrix(chosen, first, last)
    if request.GET.get("export") in FORMATS:
        return _export(chosen, months, rows, request.GET["export"])
    peak = max([count for row in rows for count in row.counts] + [rows[0].minimum if rows else 1])
    for row in rows:
        row.cells = [{"count": count, "width": int(100 * count / peak) if peak else 0,
                      "met": count >= row.minimum} for count in row.counts]
    return TemplateResponse(request, "editorial_board/admin/quota_report.html", {
        "page_title": _("Quotas of the units"), "agencies": agencies, "agency": chosen,
        "months": months, "rows": rows, "period": period, "year": year, "periods": PERIODS,
        "minimum": rows[0].minimum if rows else 2, "is_member": who.is_member(
            request.user, chosen.pk),
        "site": quotas.site_month(chosen, quotas.month_start(today), today),
    })


def _export(agency, months, rows, fmt):
    headers = [_("Unit"), *[f"{month:%m/%Y}" for month in months], _("Total"),
               _("Months meeting the quota")]
    dataset = tablib.Dataset(headers=headers, title=sheet_title(_("Quotas")))
    for row in rows:
        dataset.append([row.unit.name, *row.counts, row.total,
                        f"{row.months_met}/{len(row.counts)}"])
    return dataset_response(dataset, f"dinh-muc-{agency.symbol.lower()}", fmt)
