"""The transitions of a consultation; nothing else changes its state or its responses.

    draft ──open──▶ open ──close (at the deadline, by the scheduled job)──▶ closed

Each step checks who may do it (:mod:`.access`), saves a history version attributed to the
user (django-simple-history) and tells those concerned (:mod:`.notifications`, after
commit). A refused step raises :class:`TransitionError` and changes nothing.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core.calendar import add_working_days
from plugins.core.models import Position, Unit
from plugins.core.transitions import TransitionError  # noqa: F401 - the admin views catch it
from plugins.core.transitions import refuse as _refuse
from plugins.core.transitions import require_state as _require_state
from plugins.eoffice.consultations import notifications, reports
from plugins.eoffice.consultations.access import rights
from plugins.eoffice.consultations.models import (
    Consultation,
    DraftFile,
    Invitee,
    Response,
    State,
    Verdict,
)

FIELDS = ("title", "summary", "working_days")


def _save(consultation, user):
    try:
        consultation.full_clean()
    except ValidationError as error:
        _refuse("; ".join(message for messages in error.message_dict.values()
                          for message in messages))
    consultation._history_user = user
    consultation.save()


def _may_draft(user, consultation):
    if not rights(user).is_drafter(consultation):
        _refuse(_("Only the drafter may do that."))


def _lock(consultation):
    """Re-read the state under a row lock: two runs of the job never both close it."""
    current = Consultation.objects.select_for_update().filter(pk=consultation.pk).values(
        "state", "deadline", "closed_at").first()
    if current is None:
        _refuse(_("It no longer exists."))
    for name, value in current.items():
        setattr(consultation, name, value)


# --- Drafting ---------------------------------------------------------------------------


@transaction.atomic
def create(user, agency, *, people=(), units=(), files=(), **fields):
    if not rights(user).may_draft_in(agency.pk):
        _refuse(_("You may draft consultations only in your own agency."))
    consultation = Consultation(agency=agency, drafted_by=user,
                                **{name: fields[name] for name in FIELDS if name in fields})
    _save(consultation, user)
    _set_invitees(consultation, people, units)
    _add_files(consultation, files)
    return consultation


@transaction.atomic
def edit(user, consultation, *, people=None, units=None, files=(), remove_files=(),
         **fields):
    _lock(consultation)
    _require_state(consultation, State.DRAFT)
    _may_draft(user, consultation)
    for name, value in fields.items():
        if name not in FIELDS:
            raise TypeError(f"{name} cannot be set here")
        setattr(consultation, name, value)
    _save(consultation, user)
    if people is not None or units is not None:
        _set_invitees(consultation, people or (), units or ())
    removed = list(consultation.files.filter(pk__in=[getattr(f, "pk", f)
                                                     for f in remove_files]))
    _delete_stored([draft_file.file for draft_file in removed])
    consultation.files.filter(pk__in=[draft_file.pk for draft_file in removed]).delete()
    _add_files(consultation, files)
    return consultation


@transaction.atomic
def delete_draft(user, consultation):
    _lock(consultation)
    _require_state(consultation, State.DRAFT)
    _may_draft(user, consultation)
    _delete_files(consultation)
    consultation._history_user = user
    consultation.delete()


def _set_invitees(consultation, people, units):
    """Only the agency's own people and units may be asked; the drafter not."""
    person_ids = {getattr(person, "pk", person) for person in people}
    unit_ids = {getattr(unit, "pk", unit) for unit in units}
    staff = get_user_model().objects.filter(pk__in=person_ids, is_active=True).filter(
        Q(groups__agency_role__agency_id=consultation.agency_id)
        | Q(pk__in=Position.objects.filter(unit__agency_id=consultation.agency_id)
            .values("user_id"))).values_list("pk", flat=True).distinct()
    if set(staff) != person_ids:
        _refuse(_("A person asked is not of this agency."))
    if Unit.objects.filter(pk__in=unit_ids, agency_id=consultation.agency_id).count() != len(
            unit_ids):
        _refuse(_("A unit asked is not of this agency."))
    consultation.invitees.exclude(user_id__in=person_ids).filter(user__isnull=False).delete()
    consultation.invitees.exclude(unit_id__in=unit_ids).filter(unit__isnull=False).delete()
    have = set(consultation.invitees.values_list("user_id", "unit_id"))
    Invitee.objects.bulk_create(
        [Invitee(consultation=consultation, user_id=pk) for pk in sorted(person_ids)
         if (pk, None) not in have]
        + [Invitee(consultation=consultation, unit_id=pk) for pk in sorted(unit_ids)
           if (None, pk) not in have])


def _add_files(consultation, files):
    for upload in files:
        DraftFile.objects.create(consultation=consultation, file=upload,
                                 name=(upload.name or "")[:255])


def _delete_files(consultation):
    """The stored files of ``consultation`` go once its deletion commits."""
    files = [draft_file.file for draft_file in consultation.files.all()]
    files += [response.file for response in Response.objects.filter(
        invitee__consultation=consultation).exclude(file="")]
    _delete_stored(files)


def _delete_stored(files):
    """Delete the stored ``files`` after commit: a rolled-back deletion keeps its files."""
    names = [(field_file.storage, field_file.name) for field_file in files if field_file]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


# --- Opening and responding -------------------------------------------------------------


@transaction.atomic
def open_consultation(user, consultation, now=None):
    """Open it: the deadline is ``working_days`` working days after today (the agency's
    calendar), and those asked are told."""
    now = now or timezone.now()
    _lock(consultation)
    _require_state(consultation, State.DRAFT)
    _may_draft(user, consultation)
    if not consultation.invitees.exists():
        _refuse(_("Ask at least one person or unit."))
    consultation.state = State.OPEN
    consultation.opened_at = now
    consultation.deadline = add_working_days(consultation.agency, timezone.localtime(now).date(),
                                             consultation.working_days)
    _save(consultation, user)
    deadline = consultation.deadline.strftime("%d/%m/%Y")
    notifications._send(
        notifications.asked_recipients(consultation), notifications.ASKED,
        subject=lambda: (_("Your opinion is asked: %(title)s") % {"title": consultation.title},
                         _("%(drafter)s asks your opinion on the draft “%(title)s” by "
                           "%(deadline)s.") % {"drafter": _name(user),
                                               "title": consultation.title,
                                               "deadline": deadline}),
        body="", url=notifications.url_of(consultation), agency=consultation.agency,
        actor=user)
    return consultation


def is_past_deadline(consultation, now=None):
    now = now or timezone.now()
    return (consultation.deadline is not None
            and timezone.localtime(now).date() > consultation.deadline)


@transaction.atomic
def respond(user, invitee, verdict, text="", file=None, now=None):
    """Record (or change) the response of ``invitee``, answered by ``user``, until the
    deadline."""
    now = now or timezone.now()
    consultation = invitee.consultation
    _lock(consultation)
    _require_state(consultation, State.OPEN)
    if is_past_deadline(consultation, now):
        _refuse(_("The deadline has passed."))
    if not rights(user).answers_for(invitee):
        _refuse(_("You were not asked for this opinion."))
    if verdict not in Verdict.values:
        _refuse(_("Choose an opinion."))
    text = (text or "").strip()
    if verdict != Verdict.AGREE and not text:
        _refuse(_("Write your comments."))
    response = Response.objects.filter(invitee=invitee).first() or Response(invitee=invitee)
    response.verdict = verdict
    response.text = text
    response.responded_by = user
    response.responded_at = now
    if file is not None:
        if response.file:
            _delete_stored([response.file])
        response.file = file
        response.file_name = (file.name or "")[:255]
    response._history_user = user
    response.save()
    return response


# --- Closing at the deadline ------------------------------------------------------------


@transaction.atomic
def close(consultation, now=None, user=None):
    """Close an open consultation and flag who did not respond; tell the drafter and the
    leadership. Returns the invitees flagged now (none when it was already closed: running
    twice flags once)."""
    now = now or timezone.now()
    _lock(consultation)
    if consultation.state != State.OPEN:
        return []
    consultation.state = State.CLOSED
    consultation.closed_at = now
    _save(consultation, user)
    flagged = list(consultation.invitees.filter(response__isnull=True, flagged_at__isnull=True)
                   .select_related("user", "unit"))
    Invitee.objects.filter(pk__in=[invitee.pk for invitee in flagged]).update(flagged_at=now)
    url = notifications.url_of(consultation)
    notifications._send(
        notifications.drafter_recipients(consultation), notifications.CLOSED,
        subject=lambda: (_("Consultation closed: %(title)s") % {"title": consultation.title},
                         reports.as_text(consultation)),
        body="", url=url, agency=consultation.agency, actor=user)
    if flagged:
        notifications._send(
            notifications.leadership_recipients(consultation, flagged),
            notifications.NON_RESPONDERS,
            subject=lambda: (
                _("No response by the deadline: %(title)s") % {"title": consultation.title},
                _("These people and units did not respond by %(deadline)s to the "
                  "consultation “%(title)s” of %(drafter)s:") % {
                    "deadline": consultation.deadline.strftime("%d/%m/%Y"),
                    "title": consultation.title,
                    "drafter": _name(consultation.drafted_by)}
                + "\n" + "\n".join(f"- {invitee.name}" for invitee in flagged)),
            body="", url="", agency=consultation.agency, actor=user)
    return flagged


def close_due(now=None):
    """The scheduled job: close every open consultation whose deadline has passed. Returns
    ``{consultation id: number flagged}``."""
    now = now or timezone.now()
    due = Consultation.objects.filter(state=State.OPEN,
                                      deadline__lt=timezone.localtime(now).date())
    return {consultation.pk: len(close(consultation, now))
            for consultation in due.select_related("agency", "drafted_by")}


def _name(user):
    if user is None:
        return str(gettext_lazy("(unknown)"))
    return user.get_full_name() or user.get_username()
