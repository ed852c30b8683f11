"""Deadline reminders (R-EO-18, R-EO-7): reviewers before and after a draft's review time,
handlers before and after a document's deadline; each once, never to who already acted."""

import datetime
from unittest import mock

import pytest
import time_machine

from plugins.core.calendar import OFFICE_TZ
from plugins.eoffice.documents import reminders
from plugins.eoffice.documents.models import Reminder, ReminderKind, Secrecy, Urgency
from plugins.eoffice.documents.services import incoming, outgoing
from tests.eoffice.conftest import incoming_fields

pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    """A moment of March 2026, office time (16/3 is a Monday; no holiday that fortnight)."""
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=OFFICE_TZ)


@pytest.fixture
def inbox_of(delivered):
    """What each address received since the last call (mail goes out after commit)."""
    def read():
        outbox = delivered()
        received = {}
        for message in outbox:
            for address in message.to:
                received.setdefault(address, []).append(message)
        outbox.clear()
        return received
    return read


def _submitted_draft(staff, bql, **fields):
    with time_machine.travel(at(16, 9), tick=False):
        draft = outgoing.create_draft(
            staff["specialist"], bql, subject="Đề nghị góp ý dự án đầu tư nhà máy may Việt Tiến",
            **fields)
        outgoing.submit(staff["specialist"], draft)
    draft.refresh_from_db()
    return draft


def _send(moment):
    with time_machine.travel(moment, tick=False):
        return reminders.send_reminders()


def test_R_EO_18_reviewer_reminded_the_working_day_before_then_once_when_late(
        staff, bql, inbox_of):
    draft = _submitted_draft(staff, bql)
    assert draft.review_due_at == at(19, 17)  # three working days: Thursday 17:00
    inbox_of()
    assert _send(at(17, 10)) == 0  # Tuesday: two working days left
    assert _send(at(18, 7, 30)) == 1  # Wednesday, the working day before
    assert _send(at(18, 7, 45)) == 0  # the job runs again: nothing twice
    received = inbox_of()
    assert list(received) == [staff["leader"].email]
    message = received[staff["leader"].email][0]
    assert message.subject == "E-office reminder: 1 document waiting for you"
    assert "Draft “Đề nghị góp ý dự án đầu tư nhà máy may Việt Tiến” — your review is due " \
        "at 17:00 19/03/2026." in message.body
    assert _send(at(19, 16, 59)) == 0
    assert _send(at(19, 17, 15)) == 1  # late: once more
    assert _send(at(20, 9)) == 0
    late = inbox_of()[staff["leader"].email][0]
    assert late.subject == "E-office reminder: 1 document waiting for you (1 late)"
    assert "your review was due at 17:00 19/03/2026 and is late" in late.body
    assert list(Reminder.objects.values_list("kind", "recipient__username")) == [
        (ReminderKind.REVIEW_OVERDUE, "truongphong"), (ReminderKind.REVIEW_DUE, "truongphong")]


def test_R_EO_18_a_parallel_run_does_not_send_again(staff, bql, inbox_of):
    """Two workers that both read "not sent yet": the unique row lets one of them send."""
    _submitted_draft(staff, bql)
    inbox_of()
    assert _send(at(18, 8)) == 1
    with mock.patch.object(reminders, "_sent_before", return_value=set()):
        assert _send(at(18, 8, 1)) == 0
    assert len(inbox_of()[staff["leader"].email]) == 1
    assert Reminder.objects.count() == 1


def test_R_EO_18_a_reviewer_who_acted_is_not_reminded_the_next_one_is(staff, bql, inbox_of):
    draft = _submitted_draft(staff, bql)
    with time_machine.travel(at(17, 9), tick=False):
        outgoing.forward(staff["leader"], draft)  # on Tuesday, before any reminder
    draft.refresh_from_db()
    assert draft.review_due_at == at(20, 17)
    inbox_of()
    assert _send(at(18, 8)) == 0  # the leader's review is done; the director's is Friday
    assert _send(at(19, 8)) == 1
    assert list(inbox_of()) == [staff["director"].email]
    with time_machine.travel(at(19, 9), tick=False):
        outgoing.approve(staff["director"], draft)
    inbox_of()
    assert _send(at(23, 9)) == 0  # approved: nobody is late
    assert inbox_of() == {}


def test_R_EO_18_an_urgent_draft_is_reminded_one_office_hour_before(staff, bql, inbox_of):
    draft = _submitted_draft(staff, bql, urgency=Urgency.URGENT)
    assert draft.review_due_at == at(16, 14, 30)  # four office hours, lunch excluded
    inbox_of()
    assert _send(at(16, 13)) == 0  # 1½ office hours left
    assert _send(at(16, 13, 31)) == 1
    assert _send(at(16, 14, 31)) == 1  # late
    assert [m.subject for m in inbox_of()[staff["leader"].email]] == [
        "E-office reminder: 1 document waiting for you",
        "E-office reminder: 1 document waiting for you (1 late)"]


@pytest.fixture
def assigned(staff, units, registers):
    """Registered and assigned to the investment unit on Monday 16/3, due in 2 working
    days (Wednesday 18/3)."""
    with time_machine.travel(at(16, 8), tick=False):
        document = incoming.register(staff["clerk"], registers["in"],
                                     **incoming_fields(arrived_at=at(16, 8))).document
        incoming.assign(staff["director"], document, main=units["investment"],
                        co=[staff["colleague"]], deadline_days=2)
    document.refresh_from_db()
    assert document.deadline == datetime.date(2026, 3, 18)
    return document


def test_R_EO_18_handlers_reminded_a_working_day_before_the_deadline_and_when_it_passed(
        staff, assigned, inbox_of):
    inbox_of()
    assert _send(at(16, 10)) == 0  # two working days left
    assert _send(at(17, 8)) == 2  # the unit's leader and the co-handler
    assert _send(at(17, 9)) == 0
    received = inbox_of()
    assert sorted(received) == sorted([staff["leader"].email, staff["colleague"].email])
    body = received[staff["leader"].email][0].body
    assert "125/GM-UBND of UBND tỉnh Tiền Giang" in body
    assert "to be processed by 18/03/2026" in body
    assert _send(at(18, 16)) == 0  # due today: reminded already
    assert _send(at(19, 8)) == 2  # the deadline passed
    assert "the processing deadline 18/03/2026 has passed" in inbox_of()[
        staff["colleague"].email][0].body


def test_R_EO_18_nobody_reminded_once_the_result_is_recorded_or_the_handling_moved(
        staff, assigned, inbox_of):
    with time_machine.travel(at(16, 14), tick=False):
        incoming.reassign(staff["leader"], assigned, staff["specialist"])
    inbox_of()
    assert _send(at(17, 8)) == 2
    assert sorted(inbox_of()) == sorted([staff["specialist"].email, staff["colleague"].email])
    with time_machine.travel(at(18, 9), tick=False):
        incoming.record_result(staff["specialist"], assigned, "Đã tham mưu văn bản trả lời.")
    assert _send(at(19, 8)) == 0  # done on time: no "overdue" for anyone
    assert inbox_of() == {}


def test_R_EO_18_a_secret_documents_reminder_does_not_tell_its_summary(
        staff, units, registers, inbox_of):
    with time_machine.travel(at(16, 8), tick=False):
        document = incoming.register(
            staff["clerk"], registers["in_secret"], secrecy=Secrecy.CONFIDENTIAL,
            **incoming_fields(arrived_at=at(16, 8), number_notation="7/M-UBND")).document
        incoming.assign(staff["director"], document, main=staff["specialist"], deadline_days=1)
    inbox_of()
    assert _send(at(17, 10)) == 1
    body = inbox_of()[staff["specialist"].email][0].body
    assert "Secret document 07/M-UBND (arrival number 01)" in body
    assert "giải phóng mặt bằng" not in body


def test_R_EO_18_the_job_is_scheduled_once(db):
    from django_q.models import Schedule

    reminders.schedule_reminders()
    reminders.schedule_reminders()
    schedule = Schedule.objects.get(func="plugins.eoffice.documents.reminders.send_reminders")
    assert (schedule.schedule_type, schedule.minutes) == (Schedule.MINUTES, 15)


@pytest.mark.django_db(transaction=True)
def test_R_EO_18_two_workers_at_the_same_moment_send_a_reminder_once(staff, bql):
    """Both workers find the reminder unsent; the database lets one of them record it, the
    other waits for it and sends nothing (PostgreSQL: SQLite runs one writer at a time)."""
    import threading

    from django.db import connection

    from plugins.core.models import OutgoingMail

    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    _submitted_draft(staff, bql)
    both_read = threading.Barrier(2, timeout=30)
    real = reminders._sent_before
    counts, errors = [], []

    def read_then_wait(candidates):
        found = real(candidates)
        both_read.wait()
        return found

    def worker():
        try:
            counts.append(reminders.send_reminders())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    with time_machine.travel(at(18, 8), tick=False), \
            mock.patch.object(reminders, "_sent_before", side_effect=read_then_wait):
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert errors == []
    assert sorted(counts) == [0, 1]
    assert Reminder.objects.count() == 1
    assert OutgoingMail.objects.filter(subject__startswith="E-office reminder").count() == 1
