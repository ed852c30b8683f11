"""Core's email fields mirror the directory (R-ORG-2, R-EM-5).

The directory, kept by the IT unit, is where official addresses are decided. Core keeps an
email on the agency, each unit and each staff position, shown by other pages (the contact
page, the organisation chart). Whenever a mailbox is saved, the matching core field gets
its address, so every page shows the same official address; a closed mailbox clears the
field if it still holds that address.
"""

from plugins.core.models import Agency, Position, Unit
from plugins.email_directory.models import MailboxKind


def _target(mailbox):
    """``(queryset, current value)`` of the core field that mirrors ``mailbox``."""
    if mailbox.kind == MailboxKind.AGENCY:
        return Agency.objects.filter(pk=mailbox.agency_id)
    if mailbox.kind == MailboxKind.UNIT and mailbox.unit_id:
        return Unit.objects.filter(pk=mailbox.unit_id)
    if mailbox.kind == MailboxKind.PERSONAL and mailbox.person_id:
        position_id = mailbox.person.position_id
        if position_id:
            return Position.objects.filter(pk=position_id)
    return None


def mirror(mailbox):
    """Copy ``mailbox``'s address to its core field (or clear it when closed)."""
    target = _target(mailbox)
    if target is None:
        return 0
    if mailbox.is_active:
        return target.exclude(email=mailbox.address).update(email=mailbox.address)
    return target.filter(email=mailbox.address).update(email="")


def forget(mailbox):
    """A deleted mailbox: clear the core field that still holds its address."""
    target = _target(mailbox)
    return target.filter(email=mailbox.address).update(email="") if target is not None else 0
