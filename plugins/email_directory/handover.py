"""The transitions of a mailbox handover (R-EM-2): record, confirm, cancel.

Recorded by the directory's keepers (the IT unit) or by the leader of the mailbox's unit
(seed 003 Đ7.2: the unit head has it handed over). It takes effect when the new holder
confirms, from their own account, that they received the mailbox's mail and data and
changed its password; the mailbox's responsible person changes then. A new holder without
an account signs paper minutes, which the IT unit records as the confirmation.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.email_directory.models import HandoverStatus, MailboxHandover, MailboxKind
from plugins.email_directory.permissions import keeps


def may_record(user, mailbox):
    """The keepers of the agency's directory, or a leader of the mailbox's unit."""
    if keeps(user, mailbox.agency_id):
        return True
    if mailbox.kind != MailboxKind.UNIT or not user.is_authenticated:
        return False
    return user.positions.filter(unit_id=mailbox.unit_id, is_leader=True).exists()


def recordable_mailboxes(user):
    """The agency and unit mailboxes whose handover ``user`` may record."""
    from plugins.email_directory.models import Mailbox
    from plugins.email_directory.permissions import keeper_agency_ids

    ids = keeper_agency_ids(user)
    mailboxes = Mailbox.objects.shared().active()
    if ids is None:
        return mailboxes
    led = user.positions.filter(is_leader=True).values("unit_id")
    return mailboxes.filter(Q(agency_id__in=ids) | Q(kind=MailboxKind.UNIT, unit_id__in=led))


def is_new_holder(user, handover):
    position = handover.to_holder.position
    return bool(user.is_authenticated and position is not None and position.user_id == user.pk)


def check_handover(handover):
    """Validation of a handover being recorded (``Model.clean``)."""
    errors = {}
    mailbox = handover.mailbox if handover.mailbox_id else None
    if mailbox is not None:
        if mailbox.kind == MailboxKind.PERSONAL:
            errors["mailbox"] = _("Only agency and unit mailboxes are handed over; a personal "
                                  "mailbox stays with its person.")
        elif not mailbox.is_active:
            errors["mailbox"] = _("This mailbox is closed.")
        for field in ("from_holder", "to_holder"):
            person = getattr(handover, field) if getattr(handover, f"{field}_id") else None
            if person is not None and person.agency_id != mailbox.agency_id:
                errors[field] = _("This person belongs to another agency.")
        pending = MailboxHandover.objects.filter(mailbox=mailbox, status=HandoverStatus.PENDING)
        if handover.pk is None and pending.exists():
            errors["mailbox"] = _("A handover of this mailbox is already awaiting "
                                  "confirmation.")
    if handover.to_holder_id and handover.to_holder_id == handover.from_holder_id:
        errors["to_holder"] = _("The new holder is the current holder.")
    if handover.pk and handover.status != HandoverStatus.PENDING:
        errors["__all__"] = _("A confirmed or cancelled handover cannot be changed.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record(mailbox, to_holder, handover_date, user, note=""):
    """Record a handover of ``mailbox`` to ``to_holder``, awaiting confirmation."""
    if not may_record(user, mailbox):
        raise PermissionDenied
    handover = MailboxHandover(
        mailbox=mailbox, from_holder=mailbox.holder, to_holder=to_holder,
        handover_date=handover_date, note=note, recorded_by=user,
    )
    handover.full_clean()
    handover.save()
    return handover


def _locked(handover):
    locked = MailboxHandover.objects.select_for_update().get(pk=handover.pk)
    if locked.status != HandoverStatus.PENDING:
        raise ValidationError(_("This handover is no longer awaiting confirmation."))
    return locked


@transaction.atomic
def confirm(handover, user, *, data_received, password_changed, on_paper=False):
    """The new holder confirms (or, ``on_paper``, a keeper records their signed minutes)."""
    handover = _locked(handover)
    if on_paper:
        if not keeps(user, handover.mailbox.agency_id):
            raise PermissionDenied
    elif not is_new_holder(user, handover):
        raise PermissionDenied
    if not (data_received and password_changed):
        raise ValidationError(_("Confirm that you received the mail and data and changed the "
                                "password: the seed requires both (003 Đ7.2)."))
    handover.status = HandoverStatus.CONFIRMED
    handover.data_received = handover.password_changed = True
    handover.confirmed_by, handover.confirmed_at = user, timezone.now()
    handover.confirmed_on_paper = on_paper
    handover.save()
    mailbox = handover.mailbox
    mailbox.holder = handover.to_holder
    mailbox.save(update_fields=["holder", "updated_at"])
    return handover


@transaction.atomic
def cancel(handover, user):
    handover = _locked(handover)
    if not may_record(user, handover.mailbox):
        raise PermissionDenied
    handover.status = HandoverStatus.CANCELLED
    handover.save()
    return handover


def pending_for(user):
    """Handovers waiting for ``user`` to confirm them (the dashboard panel)."""
    if not user.is_authenticated:
        return MailboxHandover.objects.none()
    return (
        MailboxHandover.objects.filter(status=HandoverStatus.PENDING,
                                       to_holder__position__user=user)
        .select_related("mailbox", "from_holder__position__user", "to_holder")
    )
