"""Sending packages: an issued document to its recipients, its recall, and the status
messages a receiver owes the sender.

Queuing keeps the package in an envelope inside the caller's transaction; a django-q2 task
sends it after commit through the transport that reaches the recipient
(:mod:`.transports`), and core's outbox retries a failure (:mod:`plugins.core.outbox`).
The same document is queued once per recipient and business (idempotent)."""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from plugins.core import outbox
from plugins.core.calendar import OFFICE_TZ
from plugins.core.models import Agency
from plugins.eoffice.documents.models import OutgoingState, StepAction
from plugins.eoffice.documents.services.common import refuse, step
from plugins.eoffice.exchange import transports
from plugins.eoffice.exchange.compose import organ_of, package_for
from plugins.eoffice.exchange.edxml.build import build
from plugins.eoffice.exchange.edxml.package import BusinessType, Organ
from plugins.eoffice.exchange.edxml.status import Status, build_status
from plugins.eoffice.exchange.models import (
    Direction,
    Envelope,
    EnvelopeKind,
    EnvelopeState,
)

logger = logging.getLogger(__name__)

SEND_FUNC = "plugins.eoffice.exchange.sending.send"
SEND_DUE_FUNC = "plugins.eoffice.exchange.sending.send_due"

__all__ = ["check_may_send", "queue_document", "queue_recall", "queue_status", "send",
           "send_due", "recipients_sent"]


def check_may_send(document):
    """Refuse what may never be exchanged electronically: a secret document (R-EO-16), one
    not issued, or one whose agency has no organ id."""
    if document.is_secret:
        refuse(_("A secret document is never sent electronically: deliver the paper "
                 "copies."))
    if document.state != OutgoingState.ISSUED:
        refuse(_("Only an issued document is sent."))
    if not document.agency.organ_id:
        refuse(_("%(agency)s has no organ id: set it in the agency's settings before "
                 "exchanging documents."), agency=document.agency.name)


def recipients_sent(document, business=BusinessType.NEW):
    return set(Envelope.objects.filter(
        outgoing=document, direction=Direction.OUT, kind=EnvelopeKind.DOCUMENT,
        business_type=business).values_list("peer_organ_id", flat=True))


def queue_document(document, organs, user=None):
    """Queue the issued ``document`` for each of ``organs`` (edXML Organs) not already sent
    to; returns the new envelopes."""
    check_may_send(document)
    already = recipients_sent(document)
    organs = [organ for organ in organs if organ.organ_id and organ.organ_id not in already
              and organ.organ_id != document.agency.organ_id]
    if not organs:
        return []
    data = build(package_for(document, organs))
    made = [_queue(document.agency, data, organ, kind=EnvelopeKind.DOCUMENT,
                   business=BusinessType.NEW, document=document) for organ in organs]
    step(document, StepAction.DELIVER, user, note=_("Sent through exchange to: %(names)s")
         % {"names": ", ".join(organ.name for organ in organs)})
    return [envelope for envelope in made if envelope is not None]


def queue_recall(document, reason, user=None):
    """Recall the document from everyone it was sent to (business "recall")."""
    sent_to = Envelope.objects.filter(
        outgoing=document, direction=Direction.OUT, kind=EnvelopeKind.DOCUMENT,
        business_type=BusinessType.NEW).values_list("peer_organ_id", "peer_name")
    organs = [Organ(organ_id=organ_id, name=name) for organ_id, name in sent_to]
    if not organs or not document.agency.organ_id:
        return []
    data = build(package_for(document, organs, business=BusinessType.RECALL, reason=reason,
                             with_files=False))
    made = [_queue(document.agency, data, organ, kind=EnvelopeKind.DOCUMENT,
                   business=BusinessType.RECALL, document=document) for organ in organs]
    step(document, StepAction.DELIVER, user, note=_("Recall sent through exchange to: "
                                                     "%(names)s")
         % {"names": ", ".join(organ.name for organ in organs)})
    return [envelope for envelope in made if envelope is not None]


def queue_status(received, code, *, user=None, description=""):
    """Tell the sender of the ``received`` envelope its ``code`` (once per code)."""
    agency = received.agency
    if not agency.organ_id or not received.peer_organ_id:
        return None
    status = Status(
        document_id=received.document_id, sender_organ_id=received.peer_organ_id,
        code_notation=received.number_notation or "-",
        promulgation_date=_promulgation_date(received), from_organ_id=agency.organ_id,
        from_name=agency.name, code=code, at=timezone.now(), description=description,
        staff=(user.get_full_name() or user.get_username()) if user else "")
    return _queue(agency, build_status(status, OFFICE_TZ),
                  Organ(organ_id=received.peer_organ_id, name=received.peer_name),
                  kind=EnvelopeKind.STATUS, business=BusinessType.NEW,
                  document_id=received.document_id, status_code=code.value,
                  answers=received, description=description)


def _promulgation_date(received):
    """The date in the DocumentId (``<organ>,<yyyy/MM/dd>,<number>``), else today."""
    import datetime

    try:
        return datetime.datetime.strptime(received.document_id.split(",")[1],
                                          "%Y/%m/%d").date()
    except (IndexError, ValueError):
        return timezone.localdate()


def _queue(agency, data, organ, *, kind, business, document=None, document_id="",
           status_code="", answers=None, description=""):
    if document is not None:
        document_id = f"{agency.organ_id},{document.issue_date:%Y/%m/%d},{document.number_notation}"
    key = f"{kind}:{business.value}:{document_id}:{organ.organ_id}:{status_code}"
    envelope = Envelope(
        agency=agency, direction=Direction.OUT, kind=kind, business_type=business.value,
        document_id=document_id, dedup_key=key, peer_organ_id=organ.organ_id,
        peer_name=organ.name, transport=_transport_name(organ.organ_id),
        number_notation=document.number_notation if document else "",
        subject=document.subject if document else description, size=len(data),
        state=EnvelopeState.QUEUED, outgoing=document, answers=answers,
        status_code=status_code if kind == EnvelopeKind.STATUS else "",
        next_attempt_at=timezone.now())
    envelope.package.save("package.xml", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            envelope.save()
    except IntegrityError:  # queued already: once is enough
        envelope.package.delete(save=False)
        return None
    transaction.on_commit(lambda: async_task(SEND_FUNC, envelope.pk))
    return envelope


def _transport_name(organ_id):
    try:
        return transports.route(organ_id)[0]
    except transports.Undeliverable:
        return ""


def send(pk, now=None):
    """The django-q2 task: send one queued envelope; a failure is tried again later, a
    refusal for good is recorded. Returns True when it went out."""
    now = now or timezone.now()
    if not outbox.claim(Envelope, pk, now):
        return False
    envelope = Envelope.objects.select_related("agency").get(pk=pk)
    with envelope.package.open("rb") as handle:
        data = handle.read()
    try:
        kind = transports.deliver(envelope, data)
    except transports.Undeliverable as error:
        outbox.failed(Envelope, envelope, error, now, permanent=True,
                      state=EnvelopeState.FAILED)
        _tell_failure(envelope, error)
        return False
    except Exception as error:  # noqa: BLE001 - any failure of a transport is retried
        retry = outbox.failed(Envelope, envelope, error, now)
        logger.warning("Exchange envelope %s to %s failed (attempt %s): %s", pk,
                       envelope.peer_organ_id, envelope.attempts + 1, error)
        if retry is None:
            Envelope.objects.filter(pk=pk).update(state=EnvelopeState.FAILED)
            _tell_failure(envelope, error)
        return False
    outbox.succeeded(Envelope, envelope, state=EnvelopeState.SENT, transport=kind)
    return True


def _tell_failure(envelope, error):
    from plugins.eoffice.documents.services.common import clerks, notify

    if envelope.kind != EnvelopeKind.DOCUMENT:
        return
    notify(clerks(envelope.agency), lambda: (
        _("Not delivered: %(number)s to %(organ)s") % {"number": envelope.number_notation,
                                                       "organ": envelope.peer_name},
        _("The exchange could not deliver %(number)s to %(organ)s: %(error)s") % {
            "number": envelope.number_notation, "organ": envelope.peer_name,
            "error": error}), "eoffice_exchange.not_delivered", agency=envelope.agency)


def send_due(now=None):
    """Every minute: send what is due (first attempts a worker missed, and retries), and
    collect what a gateway dropped into the exchange folder. Returns how many went out."""
    now = now or timezone.now()
    sent = sum(send(pk, now) for pk in outbox.due(
        Envelope.objects.filter(direction=Direction.OUT), now))
    transports.collect_folder()
    return sent


def schedule_sending(**kwargs):
    """Create the every-minute schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=SEND_DUE_FUNC,
        defaults={"name": "e-office: exchange packages", "schedule_type": Schedule.MINUTES,
                  "minutes": 1})


def installation_organs(document):
    """The recipients of ``document`` that are agencies of this installation, as Organs."""
    agencies = Agency.objects.filter(pk__in=document.recipient_agencies.values("pk")).exclude(
        pk=document.agency_id)
    return [organ_of(agency) for agency in agencies if agency.organ_id]
