"""Receiving packages: documents, recalls, updates, replacements and status messages.

:func:`receive` takes the bytes whatever the transport. Whatever they are, an envelope
keeps them (an invalid package too, with the reason, for the clerk to see) and nothing is
registered half-way: a valid document waits for the clerk, who accepts it into a register
(:func:`accept`: the arrival number from the register, source "exchange", its files) or
refuses it with a reason (:func:`refuse`); either answer goes back to the sender as a status
message. The same package received twice is one envelope (idempotent by DocumentId)."""

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.calendar import OFFICE_TZ
from plugins.core.models import Agency
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import OutgoingDocument, Source
from plugins.eoffice.documents.services import incoming
from plugins.eoffice.documents.services.common import (
    clerks,
    notify,
    refuse,
    require_reason,
)
from plugins.eoffice.exchange.compose import files_of, registration_fields
from plugins.eoffice.exchange.edxml.package import BusinessType
from plugins.eoffice.exchange.edxml.read import MAX_PACKAGE_MB, package_from, parse_root
from plugins.eoffice.exchange.edxml.schema_check import InvalidPackage
from plugins.eoffice.exchange.edxml.status import StatusCode, is_status, status_from
from plugins.eoffice.exchange.models import (
    Direction,
    Envelope,
    EnvelopeKind,
    EnvelopeState,
    Organ,
)

__all__ = ["receive", "receive_file", "accept", "refuse_package", "original_of"]


def _digest(data):
    return hashlib.sha256(data).hexdigest()


def receive_file(agency, path, transport):
    """Receive the package in the file at ``path`` (a too large one is refused unread)."""
    if path.stat().st_size > MAX_PACKAGE_MB * 1024 * 1024:
        return _invalid(agency, b"", transport, InvalidPackage(
            _("The package is larger than %(size)s MB.") % {"size": MAX_PACKAGE_MB}),
            digest=f"{path.name}:{path.stat().st_size}")
    return receive(agency, path.read_bytes(), transport)


@transaction.atomic
def receive(agency, data, transport):
    """Keep the package ``data`` for ``agency`` and act on it; returns its envelope."""
    try:
        root = parse_root(data)
        if is_status(root):
            return _status(agency, data, transport, status_from(root, OFFICE_TZ))
        package = package_from(root)
        _check_addressed(agency, package)
    except InvalidPackage as error:
        return _invalid(agency, data, transport, error)
    if package.business_type == BusinessType.NEW:
        return _new(agency, data, transport, package)
    if package.business_type == BusinessType.RECALL:
        return _recall(agency, data, transport, package)
    return _update(agency, data, transport, package)


def _check_addressed(agency, package):
    if not agency.organ_id or agency.organ_id not in {o.organ_id for o in package.recipients}:
        raise InvalidPackage(_("The package is not addressed to %(agency)s (organ id "
                               "%(organ)s).") % {"agency": agency.name,
                                                 "organ": agency.organ_id or "—"})
    if sender_agency(package.sender.organ_id) is None and not Organ.objects.filter(
            organ_id=package.sender.organ_id, is_active=True).exists():
        raise InvalidPackage(_("The sender's organ id %(organ)s is not known: add the organ "
                               "to the organ directory if it is a partner.")
                             % {"organ": package.sender.organ_id})


def sender_agency(organ_id):
    return Agency.objects.filter(organ_id=organ_id).first() if organ_id else None


def _keep(agency, data, transport, dedup_key, **fields):
    """The envelope with ``dedup_key``: the one already kept, or a new one with ``data``.
    Returns (envelope, made)."""
    existing = Envelope.objects.filter(agency=agency, direction=Direction.IN,
                                       dedup_key=dedup_key).first()
    if existing is not None:
        return existing, False
    envelope = Envelope(agency=agency, direction=Direction.IN, dedup_key=dedup_key,
                        transport=transport, size=len(data), **fields)
    if data:
        envelope.package.save("package.xml", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            envelope.save()
    except IntegrityError:  # the same package, received at the same moment elsewhere
        envelope.package.delete(save=False)
        return Envelope.objects.get(agency=agency, direction=Direction.IN,
                                    dedup_key=dedup_key), False
    return envelope, True


def _invalid(agency, data, transport, error, digest=None):
    envelope, made = _keep(agency, data, transport, f"invalid:{digest or _digest(data)}",
                           state=EnvelopeState.INVALID, reason=error.reason,
                           sent_at=timezone.now())
    if made:
        _tell_clerks(agency, _("An exchange package was refused"),
                     _("A package received through exchange was refused: %(reason)s")
                     % {"reason": error.reason})
    return envelope


def _fields(package):
    return {"kind": EnvelopeKind.DOCUMENT, "business_type": package.business_type.value,
            "document_id": package.document_id, "peer_organ_id": package.sender.organ_id,
            "peer_name": package.sender.name, "number_notation": package.number_notation,
            "subject": package.subject, "reason": package.business_reason}


def _new(agency, data, transport, package):
    recalled = Envelope.objects.filter(
        agency=agency, direction=Direction.IN, document_id=package.document_id,
        business_type=BusinessType.RECALL).exists()  # the recall overtook the document
    envelope, made = _keep(
        agency, data, transport, f"document:0:{package.document_id}", **_fields(package),
        state=EnvelopeState.RECALLED if recalled else EnvelopeState.WAITING)
    if made and not recalled:
        from plugins.eoffice.exchange import sending

        sending.queue_status(envelope, StatusCode.RECEIVED)
        _tell_clerks(agency, _("New document through exchange: %(number)s")
                     % {"number": package.number_notation},
                     _("%(sender)s, %(number)s: %(subject)s\n\nOpen E-office → Received "
                       "through exchange to accept it into a register.")
                     % {"sender": package.sender.name, "number": package.number_notation,
                        "subject": package.subject})
    return envelope


def original_of(agency, document_id, *, lock=False):
    """The received envelope of the document ``document_id`` (business "new"), if any."""
    found = Envelope.objects.filter(agency=agency, direction=Direction.IN,
                                    kind=EnvelopeKind.DOCUMENT, document_id=document_id,
                                    business_type=BusinessType.NEW)
    if lock:
        found = found.select_for_update()
    return found.order_by("pk").first()


def _recall(agency, data, transport, package):
    envelope, made = _keep(agency, data, transport, f"document:1:{package.document_id}",
                           **_fields(package), state=EnvelopeState.APPLIED,
                           sent_at=timezone.now())
    if made:
        reason = package.business_reason or _("Recalled by the sender.")
        _withdraw_original(agency, package.document_id, reason)
    return envelope


def _withdraw_original(agency, document_id, reason):
    original = original_of(agency, document_id, lock=True)
    if original is None or original.state in (EnvelopeState.RECALLED, EnvelopeState.REFUSED):
        return None
    if original.state == EnvelopeState.ACCEPTED and original.incoming_id:
        incoming.revoke_by_sender(original.incoming, reason)
    original.state = EnvelopeState.RECALLED
    original.reason = reason
    original.save(update_fields=["state", "reason"])
    _tell_clerks(agency, _("Recalled by its sender: %(number)s")
                 % {"number": original.number_notation}, reason)
    return original


def _update(agency, data, transport, package):
    """An update changes the document received earlier; a replacement withdraws it, and the
    new package waits for the clerk as a document of its own."""
    replace = package.business_type == BusinessType.REPLACE
    key = f"document:{package.business_type.value}:{package.document_id}:{_digest(data)}"
    envelope, made = _keep(agency, data, transport, key, **_fields(package),
                           state=EnvelopeState.WAITING if replace else EnvelopeState.APPLIED,
                           sent_at=None if replace else timezone.now())
    if not made:
        return envelope
    reason = package.business_reason or (_("Replaced by the sender.") if replace
                                         else _("Updated by the sender."))
    if replace:
        _withdraw_original(agency, package.document_id, reason)
        envelope.business_type = BusinessType.NEW  # from now on, the document itself
        envelope.dedup_key = f"document:0:{package.document_id}:{_digest(data)}"
        envelope.save(update_fields=["business_type", "dedup_key"])
        return envelope
    original = original_of(agency, package.document_id, lock=True)
    if original is None or original.state in (EnvelopeState.RECALLED, EnvelopeState.REFUSED):
        envelope.reason = _("Nothing to update: the document was not received, or was "
                            "recalled or refused.")
        envelope.save(update_fields=["reason"])
    elif original.state == EnvelopeState.ACCEPTED and original.incoming_id:
        fields = registration_fields(package)
        changes = {name: fields[name] for name in incoming.AMENDABLE_FIELDS if name in fields
                   and fields[name] not in (None, "")}
        incoming.amend_by_sender(original.incoming, changes, reason,
                                 files=files_of(package) if package.attachments else None)
    else:  # still waiting for the clerk: the clerk will accept the updated package
        original.package.save("package.xml", ContentFile(data), save=False)
        original.subject, original.size = package.subject, len(data)
        original.save(update_fields=["package", "subject", "size"])
    return envelope


def _status(agency, data, transport, status):
    """A status message about a document this agency sent: the recipient's latest status
    is shown on the outgoing document."""
    key = (f"status:{status.document_id}:{status.from_organ_id}:{status.code.value}:"
           f"{status.at:%Y%m%d%H%M%S}")
    sent = Envelope.objects.select_for_update().filter(
        agency=agency, direction=Direction.OUT, kind=EnvelopeKind.DOCUMENT,
        document_id=status.document_id, peer_organ_id=status.from_organ_id,
        business_type=BusinessType.NEW).first()
    envelope, made = _keep(
        agency, data, transport, key, kind=EnvelopeKind.STATUS, document_id=status.document_id,
        peer_organ_id=status.from_organ_id, peer_name=status.from_name,
        number_notation=status.code_notation, status_code=status.code.value,
        status_at=status.at, status_note=status.description, answers=sent,
        outgoing_id=sent.outgoing_id if sent else None,
        state=EnvelopeState.APPLIED if sent else EnvelopeState.INVALID,
        reason="" if sent else _("No document of this agency has that id."),
        sent_at=timezone.now())
    if made and sent is not None and (sent.status_at is None or status.at >= sent.status_at):
        sent.status_code, sent.status_at = status.code.value, status.at
        sent.status_note = status.description
        sent.save(update_fields=["status_code", "status_at", "status_note"])
    return envelope


def _tell_clerks(agency, subject, body):
    notify(clerks(agency), lambda: (subject, body), "eoffice_exchange.received", agency=agency)


def _locked(envelope):
    return Envelope.objects.select_for_update().select_related("agency").get(pk=envelope.pk)


def _check_clerk(user, envelope):
    if envelope.direction != Direction.IN or envelope.kind != EnvelopeKind.DOCUMENT:
        refuse(_("Only a received document is accepted or refused."))
    if not access.is_clerk(user, envelope.agency_id):
        refuse(_("Only a clerk of %(agency)s handles what it receives."),
               agency=envelope.agency.name)
    if envelope.state != EnvelopeState.WAITING:
        refuse(_("This package is no longer waiting: it is “%(state)s”."),
               state=envelope.get_state_display())


@transaction.atomic
def accept(user, envelope, register):
    """The clerk accepts the received document into ``register``: it gets the next arrival
    number, its files and its metadata, with the time it arrived; the sender is told."""
    envelope = _locked(envelope)
    _check_clerk(user, envelope)
    with envelope.package.open("rb") as handle:
        package = package_from(parse_root(handle.read()))
    sender = sender_agency(package.sender.organ_id)
    registration = incoming.register(
        user, register, arrived_at=envelope.created_at, arrival_recorded=True,
        source=Source.EXCHANGE, files=files_of(package),
        from_outgoing=_sent_original(sender, package.document_id),
        **registration_fields(package, sender))
    envelope.state, envelope.incoming = EnvelopeState.ACCEPTED, registration.document
    envelope.handled_by, envelope.sent_at = user, timezone.now()
    envelope.save(update_fields=["state", "incoming", "handled_by", "sent_at"])
    from plugins.eoffice.exchange import sending

    sending.queue_status(envelope, StatusCode.ACCEPTED, user=user, description=_(
        "Registered as arrival number %(number)02d.") % {
        "number": registration.document.arrival_number})
    return registration


def _sent_original(sender, document_id):
    """The outgoing document of an agency of this installation that the package carries."""
    if sender is None:
        return None
    sent = Envelope.objects.filter(agency=sender, direction=Direction.OUT,
                                   document_id=document_id, outgoing__isnull=False).first()
    return OutgoingDocument.objects.filter(pk=sent.outgoing_id).first() if sent else None


@transaction.atomic
def refuse_package(user, envelope, reason):
    """The clerk refuses the received document (not this agency's business, unreadable, a
    page missing), with a reason the sender gets."""
    envelope = _locked(envelope)
    _check_clerk(user, envelope)
    envelope.reason = require_reason(reason)
    envelope.state, envelope.handled_by = EnvelopeState.REFUSED, user
    envelope.sent_at = timezone.now()
    envelope.save(update_fields=["reason", "state", "handled_by", "sent_at"])
    from plugins.eoffice.exchange import sending

    sending.queue_status(envelope, StatusCode.REFUSED, user=user, description=envelope.reason)
    return envelope


def waiting_count(agency_ids):
    return Envelope.objects.filter(agency_id__in=agency_ids, direction=Direction.IN,
                                   kind=EnvelopeKind.DOCUMENT,
                                   state=EnvelopeState.WAITING).count()

