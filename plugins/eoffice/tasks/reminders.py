"""Reminders of deadlines (R-EO-14), sent by a daily django-q2 schedule.

On working days only:

- the main assignee is reminded once when the deadline is at most
  ``EOFFICE_TASKS_REMIND_DAYS`` working days away (2 by default), and once on the day;
- once it is overdue, the main assignee and the assigner are reminded once per working day.

:func:`decide` is pure: given a task, the day, the calendar and what was already sent, it
says who gets which reminder. :func:`run_reminders` records each reminder
(:class:`..models.ReminderSent`, unique per task, person, kind and day) before sending, so
running it twice a day sends nothing twice.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.core.calendar import WorkingCalendar

RUN_FUNC = "plugins.eoffice.tasks.reminders.run_reminders"
DEFAULT_REMIND_DAYS = 2


def remind_days():
    return int(getattr(settings, "EOFFICE_TASKS_REMIND_DAYS", DEFAULT_REMIND_DAYS))


def decide(deadline, today, calendar, lead_days, main_ids, assigner_id, sent):
    """``[(user_id, kind, day)]`` of the reminders due today for an open task.

    ``calendar`` answers ``is_working_day`` and ``add_working_days``; ``sent`` is the set of
    ``(user_id, kind, day)`` already sent for this task."""
    if not calendar.is_working_day(today):
        return []
    if today > deadline:
        kind, day, people = "overdue", today, [*main_ids, assigner_id]
    elif today == deadline:
        kind, day, people = "due", deadline, list(main_ids)
    elif calendar.add_working_days(today, lead_days) >= deadline:
        kind, day, people = "soon", deadline, list(main_ids)
    else:
        return []
    due, seen = [], set()
    for user_id in people:
        if user_id is None or user_id in seen:
            continue
        seen.add(user_id)
        if (user_id, kind, day) not in sent:
            due.append((user_id, kind, day))
    return due


SUBJECTS = {
    "soon": _("Reminder: a task's deadline is approaching"),
    "due": _("Reminder: a task is due today"),
    "overdue": _("Overdue task"),
}
BODIES = {
    "soon": _("The deadline of this task is near; report its progress or completion."),
    "due": _("This task is due today."),
    "overdue": _("This task is past its deadline and not yet done."),
}


def run_reminders(today=None):
    """The scheduled job; returns how many reminders were sent."""
    from django.contrib.auth import get_user_model

    from plugins.eoffice.tasks.models import OPEN_STATES, ReminderSent, Task
    from plugins.eoffice.tasks.notices import _send
    from plugins.eoffice.tasks.services import main_assignees

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=remind_days() * 3 + 14)
    tasks = list(Task.objects.filter(state__in=OPEN_STATES, deadline__lte=horizon)
                 .select_related("agency", "main_person"))
    calendars, lead, count = {}, remind_days(), 0
    sent = {}
    for task_id, user_id, kind, day in ReminderSent.objects.filter(
            task__in=tasks).values_list("task_id", "user_id", "kind", "day"):
        sent.setdefault(task_id, set()).add((user_id, kind, day))
    people = get_user_model().objects.in_bulk
    for task in tasks:
        calendar = calendars.setdefault(task.agency_id, WorkingCalendar(task.agency))
        main = main_assignees(task)
        due = decide(task.deadline, today, calendar, lead, [p.pk for p in main],
                     task.assigned_by_id, sent.get(task.pk, set()))
        by_kind = {}
        for user_id, kind, day in due:
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(task=task, user_id=user_id, kind=kind, day=day)
            except IntegrityError:  # another run got there first
                continue
            by_kind.setdefault(kind, []).append(user_id)
        for kind, ids in by_kind.items():
            _send(list(people(ids).values()), "eoffice_tasks.reminder", SUBJECTS[kind],
                  BODIES[kind], task)
            count += len(ids)
    return count


def schedule_reminders(**kwargs):
    """Create the reminders' daily schedule (post_migrate; idempotent), at 07:00."""
    from django_q.models import Schedule

    first = timezone.localtime().replace(hour=7, minute=0, second=0, microsecond=0)
    if first < timezone.localtime():
        first += datetime.timedelta(days=1)
    Schedule.objects.get_or_create(
        func=RUN_FUNC,
        defaults={"name": "eoffice: reminders of assigned tasks",
                  "schedule_type": Schedule.DAILY, "next_run": first},
    )
