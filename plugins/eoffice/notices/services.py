"""The transitions of announcements, extension requests, messages and board posts; nothing
else changes them.

Announcements::

    draft ──publish──▶ published ──(kept until passes: the daily job)──▶ expired
                          │  ▲                                             │
                          │  └────────── extension granted ◀───────────────┘
                          └──withdraw (reason)──▶ withdrawn

Extension requests: pending ──grant──▶ granted (the announcement is kept until the date
asked) | ──refuse (reason)──▶ refused.

Each transition checks who may do it (:mod:`.access`), saves a history version attributed
to the user (django-simple-history) and locks the row first, so two people never both act.
A refused transition raises :class:`TransitionError` and changes nothing.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.models import Unit
from plugins.core.transitions import TransitionError  # noqa: F401 - the admin views catch it
from plugins.core.transitions import refuse as _refuse
from plugins.core.transitions import require_state as _require_state
from plugins.eoffice.notices import access, notifications
from plugins.eoffice.notices.models import (
    Announcement,
    AnnouncementFile,
    Board,
    ExtensionRequest,
    ExtensionState,
    Membership,
    Message,
    MessageFile,
    Post,
    Receipt,
    State,
)

KEEP_MONTHS = 3  # one quarter from publication (seed 004 Đ7.4)


def _save(record, user):
    try:
        record.full_clean()
    except ValidationError as error:
        _refuse("; ".join(message for messages in error.message_dict.values()
                          for message in messages))
    record._history_user = user
    record.save()


def _lock(record, *fields):
    """Re-read ``fields`` of the record under a row lock."""
    current = type(record)._default_manager.select_for_update().filter(pk=record.pk).values(
        *fields).first()
    if current is None:
        _refuse(_("It no longer exists."))
    for name, value in current.items():
        setattr(record, name, value)


def add_months(moment, months):
    """``moment`` plus whole months, on the same day or the month's last day."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def default_expiry(published_at):
    return add_months(published_at, KEEP_MONTHS)


def _end_of(day):
    """The last moment of ``day`` in the agency's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


# --- Announcements ----------------------------------------------------------------------


def _check_audience(user, announcement, unit_ids):
    agency_id = announcement.agency_id
    if not access.rights(user).may_announce(agency_id):
        _refuse(_("Only the agency's leaders, its office and the units' leaders make "
                  "announcements."))
    units = set(Unit.objects.filter(pk__in=unit_ids, agency_id=agency_id).values_list(
        "pk", flat=True))
    if len(units) != len(set(unit_ids)):
        _refuse(_("A unit addressed is not of this agency."))
    if announcement.unit_id and not Unit.objects.filter(pk=announcement.unit_id,
                                                        agency_id=agency_id).exists():
        _refuse(_("The issuing unit is not of this agency."))
    if not announcement.to_everyone and not units:
        _refuse(_("Choose the units addressed, or the whole agency."))
    if not access.rights(user).may_address(agency_id, announcement.unit_id,
                                           announcement.to_everyone, units):
        _refuse(_("A unit's leader announces in the name of their unit, to the units they "
                  "lead only."))
    return units


def _add_files(model, owner_field, owner, files):
    for upload in files or ():
        model.objects.create(**{owner_field: owner}, file=upload, name=upload.name[:255],
                             size=upload.size or 0)


@transaction.atomic
def create_announcement(user, agency, *, title, body, unit=None, to_everyone=True,
                        units=(), files=(), expires_at=None):
    announcement = Announcement(agency=agency, unit=unit, title=title, body=body,
                                to_everyone=to_everyone, author=user, expires_at=expires_at)
    unit_ids = _check_audience(user, announcement, [getattr(u, "pk", u) for u in units])
    _save(announcement, user)
    announcement.audience_units.set(unit_ids)
    _add_files(AnnouncementFile, "announcement", announcement, files)
    return announcement


@transaction.atomic
def edit_announcement(user, announcement, *, units=None, files=(), remove_files=(), **fields):
    """Change a draft or a published announcement: its author only (seed 004 Đ7.4)."""
    _lock(announcement, "state")
    _require_state(announcement, State.DRAFT, State.PUBLISHED)
    if not access.rights(user).may_edit(announcement):
        _refuse(_("Only its author changes an announcement."))
    for name in ("title", "body", "unit", "to_everyone", "expires_at"):
        if name in fields:
            setattr(announcement, name, fields[name])
    if units is None:
        units = list(announcement.audience_units.values_list("pk", flat=True))
    unit_ids = _check_audience(user, announcement, [getattr(u, "pk", u) for u in units])
    if announcement.is_published and not announcement.expires_at:
        announcement.expires_at = default_expiry(announcement.published_at)
    _save(announcement, user)
    announcement.audience_units.set(unit_ids)
    announcement.files.filter(pk__in=[getattr(f, "pk", f) for f in remove_files]).delete()
    _add_files(AnnouncementFile, "announcement", announcement, files)
    return announcement


@transaction.atomic
def publish(user, announcement, now=None):
    """Publish a draft: its audience sees it on their board until it expires, one quarter
    from now unless the author chose another date."""
    _lock(announcement, "state")
    _require_state(announcement, State.DRAFT)
    if not access.rights(user).may_edit(announcement):
        _refuse(_("Only its author publishes an announcement."))
    _check_audience(user, announcement,
                    list(announcement.audience_units.values_list("pk", flat=True)))
    now = now or timezone.now()
    announcement.state = State.PUBLISHED
    announcement.published_at = now
    if not announcement.expires_at or announcement.expires_at <= now:
        announcement.expires_at = default_expiry(now)
    _save(announcement, user)
    notifications.announcement_published(announcement, user)
    return announcement


@transaction.atomic
def withdraw(user, announcement, reason):
    _lock(announcement, "state")
    _require_state(announcement, State.PUBLISHED, State.EXPIRED)
    if not access.rights(user).may_withdraw(announcement):
        _refuse(_("Only its author or an agency leader withdraws an announcement."))
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("Give a reason."))
    announcement.state = State.WITHDRAWN
    announcement.withdrawn_at = timezone.now()
    announcement.withdraw_reason = reason[:500]
    _save(announcement, user)
    return announcement


@transaction.atomic
def delete_draft(user, announcement):
    _lock(announcement, "state")
    _require_state(announcement, State.DRAFT)
    if not access.rights(user).may_edit(announcement):
        _refuse(_("Only its author deletes a draft."))
    announcement._history_user = user
    announcement.delete()


def expire_due(now=None):
    """Mark published announcements past their date expired (the daily job). Returns how
    many."""
    now = now or timezone.now()
    done = 0
    for announcement in Announcement.objects.filter(state=State.PUBLISHED,
                                                    expires_at__lte=now):
        announcement.state = State.EXPIRED
        announcement._history_user = None
        announcement.save(update_fields=["state"])
        done += 1
    return done


# --- Extension requests -----------------------------------------------------------------


@transaction.atomic
def request_extension(user, announcement, until, reason):
    """A reader asks for the announcement to be kept until ``until`` (a date)."""
    if not access.visible_announcements(user).filter(pk=announcement.pk).exists():
        _refuse(_("You cannot see this announcement."))
    _lock(announcement, "state", "expires_at")
    _require_state(announcement, State.PUBLISHED, State.EXPIRED)
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("Give a reason."))
    if until is None or _end_of(until) <= max(announcement.expires_at or timezone.now(),
                                              timezone.now()):
        _refuse(_("Ask for a date after the one it is kept until."))
    if announcement.extensions.filter(state=ExtensionState.PENDING,
                                      requested_by=user).exists():
        _refuse(_("You have already asked; wait for the decision."))
    request = ExtensionRequest(announcement=announcement, requested_by=user, reason=reason,
                               until=until)
    _save(request, user)
    notifications.extension_asked(request, user)
    return request


@transaction.atomic
def grant_extension(user, request, note=""):
    _lock(request, "state")
    _require_state(request, ExtensionState.PENDING)
    announcement = request.announcement
    if not access.rights(user).may_decide_extension(announcement):
        _refuse(_("Only the announcement's author or an agency leader decides."))
    _lock(announcement, "state", "expires_at")
    if announcement.state not in (State.PUBLISHED, State.EXPIRED):
        _refuse(_("Not possible while it is “%(state)s”."),
                state=announcement.get_state_display())
    request.state = ExtensionState.GRANTED
    request.decided_by = user
    request.decided_at = timezone.now()
    request.decision_note = (note or "").strip()[:500]
    _save(request, user)
    until = _end_of(request.until)
    if not announcement.expires_at or until > announcement.expires_at:
        announcement.expires_at = until
    if announcement.expires_at > timezone.now():
        announcement.state = State.PUBLISHED
    announcement.purge_reported_at = None  # reported again when the new date passes
    _save(announcement, user)
    notifications.extension_decided(request, user)
    return request


@transaction.atomic
def refuse_extension(user, request, note):
    _lock(request, "state")
    _require_state(request, ExtensionState.PENDING)
    if not access.rights(user).may_decide_extension(request.announcement):
        _refuse(_("Only the announcement's author or an agency leader decides."))
    note = (note or "").strip()
    if not note:
        _refuse(_("Give a reason."))
    request.state = ExtensionState.REFUSED
    request.decided_by = user
    request.decided_at = timezone.now()
    request.decision_note = note[:500]
    _save(request, user)
    notifications.extension_decided(request, user)
    return request


# --- Messages ---------------------------------------------------------------------------


@transaction.atomic
def send_message(user, agency, *, subject, body, people=(), units=(), files=()):
    """Send a message to people and units of ``agency`` (the sender's): every person of the
    units addressed gets it too. Never across agencies."""
    if not access.staff_of(agency.pk).filter(pk=user.pk).exists():
        _refuse(_("You write only to the people of your own agency."))
    person_ids = {getattr(p, "pk", p) for p in people}
    unit_ids = {getattr(u, "pk", u) for u in units}
    if not person_ids and not unit_ids:
        _refuse(_("Choose at least one recipient."))
    staff = access.staff_of(agency.pk)
    if staff.filter(pk__in=person_ids).count() != len(person_ids):
        _refuse(_("A recipient is not of this agency."))
    if Unit.objects.filter(pk__in=unit_ids, agency=agency).count() != len(unit_ids):
        _refuse(_("A unit addressed is not of this agency."))
    from plugins.core.models import Position

    person_ids |= set(Position.objects.filter(
        unit_id__in=unit_ids, user__is_active=True).values_list("user_id", flat=True))
    person_ids.discard(user.pk)
    if not person_ids:
        _refuse(_("Nobody else would receive it."))
    message = Message(agency=agency, sender=user, subject=subject, body=body,
                      sent_at=timezone.now())
    _save(message, user)
    message.to_units.set(unit_ids)
    Receipt.objects.bulk_create([Receipt(message=message, user_id=pk)
                                 for pk in sorted(person_ids)])
    _add_files(MessageFile, "message", message, files)
    notifications.message_sent(message, sorted(person_ids))
    return message


def mark_read(user, message, now=None):
    """Opening a message marks it read for its recipient (once; the first time stays)."""
    return Receipt.objects.filter(message=message, user=user, read_at__isnull=True).update(
        read_at=now or timezone.now())


# --- Boards -----------------------------------------------------------------------------


@transaction.atomic
def set_board(user, agency, kind, *, name="", committee=(), members=()):
    """Create or change the board of ``kind``: its name, committee and members, chosen
    among the agency's staff."""
    if not access.rights(user).manages_boards(agency.pk):
        _refuse(_("Only an agency leader or IT administrator chooses a board's members."))
    committee_ids = {getattr(p, "pk", p) for p in committee}
    member_ids = {getattr(p, "pk", p) for p in members} | committee_ids
    if access.staff_of(agency.pk).filter(pk__in=member_ids).count() != len(member_ids):
        _refuse(_("A member named is not of this agency."))
    board, _created = Board.objects.select_for_update().get_or_create(
        agency=agency, kind=kind, defaults={"name": name})
    if name and board.name != name:
        board.name = name
    _save(board, user)
    board.memberships.exclude(user_id__in=member_ids).delete()
    existing = dict(board.memberships.values_list("user_id", "is_committee"))
    for pk in member_ids:
        wanted = pk in committee_ids
        if pk not in existing:
            membership = Membership(board=board, user_id=pk, is_committee=wanted)
            membership._history_user = user
            membership.save()
        elif existing[pk] != wanted:
            membership = board.memberships.get(user_id=pk)
            membership.is_committee = wanted
            membership._history_user = user
            membership.save()
    return board


def _may_write(user, board):
    if not access.rights(user).writes_board(board):
        _refuse(_("Only the board's committee writes on it."))


@transaction.atomic
def create_post(user, board, *, title, body):
    _may_write(user, board)
    post = Post(board=board, author=user, title=title, body=body)
    _save(post, user)
    return post


@transaction.atomic
def edit_post(user, post, *, title, body):
    _may_write(user, post.board)
    if post.author_id != user.pk:
        _refuse(_("Only its author changes a post."))
    post.title, post.body = title, body
    _save(post, user)
    return post


@transaction.atomic
def delete_post(user, post):
    _may_write(user, post.board)
    if post.author_id != user.pk:
        _refuse(_("Only its author deletes a post."))
    post._history_user = user
    post.delete()
