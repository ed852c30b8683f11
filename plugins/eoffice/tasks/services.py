"""The transitions of assigned tasks; nothing else changes their state (see
:mod:`.models` for the diagram).

Each transition locks the task's row, checks its state and who may do it
(:mod:`.access`), saves a history version attributed to the user, and tells the people
concerned after commit. A refused transition raises :class:`TransitionError` (its
``message`` translated) and changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core.calendar import WorkingCalendar
from plugins.core.models import Position, Unit
from plugins.core.transitions import TransitionError  # noqa: F401 - the admin views catch it
from plugins.core.transitions import refuse as _refuse
from plugins.core.transitions import require_state as _require_state
from plugins.eoffice.tasks import access
from plugins.eoffice.tasks.models import (
    OPEN_STATES,
    DeadlineChange,
    ProgressReport,
    State,
    Task,
)
from plugins.eoffice.tasks.notices import _send


def _save(task, user):
    task._history_user = user
    task.save()


def _lock(task):
    current = Task.objects.select_for_update().filter(pk=task.pk).values(
        "state", "deadline", "progress").first()
    if current is None:
        _refuse(_("The task no longer exists."))
    for name, value in current.items():
        setattr(task, name, value)
    access.with_people([task])


# --- Deadlines ------------------------------------------------------------------------


def compute_deadline(agency, working_days, start=None):
    """The date ``working_days`` working days after ``start`` (today), by the agency's
    calendar: the day of assignment is not counted."""
    if working_days is None or working_days < 1:
        _refuse(_("Give at least one working day."))
    return WorkingCalendar(agency).add_working_days(start or timezone.localdate(),
                                                    working_days)


def check_deadline(agency, deadline, today=None):
    """Refuse a deadline in the past or on a day off of the agency."""
    today = today or timezone.localdate()
    if deadline < today:
        _refuse(_("The deadline cannot be in the past."))
    if not WorkingCalendar(agency).is_working_day(deadline):
        _refuse(_("%(day)s is a day off: choose a working day."),
                day=deadline.strftime("%d/%m/%Y"))


def _deadline(agency, deadline, working_days):
    if deadline is None:
        return compute_deadline(agency, working_days)
    check_deadline(agency, deadline)
    return deadline


# --- Assigning ------------------------------------------------------------------------


def _units_of(people):
    ids = [person.pk for person in people]
    units = {}
    for user_id, unit_id in Position.objects.filter(user_id__in=ids).values_list(
            "user_id", "unit_id"):
        units.setdefault(user_id, set()).add(unit_id)
    return units


@transaction.atomic
def assign(user, agency, *, title, content, main_unit=None, main_person=None,
           co_units=(), co_people=(), deadline=None, working_days=None, source=""):
    """Assign a task. ``deadline`` (a working day) or ``working_days`` from today."""
    me = access.rights(user)
    co_units, co_people = list(co_units), list(co_people)
    people = [person for person in [main_person, *co_people] if person is not None]
    units_of = _units_of(people)
    if main_person is not None and main_unit is None:
        mine = sorted(units_of.get(main_person.pk, ()))
        if not mine:
            _refuse(_("%(name)s holds no position in a unit."), name=_name(main_person))
        led = [unit_id for unit_id in mine if unit_id in me.led_units]
        main_unit = Unit.objects.get(pk=(led or mine)[0])
    if main_unit is None:
        _refuse(_("Choose the main unit or the main person."))
    units = [main_unit, *co_units]
    if any(unit.agency_id != agency.pk for unit in units):
        _refuse(_("A unit chosen belongs to another agency."))
    if main_unit in co_units:
        _refuse(_("The main unit cannot also co-operate."))
    unit_ids = {unit.pk for unit in units}
    agency_units = set(Unit.objects.filter(agency=agency).values_list("pk", flat=True))
    for person in people:
        if not units_of.get(person.pk, set()) & agency_units:
            _refuse(_("%(name)s is not of this agency."), name=_name(person))
    if main_person is not None and main_unit.pk not in units_of[main_person.pk]:
        _refuse(_("The main person is not of the main unit."))
    if main_person is not None and main_person in co_people:
        _refuse(_("The main person cannot also co-operate."))
    # A unit leader assigns within their units: the people named must be of them too.
    checked = set(unit_ids)
    if not me.leads_agency(agency.pk):
        for person in people:
            if not units_of[person.pk] & me.led_units:
                _refuse(_("A unit leader assigns only to the people of their unit."))
    if not me.may_assign(agency.pk, checked):
        _refuse(_("Only the agency's leaders, or a unit leader within their unit, may "
                  "assign a task."))
    if not (title or "").strip() or not (content or "").strip():
        _refuse(_("Give the title and the content."))
    task = Task(agency=agency, title=title, content=content, source=source or "",
                assigned_by=user, main_unit=main_unit, main_person=main_person,
                deadline=_deadline(agency, deadline, working_days))
    _save(task, user)
    task.co_units.set(co_units)
    task.co_people.set(co_people)
    _send(assignees(task), "eoffice_tasks.assigned",
          gettext_lazy("A task is assigned to you"),
          format_lazy(gettext_lazy("Assigned by {name}."), name=_name(user)), task, actor=user)
    return task


# --- Assignees ------------------------------------------------------------------------


@transaction.atomic
def report_progress(user, task, percent, text, file=None):
    _lock(task)
    _require_state(task, State.IN_PROGRESS)
    if not access.rights(user).is_assignee(task):
        _refuse(_("Only the task's assignees report on it."))
    try:
        percent = int(percent)
    except (TypeError, ValueError):
        percent = -1
    if not 0 <= percent <= 100:
        _refuse(_("The progress is a percentage from 0 to 100."))
    if not (text or "").strip():
        _refuse(_("Say what was done."))
    report = ProgressReport(task=task, author=user, percent=percent, text=text)
    if file:
        report.file = file
    report.save()
    if access.rights(user).is_main_assignee(task) or percent > task.progress:
        task.progress = percent
        _save(task, user)
    return report


@transaction.atomic
def report_completion(user, task, text, file=None):
    """The main assignee says the task is done; the assigner accepts it or sends it back."""
    _lock(task)
    _require_state(task, State.IN_PROGRESS)
    if not access.rights(user).is_main_assignee(task):
        _refuse(_("Only the main assignee reports the completion."))
    if not (text or "").strip():
        _refuse(_("Say what was done."))
    report = ProgressReport(task=task, author=user, percent=100, text=text,
                            is_completion=True)
    if file:
        report.file = file
    report.save()
    task.state = State.REPORTED
    task.progress = 100
    task.reported_on = timezone.localdate()
    task.return_reason = ""
    _save(task, user)
    _send([task.assigned_by], "eoffice_tasks.reported",
          gettext_lazy("Completion reported"),
          format_lazy(gettext_lazy("{name} reports the task done."), name=_name(user)),
          task, actor=user)
    return report


# --- The assigner ---------------------------------------------------------------------


def _may_direct(user, task):
    if not access.rights(user).may_direct(task):
        _refuse(_("Only the assigner or an agency leader may do that."))


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("Give a reason."))
    return reason


@transaction.atomic
def accept(user, task):
    _lock(task)
    _require_state(task, State.REPORTED)
    _may_direct(user, task)
    task.state = State.DONE
    task.closed_at = timezone.now()
    _save(task, user)
    _send(assignees(task), "eoffice_tasks.closed", gettext_lazy("Task accepted as done"),
          format_lazy(gettext_lazy("Accepted by {name}."), name=_name(user)), task, actor=user)
    return task


@transaction.atomic
def send_back(user, task, reason):
    _lock(task)
    _require_state(task, State.REPORTED)
    _may_direct(user, task)
    task.return_reason = _reason(reason)
    task.state = State.IN_PROGRESS
    task.reported_on = None
    _save(task, user)
    _send(assignees(task), "eoffice_tasks.closed", gettext_lazy("Task sent back"),
          task.return_reason, task, actor=user)
    return task


@transaction.atomic
def extend(user, task, deadline, reason):
    _lock(task)
    _require_state(task, *OPEN_STATES)
    _may_direct(user, task)
    reason = _reason(reason)
    if deadline is None or deadline <= task.deadline:
        _refuse(_("The new deadline must be after the current one."))
    check_deadline(task.agency, deadline)
    DeadlineChange.objects.create(task=task, old_deadline=task.deadline,
                                  new_deadline=deadline, reason=reason, changed_by=user)
    task.deadline = deadline
    _save(task, user)
    _send(assignees(task), "eoffice_tasks.closed", gettext_lazy("Deadline extended"),
          reason, task, actor=user)
    return task


@transaction.atomic
def cancel(user, task, reason):
    _lock(task)
    _require_state(task, *OPEN_STATES)
    _may_direct(user, task)
    task.cancel_reason = _reason(reason)
    task.state = State.CANCELLED
    task.closed_at = timezone.now()
    _save(task, user)
    _send(assignees(task), "eoffice_tasks.closed", gettext_lazy("Task cancelled"),
          task.cancel_reason, task, actor=user)
    return task


# --- Helpers --------------------------------------------------------------------------


def _name(person):
    return person.get_full_name() or person.get_username()


def main_assignees(task):
    """The main person, or the main unit's leaders when there is none named."""
    if task.main_person_id:
        people = [task.main_person] if task.main_person.is_active else []
        return people
    return list(get_user_model().objects.filter(
        is_active=True, positions__unit_id=task.main_unit_id,
        positions__is_leader=True).distinct())


def assignees(task):
    """The main assignees and the co-operating people (the co-operating units' leaders)."""
    people = {person.pk: person for person in main_assignees(task)}
    for person in get_user_model().objects.filter(is_active=True, pk__in=list(
            task.co_people.values_list("pk", flat=True))):
        people[person.pk] = person
    for person in get_user_model().objects.filter(
            is_active=True, positions__unit__in=task.co_units.all(),
            positions__is_leader=True).distinct():
        people[person.pk] = person
    return list(people.values())


def working_days_left(task, today=None):
    calendar = WorkingCalendar(task.agency)
    today = today or timezone.localdate()
    days, day = 0, today
    while day < task.deadline:
        day += datetime.timedelta(days=1)
        days += calendar.is_working_day(day)
    return days
