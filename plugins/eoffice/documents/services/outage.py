"""Outage entry (nhập sau sự cố, R-EO-17; seed 003 Đ11.2).

    (clerk) open an entry: the outage window and its reason
        → register the paper documents with their real arrival times (inside the window)
        → (director) enter the paper assignment, (handler) the result, at their real times

Normal registration refuses an arrival time before the previous working day; only here,
with an entry, may it be earlier. The documents still take the register's next arrival
numbers, in the order they are entered — gap-free, but not in the order of their arrival
times; each such document and step points to the entry and is shown "entered after
outage". The entry and every change to it are kept (django-simple-history).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.models import Role
from plugins.core.text import nfc
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import OutageEntry
from plugins.eoffice.documents.services import incoming
from plugins.eoffice.documents.services.common import refuse, require_reason

__all__ = ["open_entry", "register", "assign", "record_result", "may_enter", "visible_to"]

MAX_LENGTH = datetime.timedelta(days=31)


def may_enter(user, agency_id):
    """The agency's clerks (and the system's superusers) open outage entries."""
    return access.is_clerk(user, agency_id)


def visible_to(user):
    return OutageEntry.objects.visible_to(user).select_related("agency", "entered_by")


def agencies_for(user):
    from plugins.core.models import Agency

    if user.is_superuser:
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=access.held_role_agency_ids(user, Role.CLERK))


@transaction.atomic
def open_entry(user, agency, *, starts_at, ends_at, reason):
    """Open the outage entry mode for ``agency``: the outage is over, its window and its
    reason are given."""
    if not may_enter(user, agency.pk):
        refuse(_("Only a clerk of %(agency)s enters documents after an outage."),
               agency=agency.name)
    reason = require_reason(reason)
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        refuse(_("The outage must end after it starts."))
    if ends_at > timezone.now():
        refuse(_("Documents are entered after the outage: its end cannot be in the future."))
    if ends_at - starts_at > MAX_LENGTH:
        refuse(_("An outage entry covers at most 31 days; open one per outage."))
    entry = OutageEntry(agency=agency, starts_at=starts_at, ends_at=ends_at,
                        reason=nfc(reason), entered_by=user)
    entry._history_user = user
    entry.save()
    return entry


def register(user, entry, register, **fields):
    """Register a document handled on paper during the outage, with its real arrival
    time (inside the window); it takes the register's next arrival number."""
    if register.agency_id != entry.agency_id:
        refuse(_("This outage entry belongs to another agency."))
    return incoming.register(user, register, outage=entry, **fields)


def _check_moment(entry, document, at):
    if document.agency_id != entry.agency_id:
        refuse(_("This outage entry belongs to another agency."))
    if at is None or not entry.covers(at):
        refuse(_("The time given is outside the outage (%(outage)s)."), outage=str(entry))
    last = document.steps.order_by("-at").values_list("at", flat=True).first()
    if last is not None and at < last:
        refuse(_("The time given is before the document's last step (%(time)s)."),
               time=timezone.localtime(last).strftime("%H:%M %d/%m/%Y"))


def assign(user, entry, document, *, at, **fields):
    """The director enters the assignment they made on paper during the outage."""
    _check_moment(entry, document, at)
    return incoming.assign(user, document, at=at, outage=entry, **fields)


def record_result(user, entry, document, result, *, at):
    """The main handler enters the result reached on paper during the outage."""
    _check_moment(entry, document, at)
    return incoming.record_result(user, document, result, at=at, outage=entry)
