"""Urgency, secrecy, sources and states of official documents (Decree 30/2020, DOMAIN.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from plugins.core.numbers import TYPE_CODES


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent (Khẩn)")
    VERY_URGENT = "very_urgent", _("Very urgent (Thượng khẩn)")
    FLASH = "flash", _("Flash (Hỏa tốc)")

    @classmethod
    def is_urgent(cls, value):
        """Khẩn, Thượng khẩn and Hỏa tốc are handled immediately (Decree 30)."""
        return value != cls.NORMAL


class Secrecy(models.TextChoices):
    NONE = "none", _("Not secret")
    CONFIDENTIAL = "confidential", _("Confidential (Mật)")
    SECRET = "secret", _("Secret (Tối mật)")
    TOP_SECRET = "top_secret", _("Top secret (Tuyệt mật)")


class Source(models.TextChoices):
    PAPER = "paper", _("Paper, scanned")
    ELECTRONIC = "electronic", _("Electronic")
    EXCHANGE = "exchange", _("Received through exchange")


class RegisterKind(models.TextChoices):
    INCOMING = "incoming", _("Incoming documents")
    OUTGOING = "outgoing", _("Outgoing documents")


class IncomingState(models.TextChoices):
    REGISTERED = "registered", _("Registered, awaiting assignment")
    ASSIGNED = "assigned", _("In processing")
    DONE = "done", _("Result recorded")
    FILED = "filed", _("Filed")
    RETURNED = "returned", _("Returned to the clerk")
    REVOKED = "revoked", _("Recalled by its sender")


class OutgoingState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UNIT_REVIEW = "unit_review", _("With the unit leader")
    DIRECTOR_REVIEW = "director_review", _("With the director")
    APPROVED = "approved", _("Approved, to be numbered")
    ISSUED = "issued", pgettext_lazy("document state", "Issued")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SigningPrefix(models.TextChoices):
    NONE = "", _("Head of the agency signs")
    TM = "TM.", _("TM. (on behalf of a collective body)")
    KT = "KT.", _("KT. (deputy signs for the head)")
    Q = "Q.", _("Q. (acting head)")
    TL = "TL.", _("TL. (signed by order)")
    TUQ = "TUQ.", _("TUQ. (signed by authorisation)")


# The document types of Decree 30 Appendix III and the normative ones, by abbreviation;
# "" is an official letter (công văn), which has none.
TYPE_CHOICES = [("", "Công văn"), *((code, name) for code, name in TYPE_CODES.items())]


def type_name(code):
    return dict(TYPE_CHOICES).get(code or "", code)
