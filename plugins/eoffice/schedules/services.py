"""The transitions of schedule entries and work plans; nothing else changes their state.

    draft ──submit──▶ submitted ──approve──▶ published
      ▲                   │                     │ change / cancel (marked, time kept)
      └──── returned ◀─send back (reason)       ▼

Each transition checks who may do it (:mod:`.access`), saves a history version
attributed to the user (django-simple-history), and mails those who act next after commit.
A refused transition raises :class:`TransitionError` and changes nothing.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core.models import Position, Role
from plugins.core.transitions import TransitionError  # noqa: F401 - the admin views catch it
from plugins.core.transitions import refuse as _refuse
from plugins.core.transitions import require_state as _require_state
from plugins.eoffice.schedules.access import rights
from plugins.eoffice.schedules.models import Mark, ScheduleEntry, State, WorkPlan

ENTRY_FIELDS = ("date", "start_time", "end_time", "content", "chair", "participants", "place",
                "preparer")
PLAN_FIELDS = ("period_kind", "year", "period", "title", "text", "document")


def _save(record, user):
    try:
        record.full_clean(exclude=["leaders"])
    except ValidationError as error:
        _refuse("; ".join(message for messages in error.message_dict.values()
                          for message in messages))
    record._history_user = user
    record.save()


def _may_draft(user, record):
    if not rights(user).may_draft_record(record):
        _refuse(_("Only the office (or the unit) drafts this schedule."))


def _may_approve(user, record):
    if not rights(user).may_approve_record(record):
        _refuse(_("Only a leader who approves this schedule may do that."))


# --- Drafting ---------------------------------------------------------------------------


@transaction.atomic
def create_entry(user, agency, unit=None, leaders=(), **fields):
    entry = ScheduleEntry(agency=agency, unit=unit, drafted_by=user,
                          **{name: fields[name] for name in ENTRY_FIELDS if name in fields})
    _may_draft(user, entry)
    _save(entry, user)
    entry.leaders.set(_leaders_of(agency, leaders))
    return entry


@transaction.atomic
def create_plan(user, agency, unit=None, **fields):
    plan = WorkPlan(agency=agency, unit=unit, drafted_by=user,
                    **{name: fields[name] for name in PLAN_FIELDS if name in fields})
    _may_draft(user, plan)
    _save(plan, user)
    return plan


@transaction.atomic
def edit(user, record, leaders=None, **fields):
    """Change a draft or a sent-back record."""
    _lock(record)
    _require_state(record, State.DRAFT, State.RETURNED)
    _may_draft(user, record)
    _assign(record, fields)
    _save(record, user)
    if leaders is not None and isinstance(record, ScheduleEntry):
        record.leaders.set(_leaders_of(record.agency, leaders))
    return record


@transaction.atomic
def delete_draft(user, record):
    _lock(record)
    _require_state(record, State.DRAFT, State.RETURNED)
    _may_draft(user, record)
    record._history_user = user
    record.delete()


# --- Approval ---------------------------------------------------------------------------


@transaction.atomic
def submit(user, record):
    _lock(record)
    _require_state(record, State.DRAFT, State.RETURNED)
    _may_draft(user, record)
    record.state = State.SUBMITTED
    record.submitted_at = timezone.now()
    record.return_reason = ""
    _save(record, user)
    _notify(approvers(record), "eoffice_schedules.for_approval",
            gettext_lazy("For approval: %(what)s"), record, actor=user)
    return record


@transaction.atomic
def approve(user, record):
    """Approve and publish: from now on the portal and the feeds show it."""
    _lock(record)
    _require_state(record, State.SUBMITTED)
    _may_approve(user, record)
    record.state = State.PUBLISHED
    record.approved_by = user
    record.approved_at = timezone.now()
    _save(record, user)
    return record


@transaction.atomic
def send_back(user, record, reason):
    _lock(record)
    _require_state(record, State.SUBMITTED)
    _may_approve(user, record)
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("Give a reason."))
    record.state = State.RETURNED
    record.return_reason = reason
    _save(record, user)
    if record.drafted_by_id:
        _notify([record.drafted_by], "eoffice_schedules.sent_back",
                gettext_lazy("Sent back: %(what)s"), record, reason)
    return record


def submit_all(user, records):
    """Submit every draft of ``records`` the user may submit; returns how many."""
    done = 0
    for record in records:
        if record.state in (State.DRAFT, State.RETURNED) and rights(user).may_draft_record(
                record):
            submit(user, record)
            done += 1
    return done


def approve_all(user, records):
    done = 0
    for record in records:
        if record.state == State.SUBMITTED and rights(user).may_approve_record(record):
            approve(user, record)
            done += 1
    return done


# --- After publication ------------------------------------------------------------------


@transaction.atomic
def change_published(user, record, note, leaders=None, **fields):
    """Change a published record: it stays published, marked "changed" with the time, so
    readers see that it is not what was first announced. The office or an approver may."""
    _lock(record)
    _require_state(record, State.PUBLISHED)
    _may_change_published(user, record)
    if record.mark == Mark.CANCELLED:
        _refuse(_("A cancelled entry cannot be changed."))
    _assign(record, fields)
    _mark(record, Mark.CHANGED, note)
    _save(record, user)
    if leaders is not None and isinstance(record, ScheduleEntry):
        record.leaders.set(_leaders_of(record.agency, leaders))
    return record


@transaction.atomic
def cancel_published(user, record, note):
    _lock(record)
    _require_state(record, State.PUBLISHED)
    _may_change_published(user, record)
    if record.mark == Mark.CANCELLED:
        _refuse(_("Already cancelled."))
    _mark(record, Mark.CANCELLED, note)
    _save(record, user)
    return record


def _may_change_published(user, record):
    me = rights(user)
    if not (me.may_draft_record(record) or me.may_approve_record(record)):
        _refuse(_("Only the office or a leader who approves this schedule may change it."))


def _mark(record, mark, note):
    note = (note or "").strip()
    if not note:
        _refuse(_("Say what changed."))
    record.mark = mark
    record.change_note = note[:255]
    record.changed_at = timezone.now()
    record.sequence += 1


# --- Helpers ----------------------------------------------------------------------------


def _lock(record):
    """Re-read the record's state under a row lock: two approvers never both act."""
    current = type(record)._default_manager.select_for_update().filter(pk=record.pk).values(
        "state", "mark", "sequence").first()
    if current is None:
        _refuse(_("It no longer exists."))
    for name, value in current.items():
        setattr(record, name, value)


def _assign(record, fields):
    allowed = ENTRY_FIELDS if isinstance(record, ScheduleEntry) else PLAN_FIELDS
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"{name} cannot be set here")
        setattr(record, name, value)


def _leaders_of(agency, leaders):
    """Only the agency's own people may be named as attending leaders."""
    ids = [getattr(person, "pk", person) for person in leaders]
    if not ids:
        return []
    people = get_user_model().objects.filter(pk__in=ids).filter(
        Q(groups__agency_role__agency=agency) | Q(positions__unit__agency=agency)).distinct()
    if people.count() != len(set(ids)):
        _refuse(_("A leader named is not of this agency."))
    return list(people)


def approvers(record):
    """The people who approve ``record``: the agency's leaders, and the unit's leaders for a
    unit's schedule."""
    people = get_user_model().objects.filter(is_active=True)
    condition = Q(groups__agency_role__agency_id=record.agency_id,
                  groups__agency_role__role=Role.AGENCY_LEADER)
    if record.unit_id:
        condition |= Q(pk__in=Position.objects.filter(unit_id=record.unit_id, is_leader=True)
                       .values("user_id"))
    return list(people.filter(condition).distinct())


# The kinds of notification the work schedules send (registered in the app's ready()).
KINDS = {
    "eoffice_schedules.for_approval": gettext_lazy("A work schedule awaits your approval"),
    "eoffice_schedules.sent_back": gettext_lazy("Your work schedule is sent back"),
    "eoffice_schedules.retention": gettext_lazy(
        "Work schedule records are about to be purged (retention)"),
}


def register_notification_kinds(group):
    from plugins.core.notifications import register_kind

    for name, label in KINDS.items():
        register_kind(name, label, group=group, email=True)


def admin_url(record):
    name = ("eoffice_schedule_entry:inspect" if isinstance(record, ScheduleEntry)
            else "eoffice_work_plan:inspect")
    return reverse(name, args=[record.pk])


def _notify(people, kind, subject, record, extra="", actor=None):
    """Tell ``people`` (core's notification centre) about ``record``, in each one's
    language: ``subject`` is a lazy text with ``%(what)s``."""
    from plugins.core.notifications import notify

    def compose():
        what = f"{record.schedule_name()} — {record}"
        return (str(subject) % {"what": what},
                "\n\n".join(part for part in (what, extra) if part))
    notify(people, kind, subject=compose, url=admin_url(record), agency=record.agency,
           actor=actor)
