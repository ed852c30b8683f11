"""Reminders of deadlines (R-EO-14): a pure decision, sent once, on working days."""

import datetime

import pytest
from django_q.models import Schedule

from plugins.core.calendar import WorkingCalendar
from plugins.core.models import Notification, OutgoingMail
from plugins.eoffice.tasks import reminders
from plugins.eoffice.tasks.models import ReminderSent, Task

MON = datetime.date(2026, 6, 1)  # a Monday with no holiday around


class Calendar:
    """Monday to Friday."""

    def is_working_day(self, day):
        return day.weekday() < 5

    def add_working_days(self, day, n):
        for _ in range(n):
            day += datetime.timedelta(days=1)
            while day.weekday() >= 5:
                day += datetime.timedelta(days=1)
        return day


def decide(today, deadline=MON + datetime.timedelta(days=3), sent=()):
    return reminders.decide(deadline, today, Calendar(), 2, [10], 20, set(sent))


def test_R_EO_14_nothing_long_before_the_deadline():
    assert decide(MON, deadline=MON + datetime.timedelta(days=14)) == []


def test_R_EO_14_the_main_assignee_is_reminded_n_working_days_before():
    thursday = MON + datetime.timedelta(days=3)
    assert decide(MON, deadline=thursday) == []
    assert decide(MON + datetime.timedelta(days=1), deadline=thursday) == [
        (10, "soon", thursday)]
    # Counted in working days: a Monday deadline is reminded on the Thursday before.
    next_monday = MON + datetime.timedelta(days=7)
    assert decide(MON + datetime.timedelta(days=3), deadline=next_monday) == [
        (10, "soon", next_monday)]


def test_R_EO_14_once_only_and_again_on_the_day():
    thursday = MON + datetime.timedelta(days=3)
    sent = {(10, "soon", thursday)}
    assert decide(MON + datetime.timedelta(days=2), deadline=thursday, sent=sent) == []
    assert decide(thursday, deadline=thursday, sent=sent) == [(10, "due", thursday)]


def test_R_EO_14_overdue_the_assignee_and_the_assigner_once_per_working_day():
    friday = MON + datetime.timedelta(days=4)
    assert decide(friday, deadline=MON) == [(10, "overdue", friday), (20, "overdue", friday)]
    assert decide(friday, deadline=MON, sent={(10, "overdue", friday),
                                              (20, "overdue", friday)}) == []
    assert decide(friday + datetime.timedelta(days=1), deadline=MON) == []  # Saturday


def test_R_EO_14_the_lead_time_is_a_setting(settings):
    assert reminders.remind_days() == 2
    settings.EOFFICE_TASKS_REMIND_DAYS = 5
    assert reminders.remind_days() == 5


@pytest.mark.django_db
def test_R_EO_14_the_daily_job_sends_once(make_task, staff):
    from tests.eoffice_tasks.conftest import past_working_day

    task = make_task()
    Task.objects.filter(pk=task.pk).update(deadline=past_working_day())
    done = make_task(state="done")
    Task.objects.filter(pk=done.pk).update(deadline=past_working_day())
    today = WorkingCalendar().next_working_day(datetime.date.today())
    OutgoingMail.objects.all().delete()
    assert reminders.run_reminders(today) == 2
    assert set(ReminderSent.objects.values_list("user__username", "kind")) == {
        ("chuyenvien", "overdue"), ("truongban", "overdue")}
    # Each of them told once, in the notification centre and by mail.
    told = Notification.objects.filter(kind="eoffice_tasks.reminder")
    assert sorted(told.values_list("user__username", flat=True)) == ["chuyenvien", "truongban"]
    assert sorted(address for mail in OutgoingMail.objects.all() for address in mail.to) == [
        "chuyenvien@example.test", "truongban@example.test"]
    assert reminders.run_reminders(today) == 0
    assert told.count() == 2 and OutgoingMail.objects.count() == 2


@pytest.mark.django_db
def test_R_EO_14_the_schedule_exists_after_migrate():
    assert Schedule.objects.filter(func=reminders.RUN_FUNC).count() == 1
    reminders.schedule_reminders()
    assert Schedule.objects.filter(func=reminders.RUN_FUNC).count() == 1
