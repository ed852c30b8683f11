"""vCards (3.0, the version every address book reads) made with vobject (R-EM-1)."""

import uuid

import vobject
from django.http import HttpResponse

from plugins.core.text import slugify
from plugins.email_directory.models import MailboxKind
from plugins.email_directory.names import split_name

CONTENT_TYPE = "text/vcard; charset=utf-8"
_UID_NAMESPACE = uuid.UUID("5b0a8e0e-4c1d-4b8e-9a55-6d1f0c1e7a11")


def _uid(kind, pk):
    return f"urn:uuid:{uuid.uuid5(_UID_NAMESPACE, f'{kind}:{pk}')}"


def _add(card, name, value, types=()):
    if not value:
        return
    line = card.add(name)
    line.value = value
    if types:
        line.type_param = list(types)


def person_card(entry, agency):
    card = vobject.vCard()
    family, middle, given = split_name(entry.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given, additional=middle)
    card.add("fn").value = entry.name
    unit = entry.resolved_unit
    card.add("org").value = [agency.name, *([unit.name] if unit else [])]
    _add(card, "title", entry.job_title)
    _add(card, "email", entry.email, ("INTERNET", "WORK"))
    _add(card, "tel", entry.office_phone, ("WORK", "VOICE"))
    _add(card, "tel", entry.mobile, ("CELL", "VOICE"))
    _add(card, "note", entry.resolved_duties)
    card.add("uid").value = _uid("person", entry.pk)
    return card


def mailbox_card(mailbox, agency):
    """An agency or unit mailbox, as an organisation's card."""
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=mailbox.label)
    card.add("fn").value = mailbox.label
    unit = mailbox.unit if mailbox.kind == MailboxKind.UNIT else None
    card.add("org").value = [agency.name, *([unit.name] if unit else [])]
    _add(card, "email", mailbox.address, ("INTERNET", "WORK", "PREF"))
    phone = unit.phone if unit else agency.phone
    _add(card, "tel", phone, ("WORK", "VOICE"))
    if mailbox.kind == MailboxKind.AGENCY:
        _add(card, "tel", agency.fax, ("WORK", "FAX"))
    card.add("x-abshowas").value = "COMPANY"
    card.add("uid").value = _uid("mailbox", mailbox.pk)
    return card


def serialize(cards):
    return "".join(card.serialize() for card in cards)


def response(cards, basename):
    reply = HttpResponse(serialize(cards), content_type=CONTENT_TYPE)
    filename = slugify(basename, max_length=80) or "danh-ba"
    reply["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    reply["X-Robots-Tag"] = "noindex, nofollow"
    return reply
