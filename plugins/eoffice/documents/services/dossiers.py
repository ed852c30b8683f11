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
