"""Work dossiers: opened by a unit, filled with finished documents, closed (R-EO-4)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.models import Position
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import DossierState, WorkDossier
from plugins.eoffice.documents.services.common import refuse, save


def works_in(user, unit_id):
    return user.is_superuser or Position.objects.filter(user=user, unit_id=unit_id).exists()


def check_may_file(user, dossier, agency_id):
    if dossier.unit.agency_id != agency_id:
        refuse(_("The dossier belongs to another agency."))
    if dossier.is_closed:
        refuse(_("The dossier “%(dossier)s” is closed."), dossier=dossier.title)
    if not works_in(user, dossier.unit_id):
        refuse(_("File it into a dossier of your own unit."))


def may_manage(user, dossier):
    return (user.is_superuser or dossier.keeper_id == user.pk
            or access.leads_unit(user, dossier.unit_id))


@transaction.atomic
def open_dossier(user, unit, title, *, year, code="", keeper=None):
    if not works_in(user, unit.pk):
        refuse(_("Open dossiers for your own unit."))
    dossier = WorkDossier(unit=unit, title=title, year=year, code=code, keeper=keeper or user)
    save(dossier, user)
    return dossier


@transaction.atomic
def close(user, dossier):
    """Close the dossier: its documents are read-only from now on."""
    dossier = WorkDossier.objects.select_for_update().get(pk=dossier.pk)
    if not may_manage(user, dossier):
        refuse(_("Only the dossier's keeper or the unit's leader closes it."))
    if dossier.is_closed:
        refuse(_("The dossier is already closed."))
    dossier.state = DossierState.CLOSED
    dossier.closed_at = timezone.now()
    save(dossier, user)
    return dossier


def may_hand_over(user, agency_id):
    """The agency's clerk keeps its archive (lưu trữ cơ quan) and receives the dossiers."""
    return access.is_clerk(user, agency_id)


@transaction.atomic
def hand_over(user, dossiers):
    """The archive receives closed dossiers (Decree 30 Art. 31: within a year of the work's
    end); they stay read-only. All or none: one dossier that cannot go refuses the lot."""
    dossiers = list(WorkDossier.objects.select_for_update().select_related("unit")
                    .filter(pk__in=[d.pk for d in dossiers]).order_by("pk"))
    if not dossiers:
        refuse(_("Choose the dossiers to hand over."))
    moment = timezone.now()
    for dossier in dossiers:
        if not may_hand_over(user, dossier.unit.agency_id):
            refuse(_("Only a clerk of the agency receives dossiers into its archive."))
        if dossier.state != DossierState.CLOSED:
            refuse(_("“%(dossier)s” is not closed: close it before handing it over."),
                   dossier=dossier.title)
    for dossier in dossiers:
        dossier.state = DossierState.HANDED_OVER
        dossier.handed_over_at = moment
        save(dossier, user)
    return dossiers


def with_contents(dossiers):
    """``dossiers`` annotated with how many documents each holds and the dates of the first
    and the last (the hand-over list's columns), in one query."""
    from django.db.models import Count, IntegerField, Max, Min, OuterRef, Subquery
    from django.db.models.functions import Coalesce, Greatest, Least

    from plugins.eoffice.documents.models import IncomingDocument, OutgoingDocument

    def aggregate(model, function, field):
        rows = (model.objects.filter(dossier=OuterRef("pk")).order_by()
                .values("dossier").annotate(value=function(field)).values("value"))
        return Subquery(rows, output_field=IntegerField() if function is Count else None)

    incoming_first = aggregate(IncomingDocument, Min, "issue_date")
    incoming_last = aggregate(IncomingDocument, Max, "issue_date")
    outgoing_first = aggregate(OutgoingDocument, Min, "issue_date")
    outgoing_last = aggregate(OutgoingDocument, Max, "issue_date")
    return dossiers.annotate(
        incoming_count=Coalesce(aggregate(IncomingDocument, Count, "pk"), 0),
        outgoing_count=Coalesce(aggregate(OutgoingDocument, Count, "pk"), 0),
        first_date=Least(Coalesce(incoming_first, outgoing_first),
                         Coalesce(outgoing_first, incoming_first)),
        last_date=Greatest(Coalesce(incoming_last, outgoing_last),
                           Coalesce(outgoing_last, incoming_last)),
    )
