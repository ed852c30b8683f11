"""Incoming documents, from the clerk's register to the dossier (R-EO-2…R-EO-5, R-EO-18).

    register → (director) assign → (unit leader) reassign → (handler) record result → file
                      ↘ recall (director, with a reason) → registered again
    registered/assigned → return to the clerk (with a reason) → resubmit → registered

Every function takes the acting user first, checks who they are and the document's state,
raises :class:`TransitionError` otherwise (nothing changed), and records a step of the
processing slip.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core import numbers
from plugins.core.calendar import OFFICE_TZ, WorkingCalendar
from plugins.core.files.formats import check_file
from plugins.core.models import Position
from plugins.core.text import fold, nfc
from plugins.eoffice.documents import access, numbering
from plugins.eoffice.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingFile,
    IncomingState,
    RegisterKind,
    Secrecy,
    Source,
    StepAction,
    Urgency,
)
from plugins.eoffice.documents.services.common import (
    TransitionError,
    deadline_in,
    directors,
    notify,
    refuse,
    require_reason,
    require_state,
    save,
    step,
    unit_leaders,
)

__all__ = [
    "TransitionError", "DuplicateDocument", "Registration", "register", "subject_warnings",
    "find_duplicate", "assign", "reassign", "recall", "return_to_clerk", "resubmit",
    "record_result", "file_into", "reply", "mark_read", "main_assignment", "is_handler",
    "revoke_by_sender", "amend_by_sender", "AMENDABLE_FIELDS",
]

# Scanned pages and electronic files the clerk attaches (checked by content, core).
ACCEPTED_FILES = ("pdf", "jpg", "jpeg", "png", "docx", "odt", "doc")
MAX_FILE_MB = 50
# Trích yếu that say nothing (seed 004 Đ9.1: not "V/v Mời họp" but "UBND tỉnh mời họp ngày
# … về việc …"): a subject made only of these words, folded, is too generic.
_GENERIC = re.compile(
    r"^(v/?v|ve viec)?\s*(moi hop|moi du hop|giay moi|thong bao|bao cao|cong van|"
    r"de nghi|to trinh|ke hoach|quyet dinh|xin y kien|gop y|trien khai|phoi hop)?\s*[.:]?$")
_MIN_WORDS = 6
# A clerk's clock may run a little ahead of the server's.
CLOCK_SKEW = datetime.timedelta(minutes=10)


class DuplicateDocument(TransitionError):
    """The same sender's document (number, date) is already registered: ``existing``."""

    def __init__(self, message, existing):
        super().__init__(message)
        self.existing = existing


@dataclass
class Registration:
    document: IncomingDocument
    warnings: list = field(default_factory=list)


def subject_warnings(subject):
    """Why a trích yếu is too vague to find the document again, if it is."""
    folded = fold(nfc(subject or "")).strip()
    if _GENERIC.match(folded) or len(folded.split()) < _MIN_WORDS:
        return [_("The summary “%(subject)s” is too general: say who, what and when, as in "
                  "“UBND tỉnh mời họp ngày 12/3 về việc giải phóng mặt bằng”.")
                % {"subject": subject}]
    return []


def _number_key(text):
    return numbers.search_key(text) or fold(" ".join((text or "").split()))


def find_duplicate(agency, *, number_notation, issue_date, sender_name="", sender_agency=None,
                   exclude=None):
    """The agency's incoming document with the same sender, number and date, if any."""
    candidates = IncomingDocument.objects.filter(
        agency=agency, number_key=_number_key(number_notation), issue_date=issue_date,
    ).exclude(state=IncomingState.REVOKED)  # recalled by its sender: a replacement may come
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    sender = fold(sender_name).strip()
    for candidate in candidates:
        if sender_agency is not None and candidate.sender_agency_id == sender_agency.pk:
            return candidate
        if sender and fold(candidate.sender_name).strip() == sender:
            return candidate
    return None


def _check_files(files, secret):
    if files and secret:
        refuse(_("A secret document is registered with its metadata only: never attach "
                 "its file."))
    from django.core.exceptions import ValidationError

    for upload in files:
        try:
            check_file(upload, upload.name, accepted=ACCEPTED_FILES, max_mb=MAX_FILE_MB)
        except ValidationError as error:
            raise TransitionError(" ".join(error.messages)) from error


@transaction.atomic
def register(user, register, *, arrived_at, sender_name, number_notation, issue_date,
             subject, type_code="", urgency=Urgency.NORMAL, secrecy=Secrecy.NONE,
             page_count=None, source=Source.PAPER, sender_agency=None, sender_organ_id="",
             signer_name="", files=(), from_outgoing=None, system=False, outage=None,
             as_of=None, arrival_recorded=False):
    """The clerk enters a document in ``register``: it gets the register's next arrival
    number of the year and waits for the director's assignment (R-EO-2).

    ``system`` is delivery between agencies of this installation (no clerk acts).
    The arrival time is today or the previous working day (Decree 30: registered the day
    it arrives or the next working day); an earlier one only in ``outage`` entry mode,
    inside its window (R-EO-17). ``as_of`` is the moment of registering (now): the demo
    loader replays its weeks of history with it. ``arrival_recorded``: the arrival time was
    recorded by the system when the document arrived (exchange), not typed: not checked."""
    agency = register.agency
    if not system and not access.is_clerk(user, agency.pk):
        refuse(_("Only a clerk of %(agency)s registers its incoming documents."),
               agency=agency.name)
    if not (system or arrival_recorded):
        check_arrival(agency, arrived_at, outage=outage, now=as_of)
    if register.kind != RegisterKind.INCOMING or not register.is_active:
        refuse(_("“%(register)s” is not a register of incoming documents in use."),
               register=register.name)
    secret = secrecy != Secrecy.NONE
    if secret != register.is_secret:
        refuse(_("Secret documents go into a secret register, and only they do."))
    _check_files(files, secret)
    if not (subject or "").strip() or not (number_notation or "").strip():
        refuse(_("The number and the summary are required."))
    existing = find_duplicate(agency, number_notation=number_notation, issue_date=issue_date,
                              sender_name=sender_name, sender_agency=sender_agency)
    if existing is not None:
        raise DuplicateDocument(
            _("This document is already registered: arrival number %(number)02d of "
              "%(date)s.") % {"number": existing.arrival_number,
                              "date": timezone.localtime(existing.arrived_at)
                              .strftime("%d/%m/%Y")}, existing)
    year = numbering.local_year(arrived_at)
    document = IncomingDocument(
        agency=agency, register=register, year=year,
        arrival_number=numbering.next_number(register, year), arrived_at=arrived_at,
        sender_agency=sender_agency, sender_name=nfc(sender_name).strip(),
        sender_organ_id=sender_organ_id or (sender_agency.organ_id if sender_agency else ""),
        number_notation=_canonical(number_notation), number_key=_number_key(number_notation),
        issue_date=issue_date, type_code=type_code, subject=subject, urgency=urgency,
        secrecy=secrecy, page_count=page_count, source=source, signer_name=signer_name,
        registered_by=None if system else user, from_outgoing=from_outgoing, outage=outage)
    save(document, None if system else user)
    for upload in files:
        IncomingFile.objects.create(document=document, file=upload, name=upload.name,
                                    uploaded_by=None if system else user)
    step(document, StepAction.REGISTER, None if system else user,
         note=_("Received from %(sender)s") % {"sender": document.sender_name}
         if system else outage_note(outage), at=arrived_at if outage else None, outage=outage)
    if document.is_urgent:
        _notify_urgent(directors(agency), document)
    return Registration(document, subject_warnings(subject))


def earliest_arrival(agency, now=None):
    """The earliest arrival time a normal registration accepts: the start of the previous
    working day (the agency's calendar)."""
    day = timezone.localtime(now or timezone.now(), OFFICE_TZ).date()
    calendar = WorkingCalendar(agency)
    previous = day - datetime.timedelta(days=1)
    for _attempt in range(30):
        if calendar.is_working_day(previous):
            break
        previous -= datetime.timedelta(days=1)
    return datetime.datetime.combine(previous, datetime.time(0, 0), tzinfo=OFFICE_TZ)


def check_arrival(agency, arrived_at, *, outage=None, now=None):
    """Refuse an arrival time in the future, or before the previous working day unless
    entered in outage mode inside the outage's window."""
    now = now or timezone.now()
    if arrived_at is None:
        refuse(_("Give the arrival time."))
    if arrived_at > now + CLOCK_SKEW:
        refuse(_("The arrival time %(time)s is in the future."),
               time=timezone.localtime(arrived_at).strftime("%H:%M %d/%m/%Y"))
    if outage is not None:
        if outage.agency_id != agency.pk:
            refuse(_("This outage entry belongs to another agency."))
        if not outage.covers(arrived_at):
            refuse(_("The arrival time %(time)s is outside the outage (%(outage)s)."),
                   time=timezone.localtime(arrived_at).strftime("%H:%M %d/%m/%Y"),
                   outage=str(outage))
        return
    if arrived_at < earliest_arrival(agency, now):
        refuse(_("The arrival time %(time)s is too far in the past: a document is registered "
                 "the day it arrives or the next working day. A document handled on paper "
                 "while the system was down is entered in outage mode (E-office → Outage "
                 "entry), with the outage's reason."),
               time=timezone.localtime(arrived_at).strftime("%H:%M %d/%m/%Y"))


def outage_note(outage):
    if outage is None:
        return ""
    return _("Entered after the outage (%(outage)s): %(reason)s") % {
        "outage": str(outage), "reason": outage.reason}


def _canonical(text):
    try:
        return numbers.normalize(text)
    except numbers.InvalidNumber:
        return " ".join(nfc(text).split())


def _notify_urgent(users, document):
    def compose():
        return (_("Urgent incoming document: %(number)s") % {"number": document.number_notation},
                _("%(urgency)s — %(sender)s, %(number)s: %(subject)s\n\nOpen the e-office to "
                  "handle it.") % {"urgency": document.get_urgency_display(),
                                   "sender": document.sender_name,
                                   "number": document.number_notation,
                                   "subject": document.subject})
    notify(users, compose, "eoffice_documents.urgent", agency=document.agency)


def main_assignment(document):
    return document.assignments.filter(role=AssignmentRole.MAIN, is_active=True).first()


def is_handler(user, assignment):
    """Whether ``user`` acts for ``assignment``: its person, or a leader of its unit."""
    if assignment is None:
        return False
    if assignment.person_id is not None:
        return assignment.person_id == user.pk
    return access.leads_unit(user, assignment.unit_id)


def _check_assignee(agency, unit=None, person=None):
    if (unit is None) == (person is None):
        refuse(_("Choose a unit or a person, not both."))
    if unit is not None and unit.agency_id != agency.pk:
        refuse(_("%(unit)s is not a unit of %(agency)s."), unit=unit.name, agency=agency.name)
    if person is not None and not Position.objects.filter(user=person,
                                                          unit__agency=agency).exists():
        refuse(_("%(person)s does not work for %(agency)s."),
               person=person.get_full_name() or person.get_username(), agency=agency.name)


def _as_target(target):
    from plugins.core.models import Unit

    return (target, None) if isinstance(target, Unit) else (None, target)


@transaction.atomic
def assign(user, document, *, main, co=(), info=(), deadline_days=None, instruction="",
           field="", urgency=None, at=None, outage=None):
    """The director assigns exactly one main handler (a unit or a person), co-handlers and
    people or units informed, with a deadline in working days and an instruction (bút phê)
    (R-EO-3). Urgent documents are mailed to the handlers at once. A delegate acting for
    the director assigns on their behalf (R-EO-15). ``at``/``outage``: the assignment made
    on paper during an outage, entered with its real time (see :mod:`.outage`)."""
    document = _locked(document)
    if not access.is_director(user, document.agency_id):
        refuse(_("Only the director of %(agency)s assigns its incoming documents."),
               agency=document.agency.name)
    require_state(document, IncomingState.REGISTERED)
    if main is None:
        refuse(_("Choose exactly one main handler."))
    targets = [(AssignmentRole.MAIN, main), *((AssignmentRole.CO, t) for t in co),
               *((AssignmentRole.INFO, t) for t in info)]
    seen = set()
    for _role, target in targets:
        _check_assignee(document.agency, *_as_target(target))
        key = (type(target).__name__, target.pk)
        if key in seen:
            refuse(_("%(name)s is chosen twice."), name=str(target))
        seen.add(key)
    start = timezone.localtime(at, OFFICE_TZ).date() if at else None
    deadline = deadline_in(document.agency, deadline_days, start) if deadline_days else None
    made = []
    for role, target in targets:
        unit, person = _as_target(target)
        made.append(Assignment.objects.create(
            document=document, role=role, unit=unit, person=person, assigned_by=user,
            deadline=deadline if role != AssignmentRole.INFO else None,
            instruction=instruction))
    before = document.state
    document.state = IncomingState.ASSIGNED
    document.deadline = deadline
    document.area = field or document.area
    document.urgency = urgency or document.urgency
    save(document, user)
    step(document, StepAction.ASSIGN, user, from_state=before, as_director=True, at=at,
         outage=outage, note=_join(_assignment_note(made, instruction, deadline),
                                   outage_note(outage)))
    if document.is_urgent and outage is None:
        _notify_urgent(_people_of(made), document)
    return made


def _people_of(assignments):
    from django.contrib.auth import get_user_model

    people = []
    for assignment in assignments:
        if assignment.person_id:
            people.append(assignment.person)
        else:
            people.extend(unit_leaders(assignment.unit))
    return get_user_model().objects.filter(pk__in=[p.pk for p in people], is_active=True)


def _assignment_note(assignments, instruction, deadline):
    parts = [f"{a.get_role_display()}: {a.assignee_name}" for a in assignments]
    if deadline:
        parts.append(_("deadline %(date)s") % {"date": deadline.strftime("%d/%m/%Y")})
    if instruction:
        parts.append(instruction)
    return "; ".join(parts)


def _join(*notes):
    return "\n".join(note for note in notes if note)


def _locked(document):
    """The document's row, locked for this transaction, fresh from the database."""
    return IncomingDocument.objects.select_for_update().select_related("agency").get(
        pk=document.pk)


@transaction.atomic
def reassign(user, document, person, *, co=(), instruction="", deadline_days=None):
    """A unit's leader hands the unit's main handling to one of its people (seed 004 Đ9.3)."""
    document = _locked(document)
    require_state(document, IncomingState.ASSIGNED)
    current = main_assignment(document)
    if current is None or current.unit_id is None or not access.leads_unit(user, current.unit_id):
        refuse(_("Only the leader of the unit that handles the document reassigns it."))
    for target in (person, *co):
        if not Position.objects.filter(user=target, unit_id=current.unit_id).exists():
            refuse(_("%(person)s does not work in %(unit)s."),
                   person=target.get_full_name() or target.get_username(),
                   unit=current.unit.name)
    deadline = (deadline_in(document.agency, deadline_days) if deadline_days
                else current.deadline)
    current.is_active = False
    current._history_user = user
    current.save(update_fields=["is_active"])
    made = [Assignment.objects.create(document=document, role=AssignmentRole.MAIN,
                                      person=person, parent=current, assigned_by=user,
                                      deadline=deadline, instruction=instruction)]
    made += [Assignment.objects.create(document=document, role=AssignmentRole.CO, person=p,
                                       parent=current, assigned_by=user, deadline=deadline,
                                       instruction=instruction) for p in co]
    if deadline != document.deadline:
        document.deadline = deadline
        save(document, user)
    step(document, StepAction.REASSIGN, user, note=_assignment_note(made, instruction, deadline))
    return made


@transaction.atomic
def recall(user, document, reason):
    """The director takes an assignment back, with a reason: the document waits for a new
    assignment; the earlier handlers no longer see it."""
    document = _locked(document)
    if not access.is_director(user, document.agency_id):
        refuse(_("Only the director recalls an assignment."))
    require_state(document, IncomingState.ASSIGNED)
    reason = require_reason(reason)
    _end_assignments(document)
    before = document.state
    document.state = IncomingState.REGISTERED
    document.deadline = None
    save(document, user)
    step(document, StepAction.RECALL, user, from_state=before, note=reason, as_director=True)


def _end_assignments(document):
    document.assignments.filter(recalled_at__isnull=True).update(
        is_active=False, recalled_at=timezone.now())


@transaction.atomic
def return_to_clerk(user, document, reason):
    """Send the document back to the clerk with a reason (a wrong register, a missing page,
    not this agency's business): the director before assigning it, or its main handler."""
    document = _locked(document)
    require_state(document, IncomingState.REGISTERED, IncomingState.ASSIGNED)
    as_handler = (document.state == IncomingState.ASSIGNED
                  and is_handler(user, main_assignment(document)))
    if not (as_handler or access.is_director(user, document.agency_id)):
        refuse(_("Only the director or the main handler returns a document to the clerk."))
    reason = require_reason(reason)
    _end_assignments(document)
    before = document.state
    document.state = IncomingState.RETURNED
    document.deadline = None
    save(document, user)
    step(document, StepAction.RETURN, user, from_state=before, note=reason,
         as_director=not as_handler)


@transaction.atomic
def resubmit(user, document, note=""):
    """The clerk, having put right what was wrong, sends the document to the director
    again."""
    document = _locked(document)
    if not access.is_clerk(user, document.agency_id):
        refuse(_("Only a clerk sends a returned document again."))
    require_state(document, IncomingState.RETURNED)
    document.state = IncomingState.REGISTERED
    save(document, user)
    step(document, StepAction.RESUBMIT, user, from_state=IncomingState.RETURNED, note=note)


@transaction.atomic
def record_result(user, document, result, *, at=None, outage=None):
    """The main handler says how the document was dealt with (``at``/``outage``: on paper
    during an outage, entered with its real time)."""
    document = _locked(document)
    require_state(document, IncomingState.ASSIGNED)
    if not is_handler(user, main_assignment(document)):
        refuse(_("Only the main handler records the result."))
    result = require_reason(result)
    document.state = IncomingState.DONE
    document.result = result
    save(document, user)
    step(document, StepAction.RESULT, user, from_state=IncomingState.ASSIGNED, at=at,
         outage=outage, note=_join(result, outage_note(outage)))


@transaction.atomic
def file_into(user, document, dossier):
    """The main handler files the finished document into an open work dossier of the
    agency; it stays there (R-EO-4)."""
    document = _locked(document)
    require_state(document, IncomingState.DONE)
    if not is_handler(user, main_assignment(document)):
        refuse(_("Only the main handler files the document."))
    from plugins.eoffice.documents.services import dossiers

    dossiers.check_may_file(user, dossier, document.agency_id)
    document.dossier = dossier
    document.filed_at = timezone.now()
    document.state = IncomingState.FILED
    save(document, user)
    step(document, StepAction.FILE, user, from_state=IncomingState.DONE, note=str(dossier))


def reply(user, document, **fields):
    """Start the outgoing draft that answers ``document`` (R-EO-5): its main handler or a
    co-handler drafts it in their unit."""
    from plugins.eoffice.documents.services import outgoing

    with transaction.atomic():
        document = _locked(document)
        require_state(document, IncomingState.ASSIGNED, IncomingState.DONE)
        handling = document.assignments.filter(
            role__in=[AssignmentRole.MAIN, AssignmentRole.CO], recalled_at__isnull=True)
        if not any(is_handler(user, a) for a in handling):
            refuse(_("Only the document's handlers draft its reply."))
        fields.setdefault("subject", _("Reply to %(number)s of %(sender)s: %(subject)s") % {
            "number": document.number_notation, "sender": document.sender_name,
            "subject": document.subject})
        fields.setdefault("urgency", document.urgency)
        fields.setdefault("secrecy", document.secrecy)
        draft = outgoing.create_draft(user, document.agency, in_reply_to=document, **fields)
        step(document, StepAction.REPLY, user, note=str(draft))
        return draft


@transaction.atomic
def mark_read(user, document):
    """Someone informed, or a handler, has opened the document."""
    return Assignment.objects.filter(document=document, person=user, read_at__isnull=True,
                                     recalled_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def revoke_by_sender(document, reason, files_too=True):
    """Its sender recalled the document (exchange, business "recall" or "replace"): the
    handling stops, its files are deleted, and the register keeps the row with the note,
    as Decree 30 asks of a recalled electronic document. Its number is never reused."""
    document = _locked(document)
    if document.state == IncomingState.REVOKED:
        return document
    _end_assignments(document)
    if files_too:
        for item in document.files.all():
            item.file.delete(save=False)
            item.delete()
    before = document.state
    document.state = IncomingState.REVOKED
    document.deadline = None
    document.result = reason
    save(document, None)
    step(document, StepAction.REVOKED, None, from_state=before, note=reason)
    _notify_people(_people_concerned(document), document, _(
        "The sender recalled %(number)s (%(sender)s): %(reason)s"), reason)
    return document


# What a sender's update may change in a received document.
AMENDABLE_FIELDS = ("subject", "type_code", "urgency", "page_count", "signer_name",
                    "issue_date")


@transaction.atomic
def amend_by_sender(document, changes, reason, files=None):
    """Its sender updated the document (exchange, business "update"): the changed fields and,
    if given, the files are replaced; the slip says what changed, and those handling it are
    told."""
    document = _locked(document)
    if document.state == IncomingState.REVOKED:
        refuse(_("The document was recalled by its sender."))
    unknown = set(changes) - set(AMENDABLE_FIELDS)
    if unknown:
        refuse(_("These fields cannot be updated: %(fields)s."), fields=", ".join(sorted(unknown)))
    changed = [name for name, value in changes.items() if getattr(document, name) != value]
    for name in changed:
        setattr(document, name, changes[name])
    if changed:
        save(document, None)
    if files is not None:
        for item in document.files.all():
            item.file.delete(save=False)
            item.delete()
        for upload in files:
            IncomingFile.objects.create(document=document, file=upload, name=upload.name)
        changed.append("files")
    labels = [str(IncomingDocument._meta.get_field(name).verbose_name) if name != "files"
              else _("files") for name in changed]
    note = _join(reason, ", ".join(labels))
    step(document, StepAction.AMENDED, None, note=note)
    _notify_people(_people_concerned(document), document, _(
        "The sender updated %(number)s (%(sender)s): %(reason)s"), note)
    return document


def _people_concerned(document):
    """The clerks, the directors and whoever handles or is informed of ``document``."""
    from django.contrib.auth import get_user_model

    from plugins.eoffice.documents.services.common import clerks

    handling = _people_of(document.assignments.filter(recalled_at__isnull=True)
                          .select_related("person", "unit"))
    ids = {*clerks(document.agency).values_list("pk", flat=True),
           *directors(document.agency).values_list("pk", flat=True),
           *handling.values_list("pk", flat=True)}
    return get_user_model().objects.filter(pk__in=ids)


def _notify_people(users, document, message, reason):
    def compose():
        text = message % {"number": document.number_notation, "sender": document.sender_name,
                          "reason": reason}
        return text, _("%(text)s\n\nArrival number %(arrival)02d: %(subject)s") % {
            "text": text, "arrival": document.arrival_number, "subject": document.subject}
    notify(users, compose, "eoffice_documents.incoming_changed", agency=document.agency)
