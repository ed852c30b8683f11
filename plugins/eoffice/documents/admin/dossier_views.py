"""A work dossier's page (its documents, closing it) and the archive's hand-over list
(Decree 30 Arts. 28–31; R-EO-4)."""

import tablib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from plugins.core.models import Unit
from plugins.core.scoping import agency_ids_for_user
from plugins.core.spreadsheets import dataset_response, sheet_title
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import (
    DossierState,
    WorkDossier,
)
from plugins.eoffice.documents.services import dossiers as service
from plugins.eoffice.documents.services.common import TransitionError, today


def _visible_dossiers(user):
    return WorkDossier.objects.visible_to(user).select_related("unit", "unit__agency",
                                                               "keeper")


def dossier_documents(user, dossier):
    """What ``user`` may see of the dossier's documents, and how many they may not."""
    incoming = access.incoming_visible_to(user).filter(dossier=dossier).order_by(
        "issue_date", "pk")
    outgoing = access.outgoing_visible_to(user).filter(dossier=dossier).order_by(
        "issue_date", "pk")
    counted = service.with_contents(WorkDossier.objects.filter(pk=dossier.pk)).values(
        "incoming_count", "outgoing_count").get()
    hidden = (counted["incoming_count"] + counted["outgoing_count"]
              - len(incoming) - len(outgoing))
    return list(incoming), list(outgoing), hidden


@require_POST
def close(request, pk):
    dossier = get_object_or_404(_visible_dossiers(request.user), pk=pk)
    try:
        service.close(request.user, dossier)
    except TransitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The dossier “%(dossier)s” is closed: its documents are "
                                    "read-only.") % {"dossier": dossier.title})
    return redirect("eoffice_dossier:inspect", pk)


def _handover_agencies(user):
    ids = agency_ids_for_user(user)
    units = Unit.objects.select_related("agency").order_by("agency__name", "name")
    if ids is not None:
        units = units.filter(agency_id__in=ids)
    return [unit for unit in units if service.may_hand_over(user, unit.agency_id)
            or access.leads_unit(user, unit.pk)]


def handover(request):
    """The yearly list of a unit's closed dossiers to hand to the archive (mục lục hồ sơ nộp
    lưu), printable and exported; the agency's clerk records the hand-over."""
    units = _handover_agencies(request.user)
    if not units:
        raise PermissionDenied
    unit = next((u for u in units if str(u.pk) == request.GET.get("unit")), units[0])
    try:
        year = int(request.GET.get("year") or today().year - 1)
    except ValueError:
        year = today().year - 1
    rows = list(service.with_contents(
        WorkDossier.objects.filter(unit=unit, year=year,
                                   state__in=[DossierState.CLOSED, DossierState.HANDED_OVER])
    ).select_related("keeper").order_by("code", "title"))
    may_receive = service.may_hand_over(request.user, unit.agency_id)
    if request.method == "POST":
        if not may_receive:
            raise PermissionDenied
        chosen = [row for row in rows if str(row.pk) in request.POST.getlist("dossier")]
        try:
            service.hand_over(request.user, chosen)
        except TransitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, ngettext(
                "%(count)d dossier handed over to the archive.",
                "%(count)d dossiers handed over to the archive.", len(chosen))
                % {"count": len(chosen)})
        return redirect(f"{request.path}?unit={unit.pk}&year={year}")
    fmt = request.GET.get("format")
    if fmt:
        return dataset_response(_handover_dataset(unit, year, rows),
                                f"muc-luc-ho-so-{unit.pk}-{year}", fmt)
    return TemplateResponse(request, "eoffice_documents/admin/dossier_handover.html", {
        "page_title": _("Dossiers to hand over to the archive"), "units": units,
        "unit": unit, "year": year, "rows": rows, "may_receive": may_receive,
        "years": range(today().year, today().year - 10, -1),
    })


def _handover_dataset(unit, year, rows):
    dataset = tablib.Dataset(title=sheet_title(f"{unit.name} {year}"), headers=[
        _("No."), _("Dossier code"), _("Dossier title"), _("From"), _("To"),
        _("Retention period"), _("Number of documents"), _("State")])
    for number, row in enumerate(rows, 1):
        dataset.append([
            number, row.code, row.title,
            row.first_date.strftime("%d/%m/%Y") if row.first_date else "",
            row.last_date.strftime("%d/%m/%Y") if row.last_date else "",
            str(row.get_retention_display()), row.incoming_count + row.outgoing_count,
            str(row.get_state_display())])
    return dataset


__all__ = ["close", "dossier_documents", "handover"]
