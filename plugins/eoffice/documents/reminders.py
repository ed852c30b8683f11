"""Reminders of review and processing deadlines, so that nothing is left pending unnoticed
(R-EO-7, R-EO-18).

A django-q2 schedule runs :func:`send_reminders` every :data:`EVERY_MINUTES` minutes:

- a draft under review (``review_due_at``, :mod:`.services.outgoing`): its reviewers (the
  drafting unit's leaders, or the directors) are reminded from the first office hour of the
  working day before the due day — for an urgent draft, when one office hour is left — and
  once more when the due time has passed;
- an incoming document in processing: its main and co-handlers (a person, or the leaders of
  a unit) are reminded when its deadline is today or the next working day, and once more
  when the deadline has passed.

Each reminder is a :class:`~.models.Reminder` row (kind, document, person, due time) that a
unique constraint makes once only: the row is written in the same transaction as the mail
(:func:`.services.common.notify`, sent after commit), so a second run — or one running at the
same time, which waits on the first one's row — sends nothing again. Whoever has acted is no
longer reminded: a forwarded, approved or returned draft is no longer under their review, a
document whose result is recorded is no longer in processing, and a recalled or reassigned
handling is no longer theirs. One mail per person and run lists all their documents.
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plugins.core.calendar import OFFICE_TZ, WorkingCalendar
from plugins.core.models import Position, Role
from plugins.eoffice.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingState,
    OutgoingDocument,
    OutgoingState,
    Reminder,
    ReminderKind,
)
from plugins.eoffice.documents.services.common import end_of_day, notify, today

SEND_FUNC = "plugins.eoffice.documents.reminders.send_reminders"
EVERY_MINUTES = 15
URGENT_REMIND_BEFORE = datetime.timedelta(hours=1)
REVIEW_STATES = (OutgoingState.UNIT_REVIEW, OutgoingState.DIRECTOR_REVIEW)
# Deadlines further than this are never "due soon", whatever the holidays in between: the
# working-day check runs only on documents nearer than that.
_LOOKAHEAD = datetime.timedelta(days=31)


class Calendars(dict):
    """One working calendar per agency, loaded once per run."""

    def __missing__(self, agency):
        calendar = self[agency] = WorkingCalendar(agency)
        return calendar


# --- Who ----------------------------------------------------------------------------------


def unit_leaders_by_unit(unit_ids):
    """``{unit_id: [active leaders]}`` in one query."""
    found = defaultdict(list)
    for position in Position.objects.filter(unit_id__in=set(unit_ids), is_leader=True,
                                            user__is_active=True).select_related("user"):
        if position.user not in found[position.unit_id]:
            found[position.unit_id].append(position.user)
    return found


def directors_by_agency(agency_ids):
    """``{agency_id: [active directors and deputies]}`` in one query."""
    found = defaultdict(list)
    users = get_user_model().objects.filter(
        is_active=True, groups__agency_role__role=Role.AGENCY_LEADER,
        groups__agency_role__agency_id__in=set(agency_ids),
    ).annotate(director_of=F("groups__agency_role__agency_id")).order_by("pk")
    for user in users:
        found[user.director_of].append(user)
    return found


def reviewers(drafts):
    """``{draft.pk: [people it waits for]}`` for drafts under review."""
    leaders = unit_leaders_by_unit(d.drafting_unit_id for d in drafts
                                   if d.state == OutgoingState.UNIT_REVIEW)
    heads = directors_by_agency(d.agency_id for d in drafts
                                if d.state == OutgoingState.DIRECTOR_REVIEW)
    return {d.pk: (leaders[d.drafting_unit_id] if d.state == OutgoingState.UNIT_REVIEW
                   else heads[d.agency_id]) for d in drafts}


def handlers(documents):
    """``{document.pk: [people]}``: the live main and co-handlers (a unit's leaders for a
    unit)."""
    assignments = list(Assignment.objects.filter(
        document__in=documents, is_active=True, recalled_at__isnull=True,
        role__in=[AssignmentRole.MAIN, AssignmentRole.CO]).select_related("person"))
    leaders = unit_leaders_by_unit(a.unit_id for a in assignments if a.unit_id)
    found = defaultdict(list)
    for assignment in assignments:
        people = ([assignment.person] if assignment.person_id and assignment.person.is_active
                  else leaders[assignment.unit_id] if assignment.unit_id else [])
        for person in people:
            if person not in found[assignment.document_id]:
                found[assignment.document_id].append(person)
    return found


# --- When ---------------------------------------------------------------------------------


def working_day_before(calendar, day):
    day -= datetime.timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def review_reminder_kind(calendar, draft, now):
    """Which reminder the draft's reviewers are due at ``now``, if any."""
    due = draft.review_due_at
    if now > due:
        return ReminderKind.REVIEW_OVERDUE
    if draft.is_urgent:
        near = calendar.working_time_between(now, due) <= URGENT_REMIND_BEFORE
    else:
        day_before = working_day_before(calendar, due.astimezone(OFFICE_TZ).date())
        near = now >= datetime.datetime.combine(day_before, draft.agency.morning_start,
                                                tzinfo=OFFICE_TZ)
    return ReminderKind.REVIEW_DUE if near else None


def handling_reminder_kind(calendar, document, day):
    """Which reminder the document's handlers are due on ``day``, if any: its deadline has
    passed, or is at most one working day away (today, or the next working day)."""
    if document.deadline < day:
        return ReminderKind.HANDLING_OVERDUE
    if document.deadline <= calendar.next_working_day(day + datetime.timedelta(days=1)):
        return ReminderKind.HANDLING_DUE
    return None


# --- What ---------------------------------------------------------------------------------


def _due_reviews(now, calendars):
    drafts = list(OutgoingDocument.objects.filter(
        state__in=REVIEW_STATES, review_due_at__isnull=False,
        review_due_at__lte=now + _LOOKAHEAD).select_related("agency", "drafting_unit"))
    waiting = reviewers(drafts)
    for draft in drafts:
        kind = review_reminder_kind(calendars[draft.agency], draft, now)
        if kind:
            for person in waiting[draft.pk]:
                yield kind, draft, person, draft.review_due_at


def _due_handling(now, calendars):
    day = today(now)
    documents = list(IncomingDocument.objects.filter(
        state=IncomingState.ASSIGNED, deadline__isnull=False,
        deadline__lte=day + _LOOKAHEAD).select_related("agency"))
    people = handlers(documents)
    for document in documents:
        kind = handling_reminder_kind(calendars[document.agency], document, day)
        if kind:
            for person in people[document.pk]:
                yield kind, document, person, end_of_day(document.agency, document.deadline)


def _claim(kind, document, person, due_at):
    """Record the reminder; False if it was sent already (by this or a parallel run)."""
    field = "outgoing" if isinstance(document, OutgoingDocument) else "incoming"
    try:
        with transaction.atomic():
            Reminder.objects.create(agency_id=document.agency_id, kind=kind, recipient=person,
                                    due_at=due_at, **{field: document})
    except IntegrityError:
        return False
    return True


def _sent_before(candidates):
    outgoing = {c[1].pk for c in candidates if isinstance(c[1], OutgoingDocument)}
    incoming = {c[1].pk for c in candidates if isinstance(c[1], IncomingDocument)}
    rows = Reminder.objects.filter(outgoing_id__in=outgoing) | Reminder.objects.filter(
        incoming_id__in=incoming)
    return set(rows.values_list("kind", "outgoing_id", "incoming_id", "recipient_id", "due_at"))


def _key(kind, document, person, due_at):
    if isinstance(document, OutgoingDocument):
        return (kind, document.pk, None, person.pk, due_at)
    return (kind, None, document.pk, person.pk, due_at)


def send_reminders(now=None):
    """The django-q2 task: send what is due and not yet sent. Returns how many reminders
    (person × document) went out."""
    now = now or timezone.now()
    calendars = Calendars()
    candidates = [*_due_reviews(now, calendars), *_due_handling(now, calendars)]
    if not candidates:
        return 0
    with transaction.atomic():
        sent = _sent_before(candidates)
        by_person = defaultdict(list)
        for candidate in candidates:
            if _key(*candidate) not in sent and _claim(*candidate):
                by_person[candidate[2]].append(candidate)
        for person, items in by_person.items():
            notify([person], lambda items=items: compose(items), "eoffice_documents.reminder")
    return sum(len(items) for items in by_person.values())


# --- The mail -----------------------------------------------------------------------------


def _when(moment):
    return moment.astimezone(OFFICE_TZ).strftime("%H:%M %d/%m/%Y")


def describe(document):
    """A line naming the document; a secret one by its number only, never its summary."""
    if isinstance(document, OutgoingDocument):
        if document.is_secret:
            return _("A secret draft of %(unit)s") % {"unit": document.drafting_unit.name}
        return _("Draft “%(subject)s”") % {"subject": document.subject[:200]}
    if document.is_secret:
        return _("Secret document %(number)s (arrival number %(arrival)02d)") % {
            "number": document.number_notation, "arrival": document.arrival_number}
    return _("%(number)s of %(sender)s: %(subject)s") % {
        "number": document.number_notation, "sender": document.sender_name,
        "subject": document.subject[:200]}


def _line(kind, document, due_at):
    what = describe(document)
    if kind == ReminderKind.REVIEW_DUE:
        return _("%(what)s — your review is due at %(due)s.") % {"what": what,
                                                                 "due": _when(due_at)}
    if kind == ReminderKind.REVIEW_OVERDUE:
        return _("%(what)s — your review was due at %(due)s and is late.") % {
            "what": what, "due": _when(due_at)}
    deadline = document.deadline.strftime("%d/%m/%Y")
    if kind == ReminderKind.HANDLING_DUE:
        return _("%(what)s — to be processed by %(deadline)s.") % {"what": what,
                                                                   "deadline": deadline}
    return _("%(what)s — the processing deadline %(deadline)s has passed.") % {
        "what": what, "deadline": deadline}


def compose(items):
    """(subject, body) of one person's reminder listing ``items``."""
    late = sum(kind in (ReminderKind.REVIEW_OVERDUE, ReminderKind.HANDLING_OVERDUE)
               for kind, *_rest in items)
    subject = ngettext("E-office reminder: %(count)d document waiting for you",
                       "E-office reminder: %(count)d documents waiting for you",
                       len(items)) % {"count": len(items)}
    if late:
        subject += " " + ngettext("(%(count)d late)", "(%(count)d late)", late) % {
            "count": late}
    lines = [f"- {_line(kind, document, due_at)}" for kind, document, _person, due_at in items]
    body = "\n".join([_("These documents are waiting for you:"), "", *lines, "",
                      _("Open your inbox in the e-office to act on them.")])
    return subject, body


def schedule_reminders(**kwargs):
    """Create the reminders' schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=SEND_FUNC,
        defaults={"name": "eoffice: review and processing deadline reminders",
                  "schedule_type": Schedule.MINUTES, "minutes": EVERY_MINUTES},
    )
