"""Royalties and the board's fees: the transitions of the ledger (R-ED-11).

- :func:`record_publication` — a page's publication earns its authors the rate of its kind
  and length (plus the photo rate for each photo) in force that day, and the board member
  who passed it on and the chief who verified it their fees. A page is paid once: while
  it has an item that is not void, republishing it earns nothing.
- :func:`void_for_unpublished` — unpublishing a page voids its item unless its month is
  closed.
- :func:`allocate` — splits each role's amount between its lines by their parts: whole
  đồng, rounded down, the đồng left over go to the first line. The board edits the parts
  (and who is paid) in the admin until the month is closed.
- :func:`close_month` — the chief of the board (or a deputy while delegated) or a leader
  of the agency closes a past month: its items and lines are locked.

Who sees what: the board and the agency's leaders see the agency's ledger, an author sees
their own lines (:func:`ledger_agency_ids`).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.memberships import memberships_of
from plugins.core.models import Role
from plugins.editorial_board import page_text
from plugins.editorial_board.models import (
    BoardReviewTask,
    ChiefApprovalTask,
    ContentKind,
    EditorialTaskState,
    RoyaltyItem,
    RoyaltyKind,
    RoyaltyMonth,
    RoyaltyRate,
    RoyaltyRole,
    RoyaltyShare,
)
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.royalties.models import TEXT_KINDS


def ledger_agency_ids(user):
    """Agencies whose whole ledger ``user`` sees (board members, agency leaders);
    ``None`` means every agency (superusers)."""
    return who.overseen_agency_ids(user)


def may_close(user, agency_id):
    if user.is_superuser:
        return True
    if agency_id in who.acting_chief_agency_ids(user):
        return True
    return memberships_of(user).has_role(agency_id, Role.AGENCY_LEADER)


def may_edit_shares(user, item):
    return user.is_superuser or who.is_member(user, item.agency_id)


# --- rates ------------------------------------------------------------------------------

def default_kind(page, record):
    """The royalty kind of a page: its own ``get_royalty_kind()`` if it has one; otherwise a
    translation, a news item, or an article; the agency's own documents earn none."""
    getter = getattr(page, "get_royalty_kind", None)
    if getter is not None:
        return getter()
    if record.is_translation:
        return RoyaltyKind.TRANSLATION
    if record.kind == ContentKind.NEWS:
        return RoyaltyKind.NEWS
    if record.kind == ContentKind.AGENCY_DOCUMENT:
        return None
    return RoyaltyKind.ARTICLE


def rate_for(agency_id, kind, day, words=0):
    """The agency's rate for ``kind`` in force on ``day`` (the band holding ``words``)."""
    if not kind:
        return None
    rates = RoyaltyRate.objects.filter(agency_id=agency_id, kind=kind, valid_from__lte=day)
    since = rates.order_by("-valid_from").values_list("valid_from", flat=True).first()
    if since is None:
        return None
    rates = rates.filter(valid_from=since)
    if kind in TEXT_KINDS:
        rates = rates.filter(Q(max_words__isnull=True) | Q(max_words__gte=words),
                             min_words__lte=words)
    return rates.order_by("-min_words").first()


def _amount(rate):
    return rate.amount if rate else 0


def board_steps(page):
    """(board member who passed it on, chief who verified it) in the page's last approved
    workflow; (None, None) for a direct publication."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    states = EditorialTaskState.objects.filter(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id=str(page.pk),
        workflow_state__status="approved", status="approved",
    ).select_related("finished_by", "task").order_by("-workflow_state__created_at",
                                                     "-finished_at")
    editor = verifier = None
    workflow_state_id = None
    for state in states:
        if workflow_state_id is None:
            workflow_state_id = state.workflow_state_id
        if state.workflow_state_id != workflow_state_id:
            break
        task = state.task.specific
        if isinstance(task, BoardReviewTask) and editor is None:
            editor = state.finished_by
        elif isinstance(task, ChiefApprovalTask) and verifier is None:
            verifier = state.finished_by
    return editor, verifier


# --- transitions ------------------------------------------------------------------------

def month_of(moment):
    return timezone.localtime(moment).date().replace(day=1)


def is_closed(agency_id, month):
    return RoyaltyMonth.objects.filter(agency_id=agency_id, month=month,
                                       closed_at__isnull=False).exists()


@transaction.atomic
def record_publication(page, record, at=None):
    """Enter the royalties of a publication of ``page`` (its editorial ``record``).

    Returns the new item, or ``None`` when the page is already paid or earns nothing.
    """
    if record.agency_id is None:
        return None
    if RoyaltyItem.objects.filter(page_id=page.pk, voided_at__isnull=True).exists():
        return None
    at = at or timezone.now()
    day = timezone.localtime(at).date()
    page = page.specific
    kind = default_kind(page, record)
    words = page_text.word_count(page)
    photos = page_text.image_count(page)
    author_amount = 0
    if kind is not None:
        author_amount = _amount(rate_for(record.agency_id, kind, day, words))
        author_amount += photos * _amount(rate_for(record.agency_id, RoyaltyKind.PHOTO, day))
    authors = list(record.authors.order_by("last_name", "first_name", "pk"))
    if not authors:
        author_amount = 0
    editor, verifier = board_steps(page)
    editing_fee = _amount(rate_for(record.agency_id, RoyaltyKind.BOARD_EDITING, day)
                          ) if editor else 0
    verification_fee = _amount(rate_for(record.agency_id, RoyaltyKind.VERIFICATION, day)
                               ) if verifier else 0
    if not (author_amount or editing_fee or verification_fee):
        return None
    item = RoyaltyItem.objects.create(
        agency_id=record.agency_id, page_id=page.pk, title=page.title[:255],
        unit_id=record.unit_id, kind=kind or "", words=words, photos=photos,
        author_amount=author_amount, editing_fee=editing_fee,
        verification_fee=verification_fee, published_at=at, month=month_of(at),
    )
    lines = [(person, RoyaltyRole.AUTHOR) for person in authors if author_amount]
    if editing_fee:
        lines.append((editor, RoyaltyRole.EDITING))
    if verification_fee:
        lines.append((verifier, RoyaltyRole.VERIFICATION))
    for person, role in lines:
        RoyaltyShare.objects.create(item=item, person=person, role=role)
    allocate(item)
    return item


def split(pool, parts):
    """``pool`` đồng shared by ``parts``: rounded down, the rest to the first share."""
    total = sum(parts)
    if not total:
        return [0] * len(parts)
    amounts = [pool * part // total for part in parts]
    if amounts:
        amounts[0] += pool - sum(amounts)
    return amounts


def allocate(item):
    """Work out each line's amount from its role's pool and its parts."""
    lines = list(item.shares.all())
    for role in RoyaltyRole.values:
        of_role = [line for line in lines if line.role == role]
        for line, amount in zip(of_role, split(item.pool(role), [line.parts for line in of_role]),
                                strict=True):
            if line.amount != amount:
                line.amount = amount
                line.save(update_fields=["amount"])


def check_editable(item):
    """Raise ValidationError when ``item``'s lines may no longer change."""
    if item.voided_at is not None:
        raise ValidationError(_("This item is void: its lines cannot change."))
    if is_closed(item.agency_id, item.month):
        raise ValidationError(_("The ledger of %(month)s is closed: its entries cannot "
                                "change.") % {"month": f"{item.month:%m/%Y}"})


@transaction.atomic
def void_for_unpublished(page, reason=""):
    """Unpublishing voids the page's item unless its month is closed; returns how many."""
    voided = 0
    for item in RoyaltyItem.objects.select_for_update().filter(page_id=page.pk,
                                                               voided_at__isnull=True):
        if is_closed(item.agency_id, item.month):
            continue
        item.voided_at = timezone.now()
        item.void_reason = reason or _("Unpublished before the ledger was closed.")
        item.save(update_fields=["voided_at", "void_reason"])
        voided += 1
    return voided


@transaction.atomic
def close_month(agency, month, user, today=None):
    """Close ``month`` of ``agency``'s ledger (an explicit, recorded transition)."""
    if not may_close(user, agency.pk):
        raise PermissionDenied
    month = month.replace(day=1)
    today = today or timezone.localdate()
    if month >= today.replace(day=1):
        raise ValidationError(_("Only a month that has ended can be closed."))
    row, _created = RoyaltyMonth.objects.select_for_update().get_or_create(
        agency=agency, month=month)
    if row.is_closed:
        raise ValidationError(_("The ledger of %(month)s is already closed.")
                              % {"month": f"{month:%m/%Y}"})
    row.closed_at = timezone.now()
    row.closed_by = user
    row.save()
    return row


def parse_month(value):
    """``"2026-03"`` → 1 March 2026; ``None`` for anything else."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        return None
