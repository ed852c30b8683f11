"""Bringing the organisation's staff into the directory (R-EM-1, R-ORG-2).

Each person who holds a position in the agency (core) and is not yet in the directory gets
an entry tied to their main position (a leader's position first, then the first by display
order), and a personal mailbox with the address the agency's scheme suggests.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from plugins.core.models import Position
from plugins.email_directory.addresses import assign_personal_mailbox
from plugins.email_directory.models import DirectoryEntry
from plugins.email_directory.naming import NamingError


@dataclass
class Outcome:
    created: list = field(default_factory=list)  # (entry, mailbox or None)
    problems: list = field(default_factory=list)  # messages for the clerk


@transaction.atomic
def add_staff_positions(agency):
    """Create entries (and mailboxes) for the agency's staff not yet in the directory."""
    outcome = Outcome()
    listed = set(
        DirectoryEntry.objects.filter(position__isnull=False)
        .values_list("position__user_id", flat=True)
    )
    positions = (
        Position.objects.for_agency(agency).select_related("user", "unit")
        .order_by("user_id", "-is_leader", "sort_order", "pk")
    )
    for position in positions:
        if position.user_id in listed:
            continue
        listed.add(position.user_id)
        entry = DirectoryEntry.objects.create(agency=agency, position=position,
                                              sort_order=position.sort_order)
        mailbox = None
        try:
            mailbox, _suggestion = assign_personal_mailbox(entry)
        except NamingError as error:
            outcome.problems.append(_("%(name)s: %(reason)s") % {"name": entry.name,
                                                                  "reason": error})
        outcome.created.append((entry, mailbox))
    return outcome
