"""What the core search index holds for the directory (R-EM-1): people and shared mailboxes.

Only what the public directory shows is indexed (published people, active published
agency and unit mailboxes), so a citizen's search never reveals a hidden entry. The
``unit`` facet lists the unit and all its ancestors, so filtering by a unit also finds
the people of the units under it.
"""

from plugins.core.models import Unit
from plugins.core.search.documents import SearchDocument
from plugins.email_directory.models import DirectoryEntry, Mailbox, MailboxKind


def unit_chain(unit):
    """``unit``'s id and its ancestors' ids (walks up the tree)."""
    chain = []
    while unit is not None and unit.pk not in chain:
        chain.append(unit.pk)
        unit = unit.parent
    return chain


def build_entry(entry):
    if not entry.is_published:
        return None
    unit = entry.resolved_unit
    mailbox = getattr(entry, "mailbox", None)
    local_part = mailbox.local_part if mailbox is not None and mailbox.is_active else ""
    return SearchDocument(
        title=entry.name,
        summary=" ".join([entry.job_title, unit.name if unit else ""]),
        body=" ".join([local_part, entry.office_phone, entry.mobile, entry.resolved_duties]),
        agency_id=entry.agency_id,
        facets={"unit": unit_chain(unit), "kind": "person"},
    )


def build_mailbox(mailbox):
    if mailbox.kind == MailboxKind.PERSONAL or not mailbox.shown_publicly:
        return None
    unit = mailbox.unit if mailbox.unit_id else None
    return SearchDocument(
        title=mailbox.label,
        summary=unit.name if unit else mailbox.agency.name,
        body=" ".join([mailbox.local_part, *[a.split("@")[0] for a in mailbox.alias_list]]),
        agency_id=mailbox.agency_id,
        facets={"unit": unit_chain(unit), "kind": mailbox.kind},
    )


def subtree_ids(unit):
    """The ids of ``unit`` and every unit below it (one query)."""
    children = {}
    for pk, parent_id in Unit.objects.filter(agency_id=unit.agency_id).values_list(
        "pk", "parent_id"
    ):
        children.setdefault(parent_id, []).append(pk)
    found, stack = [], [unit.pk]
    while stack:
        pk = stack.pop()
        if pk in found:
            continue
        found.append(pk)
        stack.extend(children.get(pk, []))
    return found


def reindex_units(unit):
    """Refresh the entries and mailboxes of ``unit`` and the units below it."""
    from plugins.core.search import documents

    ids = subtree_ids(unit)
    for entry in DirectoryEntry.objects.in_units(ids).with_related():
        documents.index(entry)
    for mailbox in Mailbox.objects.filter(unit_id__in=ids).select_related("unit", "agency"):
        documents.index(mailbox)
