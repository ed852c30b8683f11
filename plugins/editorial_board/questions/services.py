"""The life of a citizen's question (R-ED-15): every state change happens here.

received → assigned to a unit → answered → published (or closed: answered privately);
received, assigned or answered → rejected (spam, out of scope) with a reason.

Who does what (regulation 000 Đ10.2, Đ10.4, Đ12): the board routes a question to the
responsible unit (or the subject area's default unit receives it at once); the leader or a
specialist of that unit writes the answer; a board member approves it for publication, or
closes it without publishing. The answer is due ``answer_working_days`` working days after
the question arrives (the agency's setting, 7 by default), at the end of that office day;
reminders go out before, at and after the due time like the publication deadlines'
(:mod:`plugins.editorial_board.moderation.deadlines`), until the unit has answered.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plugins.core.calendar import OFFICE_TZ, WorkingCalendar
from plugins.core.mail import queue_mail
from plugins.core.memberships import memberships_of
from plugins.core.models import Role
from plugins.core.text import nfc, slugify
from plugins.editorial_board.models import Question, QuestionSettings, QuestionStatus
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.moderation.deadlines import BEFORE, stage_times
from plugins.editorial_board.notifications import notify

REMINDER_FUNC = "plugins.editorial_board.questions.send_reminder"
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I to misread


# --- Who may do what ---------------------------------------------------------------------

def all_questions_agency_ids(user):
    """Agencies whose every question ``user`` sees: their board's, and as agency leader."""
    cached = getattr(user, "_editorial_all_questions", None)
    if cached is None:
        cached = (who.member_agency_ids(user)
                  | memberships_of(user).role_agency_ids(Role.AGENCY_LEADER))
        user._editorial_all_questions = cached
    return cached


def own_unit_ids(user):
    """Units ``user`` holds a position in (leader or specialist): their questions to answer."""
    return set(memberships_of(user).unit_ids)


def may_route(user, question):
    """The board routes, approves and rejects (000 Đ12)."""
    return user.is_superuser or who.is_member(user, question.agency_id)


def may_answer(user, question):
    """The leader or a specialist of the unit the question is routed to (000 Đ10.4)."""
    return user.is_superuser or (question.unit_id is not None
                                 and question.unit_id in own_unit_ids(user))


def _refuse_unless(allowed):
    if not allowed:
        raise PermissionDenied(_("You may not do this with this question."))


def _expect(question, *statuses):
    if question.status not in statuses:
        raise ValidationError(
            _("This question is “%(state)s”: it cannot be changed this way any more.")
            % {"state": question.get_status_display()})


# --- Deadlines ---------------------------------------------------------------------------

def compute_due(agency, received_at, working_calendar=None):
    """End of the office day ``answer_working_days`` working days after the receipt."""
    cal = working_calendar or WorkingCalendar(agency)
    days = QuestionSettings.for_agency(agency.pk).answer_working_days
    day = cal.add_working_days(received_at.astimezone(OFFICE_TZ).date(), days)
    return datetime.datetime.combine(day, agency.afternoon_end, tzinfo=OFFICE_TZ)


def _schedule_prefix(question):
    return f"editorial:question:{question.pk}:"


def arm(question):
    """(Re)arm the reminders while the question waits for its answer; drop them after."""
    from django_q.models import Schedule

    prefix = _schedule_prefix(question)
    if not question.is_open or question.due_at is None:
        Schedule.objects.filter(name__startswith=prefix).delete()
        question.reminders_due_at = None
    elif question.reminders_due_at != question.due_at:
        Schedule.objects.filter(name__startswith=prefix).delete()
        question.reminders_due_at, question.reminders_sent = question.due_at, []
        for stage, moment in stage_times(question.agency, question.received_at,
                                         question.due_at).items():
            Schedule.objects.create(
                name=f"{prefix}{stage}", func=REMINDER_FUNC, args=f"{question.pk},{stage!r}",
                schedule_type=Schedule.ONCE, repeats=-1, next_run=moment,
            )
    Question.objects.filter(pk=question.pk).update(
        reminders_due_at=question.reminders_due_at, reminders_sent=question.reminders_sent)
    return question


def reminder_recipients(question, stage):
    """The unit's people (the board while it has no unit); the board too from the due time."""
    users = set()
    if question.unit_id:
        users |= set(who.unit_leaders(question.unit_id))
        if question.answered_by_id is None:
            from django.contrib.auth import get_user_model

            users |= set(get_user_model().objects.filter(
                is_active=True, positions__unit_id=question.unit_id).distinct())
    if stage != BEFORE or not question.unit_id:
        users |= set(who.members(question.agency_id))
    return users


def send_reminder(question_id, stage, now=None):
    """The django-q2 task of one reminder: sent once, only while the answer is awaited."""
    now = now or timezone.now()
    with transaction.atomic():
        question = (Question.objects.select_for_update(of=("self",)).select_related("agency")
                    .filter(pk=question_id).first())
        if (question is None or not question.is_open or question.due_at is None
                or stage in question.reminders_sent
                or question.reminders_due_at != question.due_at):
            return 0
        moment = stage_times(question.agency, question.received_at, question.due_at).get(stage)
        if moment is None or moment > now:
            return 0
        question.reminders_sent = [*question.reminders_sent, stage]
        Question.objects.filter(pk=question.pk).update(reminders_sent=question.reminders_sent)
    return notify(reminder_recipients(question, stage), f"question_reminder_{stage}",
                  {"question": question})


# --- Transitions -------------------------------------------------------------------------

def _new_reference(agency, now):
    prefix = slugify(agency.symbol).upper().replace("-", "") or "HD"
    while True:
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
        reference = f"{prefix}-{now.astimezone(OFFICE_TZ):%Y}-{code}"
        if not Question.objects.filter(reference=reference).exists():
            return reference


def _locked(question):
    return Question.objects.select_for_update(of=("self",)).select_related("agency").get(
        pk=question.pk)


def _saved(question, user=None):
    if user is not None:
        question._history_user = user
    question.save()
    arm(question)
    from plugins.core.search import documents

    documents.index(question)
    return question


@transaction.atomic
def receive(agency, *, name, title, text, email="", phone="", address="", subject_area=None,
            now=None):
    """A question arrives from the public form; its subject's default unit gets it at once."""
    now = now or timezone.now()
    question = Question(
        agency=agency, reference=_new_reference(agency, now), name=nfc(name).strip(),
        email=email.strip(), phone=phone.strip(), address=nfc(address).strip(),
        subject_area=subject_area, title=nfc(title).strip(), text=nfc(text).strip(),
        received_at=now, status=QuestionStatus.RECEIVED,
    )
    question.due_at = compute_due(agency, now)
    if subject_area is not None and subject_area.default_unit_id:
        question.unit_id = subject_area.default_unit_id
        question.status, question.assigned_at = QuestionStatus.ASSIGNED, now
    _saved(question)
    notify(who.members(agency.pk), "question_received", {"question": question})
    if question.unit_id:
        _notify_unit(question)
    return question


def _notify_unit(question):
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(is_active=True,
                                             positions__unit_id=question.unit_id).distinct()
    notify(people, "question_assigned", {"question": question})


@transaction.atomic
def assign(question, unit, user, now=None):
    """The board routes (or reroutes) a waiting question to the responsible unit."""
    question = _locked(question)
    _refuse_unless(may_route(user, question))
    _expect(question, QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED)
    if unit is None or unit.agency_id != question.agency_id:
        raise ValidationError(_("Choose a unit of this agency."))
    question.unit, question.status = unit, QuestionStatus.ASSIGNED
    question.assigned_at = now or timezone.now()
    question._change_reason = _("Assigned to %(unit)s") % {"unit": unit.name}
    _saved(question, user)
    _notify_unit(question)
    return question


@transaction.atomic
def answer(question, text, user, now=None):
    """The unit writes (or, before the board decides, rewrites) the answer."""
    question = _locked(question)
    _refuse_unless(may_answer(user, question))
    _expect(question, QuestionStatus.ASSIGNED, QuestionStatus.ANSWERED)
    text = nfc(text or "").strip()
    if not text:
        raise ValidationError(_("Write the answer before sending it to the board."))
    question.answer, question.status = text, QuestionStatus.ANSWERED
    question.answered_at, question.answered_by = now or timezone.now(), user
    question._change_reason = _("Answered")
    _saved(question, user)
    notify(who.members(question.agency_id), "question_answered", {"question": question},
           exclude=[user])
    return question


@transaction.atomic
def decide(question, user, publish, answer_text=None, now=None):
    """The board approves the answer: published on the site, or closed (answered privately).

    The board may polish the answer's wording on the way. The questioner gets the answer by
    email when the agency says so and they gave an address.
    """
    question = _locked(question)
    _refuse_unless(may_route(user, question))
    _expect(question, QuestionStatus.ANSWERED)
    if answer_text is not None and nfc(answer_text).strip():
        question.answer = nfc(answer_text).strip()
    now = now or timezone.now()
    question.decided_at, question.decided_by = now, user
    if publish:
        question.status, question.published_at = QuestionStatus.PUBLISHED, now
        question._change_reason = _("Published")
    else:
        question.status = QuestionStatus.CLOSED
        question._change_reason = _("Closed without publication")
    if question.email and QuestionSettings.for_agency(question.agency_id).email_answers:
        send_answer(question)
        question.answer_emailed_at = now
    return _saved(question, user)


@transaction.atomic
def send_back(question, comment, user):
    """The board returns an answer to the unit to be reworked (the due time stays)."""
    question = _locked(question)
    _refuse_unless(may_route(user, question))
    _expect(question, QuestionStatus.ANSWERED)
    comment = nfc(comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what the unit should change in its answer."))
    question.status = QuestionStatus.ASSIGNED
    question._change_reason = comment
    _saved(question, user)
    _notify_unit(question)
    return question


@transaction.atomic
def reject(question, reason, user, now=None):
    """The board rejects spam or a question outside the agency's remit, with the reason."""
    question = _locked(question)
    _refuse_unless(may_route(user, question))
    _expect(question, QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED, QuestionStatus.ANSWERED)
    reason = nfc(reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for rejecting the question."))
    question.status, question.rejection_reason = QuestionStatus.REJECTED, reason
    question.decided_at, question.decided_by = now or timezone.now(), user
    question._change_reason = reason
    return _saved(question, user)


def send_answer(question):
    """The answer to the questioner's email, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string("editorial_board/mail/question_answer.txt",
                                {"question": question}).strip()
    subject, _sep, body = text.partition("\n")
    queue_mail(question.email, subject.strip(), body.strip())
