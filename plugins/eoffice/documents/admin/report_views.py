"""The registers' reports and the statistics in the admin (R-EO-9).

- ``reports``: the registers the user may print, the day's register as PDF, a date range
  as XLSX or ODS;
- ``register_pdf`` / ``register_export``: one register (404 when it is not one of the
  user's: another agency's, or a secret register for an IT administrator);
- ``statistics``: figures and charts for one agency and year, optionally one unit; a
  unit's leader sees only the units they lead.

Anyone else is refused (403). Who may see what is decided in :mod:`..reports.permissions`.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core.models import Agency, Unit
from plugins.eoffice.documents.reports import charts, exports, statistics
from plugins.eoffice.documents.reports import permissions as report_permissions
from plugins.eoffice.documents.reports import register_pdf as pdf
from plugins.eoffice.documents.reports.register_rows import register_table
from plugins.eoffice.documents.services.common import today

MAX_EXPORT_DAYS = 366


class _RegisterForm(forms.Form):
    register = forms.ModelChoiceField(label=gettext_lazy("Register"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["register"].queryset = report_permissions.registers_for(
            user).select_related("agency")


class DayForm(_RegisterForm):
    day = forms.DateField(label=gettext_lazy("Day"),
                          widget=forms.DateInput(attrs={"type": "date"}))


class RangeForm(_RegisterForm):
    start = forms.DateField(label=gettext_lazy("From"),
                            widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"),
                          widget=forms.DateInput(attrs={"type": "date"}))
    format = forms.ChoiceField(label=gettext_lazy("Format"),
                               choices=[("xlsx", "XLSX (Excel)"),
                                        ("ods", "ODS (LibreOffice)")])

    def clean(self):
        data = super().clean()
        problem = _range_error(data.get("start"), data.get("end"))
        if problem:
            self.add_error("end", problem)
        return data


class _Span(forms.Form):
    day = forms.DateField(required=False)
    start = forms.DateField(required=False)
    end = forms.DateField(required=False)


def _range_error(start, end):
    if start and end:
        if end < start:
            return _("The end comes before the start.")
        if (end - start).days >= MAX_EXPORT_DAYS:
            return _("Export at most a year at a time.")
    return None


def _require_registers(user):
    if not report_permissions.may_see_registers(user):
        raise PermissionDenied


def _register_or_404(user, pk):
    _require_registers(user)
    return get_object_or_404(report_permissions.registers_for(user).select_related("agency"),
                             pk=pk)


def reports(request):
    """The registers' reports page: GET forms that lead to the PDF and the exports."""
    user = request.user
    may_registers = report_permissions.may_see_registers(user)
    if not may_registers and not report_permissions.may_see_statistics(user):
        raise PermissionDenied
    this_day = today()
    first_of_month = this_day.replace(day=1)
    registers = list(report_permissions.registers_for(user).select_related("agency")
                     .filter(is_active=True)) if may_registers else []
    action = request.GET.get("action")
    day_form = DayForm(request.GET if action == "pdf" else None, user=user,
                       initial={"day": this_day})
    range_form = RangeForm(request.GET if action == "export" else None, user=user,
                           initial={"start": first_of_month, "end": this_day,
                                    "format": "xlsx"})
    if action == "pdf" and day_form.is_valid():
        data = day_form.cleaned_data
        return redirect(_pdf_url(data["register"], data["day"]))
    if action == "export" and range_form.is_valid():
        data = range_form.cleaned_data
        return redirect(_export_url(data["register"], data["format"], data["start"],
                                    data["end"]))
    links = [{
        "register": register,
        "today_pdf": _pdf_url(register, this_day),
        "month_xlsx": _export_url(register, "xlsx", first_of_month, this_day),
        "month_ods": _export_url(register, "ods", first_of_month, this_day),
    } for register in registers]
    return TemplateResponse(request, "eoffice_documents/reports/index.html", {
        "page_title": _("Registers and reports"), "links": links,
        "day_form": day_form if may_registers else None,
        "range_form": range_form if may_registers else None,
        "statistics_url": reverse("eoffice:statistics")
        if report_permissions.may_see_statistics(user) else None,
    })


def _pdf_url(register, day):
    return (reverse("eoffice:register_pdf", args=[register.pk])
            + "?" + urlencode({"day": day.isoformat()}))


def _export_url(register, fmt, start, end):
    return (reverse("eoffice:register_export", args=[register.pk, fmt])
            + "?" + urlencode({"start": start.isoformat(), "end": end.isoformat()}))


def _span(request):
    form = _Span(request.GET)
    if not form.is_valid():
        return None
    return form.cleaned_data


def register_pdf(request, pk):
    """The register's day (``?day=YYYY-MM-DD``, today by default) as a PDF to sign."""
    register = _register_or_404(request.user, pk)
    span = _span(request)
    if span is None:
        return HttpResponse(_("Give the day as YYYY-MM-DD."), status=400)
    day = span["day"] or today()
    table = register_table(register, day)
    response = HttpResponse(pdf.render(table, printed_by=request.user),
                            content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{pdf.filename(register, day)}"')
    response["Cache-Control"] = "private, no-store"
    return response


def register_export(request, pk, fmt):
    """The register from ``?start=`` to ``?end=`` (this month by default) as XLSX or ODS."""
    register = _register_or_404(request.user, pk)
    if fmt not in exports.FORMATS:
        raise Http404
    span = _span(request)
    if span is None:
        return HttpResponse(_("Give the dates as YYYY-MM-DD."), status=400)
    end = span["end"] or today()
    start = span["start"] or end.replace(day=1)
    problem = _range_error(start, end)
    if problem:
        return HttpResponse(problem, status=400)
    response = exports.response(register_table(register, start, end), fmt)
    response["Cache-Control"] = "private, no-store"
    return response


# --- Statistics -----------------------------------------------------------------------


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def statistics_view(request):
    user = request.user
    scope = report_permissions.statistics_scope(user)
    if scope is not None and not scope:
        raise PermissionDenied
    agencies = list(Agency.objects.all() if scope is None
                    else Agency.objects.filter(pk__in=scope))
    if not agencies:
        raise PermissionDenied
    wanted = _int(request.GET.get("agency"))
    if request.GET.get("agency") and wanted not in {a.pk for a in agencies}:
        raise Http404
    agency = next((a for a in agencies if a.pk == wanted), agencies[0])
    allowed = None if scope is None else scope[agency.pk]  # None: every unit
    units = Unit.objects.filter(agency=agency)
    if allowed is not None:
        units = units.filter(pk__in=allowed)
    units = list(units)
    this_day = today()
    years = statistics.available_years(agency, this_day)
    year = _int(request.GET.get("year"))
    if year not in years:
        year = years[0]
    unit = None
    if request.GET.get("unit"):
        unit = next((u for u in units if u.pk == _int(request.GET.get("unit"))), None)
        if unit is None:
            raise Http404
    unit_ids = {unit.pk} if unit else allowed
    figures = statistics.compute(agency, year, unit_ids, today=this_day)
    return TemplateResponse(request, "eoffice_documents/reports/statistics.html", {
        "page_title": _("Statistics of documents"),
        "agencies": agencies, "agency": agency, "years": years, "year": year,
        "units": units, "unit": unit, "figures": figures,
        "month_chart": _month_chart(figures),
        "timeliness_chart": _timeliness_chart(figures),
        "whole_agency": unit_ids is None,
    })


def _month_chart(figures):
    groups = [(f"{month:02d}", [received, issued]) for month, received, issued
              in figures.months]
    return charts.grouped_columns(groups, [(_("Documents received"), charts.BLUE),
                                           (_("Documents issued"), charts.ORANGE)])


def _timeliness_chart(figures):
    rows = [(item.unit.name if item.unit else _("Not yet assigned"),
             [item.on_time, item.late, item.overdue, item.in_progress])
            for item in figures.units]
    return charts.stacked_rows(rows, [(_("On time"), charts.GREEN),
                                      (_("Late"), charts.ORANGE),
                                      (_("Overdue"), charts.VERMILION),
                                      (_("In progress, not yet due"), charts.GREY)])


__all__ = ["reports", "register_pdf", "register_export", "statistics_view"]
