"""Envelopes: every package this installation sent or received, kept with its bytes.

An outgoing envelope is work in core's outbox (:mod:`plugins.core.outbox`): queued in the
transaction that issued or recalled the document, sent after commit by a django-q2 task,
retried until the transport takes it. An incoming envelope is kept whatever happens to it:
refused by the schema (the clerk sees why), waiting for the clerk, accepted into the
register, refused by the clerk, recalled by its sender. ``dedup_key`` makes sending and
receiving idempotent: the same package twice is one envelope (R-EO-16)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from plugins.core.models import Retried
from plugins.core.scoping import AgencyQuerySet
from plugins.eoffice.documents.storage import private_storage
from plugins.eoffice.exchange.edxml.package import BusinessType
from plugins.eoffice.exchange.edxml.status import StatusCode
from plugins.eoffice.exchange.models.organs import Transport


class Direction(models.TextChoices):
    OUT = "out", _("Sent")
    IN = "in", _("Received")


class EnvelopeKind(models.TextChoices):
    DOCUMENT = "document", pgettext_lazy("exchange", "Document")
    STATUS = "status", _("Status message")


class EnvelopeState(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")
    INVALID = "invalid", _("Refused: not a valid package")
    WAITING = "waiting", _("Waiting for the clerk")
    ACCEPTED = "accepted", _("Accepted into the register")
    REFUSED = "refused", _("Refused by the clerk")
    RECALLED = "recalled", _("Recalled by the sender")
    APPLIED = "applied", _("Applied")


BUSINESS_LABELS = {
    BusinessType.NEW: _("New document"), BusinessType.RECALL: _("Recall"),
    BusinessType.UPDATE: _("Update"), BusinessType.REPLACE: _("Replacement"),
}


def package_upload_to(instance, filename):
    return f"exchange/{instance.agency_id}/{instance.direction}/{instance.uid}.xml"


class Envelope(Retried):
    done_field = "sent_at"

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=8, choices=EnvelopeKind.choices,
                            default=EnvelopeKind.DOCUMENT)
    business_type = models.CharField(
        _("business"), max_length=1, default=BusinessType.NEW,
        choices=[(value.value, label) for value, label in BUSINESS_LABELS.items()])
    document_id = models.CharField(_("edXML document id"), max_length=255, blank=True)
    dedup_key = models.CharField(max_length=400, editable=False)
    peer_organ_id = models.CharField(_("other side's organ id"), max_length=20, blank=True)
    peer_name = models.CharField(_("other side"), max_length=255, blank=True)
    transport = models.CharField(_("transport"), max_length=8, choices=Transport.choices)
    number_notation = models.CharField(_("number and notation"), max_length=80, blank=True)
    subject = models.TextField(_("summary (trích yếu)"), blank=True)
    package = models.FileField(_("package"), storage=private_storage,
                               upload_to=package_upload_to, max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    state = models.CharField(_("state"), max_length=8, choices=EnvelopeState.choices)
    reason = models.TextField(_("reason"), blank=True)
    # The other side's latest status about a document we sent (or the code a status
    # message carries), with its time and words.
    status_code = models.CharField(_("status"), max_length=2, blank=True,
                                   choices=[(c.value, c.label) for c in StatusCode])
    status_at = models.DateTimeField(_("status time"), null=True, blank=True)
    status_note = models.TextField(_("status note"), blank=True)
    outgoing = models.ForeignKey("eoffice_documents.OutgoingDocument", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="envelopes")
    incoming = models.ForeignKey("eoffice_documents.IncomingDocument", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="envelopes")
    answers = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="statuses",
                                help_text="The document envelope a status message is about.")
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent or processed"), null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("handled by"))

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("exchange envelope")
        verbose_name_plural = _("exchange envelopes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "direction", "dedup_key"],
                                    name="eoffice_exchange_envelope_once"),
        ]
        indexes = [
            models.Index(fields=["agency", "direction", "kind", "state", "-created_at"],
                         name="eoffice_exchange_list_idx"),
            models.Index(fields=["agency", "document_id"], name="eoffice_exchange_docid_idx"),
        ]

    def __str__(self):
        return f"{self.get_direction_display()}: {self.number_notation or self.document_id}"

    @property
    def status_label(self):
        return StatusCode(self.status_code).label if self.status_code else ""
