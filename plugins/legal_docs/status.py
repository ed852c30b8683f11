"""Validity status (tình trạng hiệu lực), computed from dates and relations (DOMAIN.md).

One rule, in order: a manual override wins; a document suspended by a document in force
is suspended; replaced or abrogated whole, or past its expiry date, it has expired; before
its effective date it is not yet in force; amended, supplemented or abrogated in part it
has partly expired; otherwise it is in force.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.legal_docs.relations import ABROGATION, ENDS_PART, ENDS_WHOLE, SUSPENSION


class Status(models.TextChoices):
    NOT_YET = "not_yet", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    PARTLY_EXPIRED = "partly_expired", _("Partly expired")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")


# schema.org legislationLegalForce for each status.
LEGAL_FORCE = {
    Status.NOT_YET: "https://schema.org/NotInForce",
    Status.IN_FORCE: "https://schema.org/InForce",
    Status.PARTLY_EXPIRED: "https://schema.org/PartiallyInForce",
    Status.EXPIRED: "https://schema.org/NotInForce",
    Status.SUSPENDED: "https://schema.org/NotInForce",
}


@dataclass(frozen=True)
class Change:
    """A live document's relation towards the document whose status is computed."""

    kind: str
    partial: bool
    effective_date: datetime.date | None
    source: object = None  # the document that made the change


@dataclass(frozen=True)
class Verdict:
    status: Status
    cause: object = None  # the document behind the status, if any


def _in_effect(change, today):
    return change.effective_date is None or change.effective_date <= today


def compute(effective_date, expiry_date, changes, today, override=""):
    """The status of a document, and the document that caused it."""
    if override:
        return Verdict(Status(override))
    active = [change for change in changes if _in_effect(change, today)]
    for change in active:
        if change.kind == SUSPENSION:
            return Verdict(Status.SUSPENDED, change.source)
    for change in active:
        if change.kind in ENDS_WHOLE or (change.kind == ABROGATION and not change.partial):
            return Verdict(Status.EXPIRED, change.source)
    if expiry_date and expiry_date <= today:
        return Verdict(Status.EXPIRED)
    if effective_date and effective_date > today:
        return Verdict(Status.NOT_YET)
    for change in active:
        if change.kind in ENDS_PART or change.kind == ABROGATION:
            return Verdict(Status.PARTLY_EXPIRED, change.source)
    return Verdict(Status.IN_FORCE)
