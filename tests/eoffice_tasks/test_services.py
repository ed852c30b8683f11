"""The transitions of a task (R-EO-14): who assigns, reports, accepts, sends back,
extends and cancels; refusals change nothing."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from plugins.core.calendar import WorkingCalendar
from plugins.core.models import DayOverride, OutgoingMail
from plugins.eoffice.tasks import services
from plugins.eoffice.tasks.models import DeadlineChange, ProgressReport, State, Task

pytestmark = pytest.mark.django_db


def test_R_EO_14_the_agency_leader_assigns_an_official_order(make_task, staff, units):
    task = make_task(co_units=[units["business"]], co_people=[staff["outsider"]],
                     source="Kết luận giao ban")
    assert task.state == State.IN_PROGRESS
    assert task.assigned_by == staff["director"]
    assert task.main_unit == units["investment"] and task.main_person == staff["specialist"]
    assert list(task.co_units.all()) == [units["business"]]
    assert task.history.count() == 1
    assert task.history.first().history_user == staff["director"]
    to = {address for m in OutgoingMail.objects.all() for address in m.to}
    assert "chuyenvien@example.test" in to and "chuyenvienqldn@example.test" in to


def test_R_EO_14_the_main_unit_follows_the_main_person(bql, staff, units, working_day):
    task = services.assign(staff["director"], bql, title="A", content="B",
                           main_person=staff["outsider"], deadline=working_day)
    assert task.main_unit == units["business"]


def test_R_EO_14_a_deadline_in_working_days_follows_the_agency_calendar(bql, staff, units):
    today = timezone.localdate()
    expected = WorkingCalendar(bql).add_working_days(today, 3)
    task = services.assign(staff["director"], bql, title="A", content="B",
                           main_unit=units["investment"], working_days=3)
    assert task.deadline == expected
    # An agency's own day off moves it.
    DayOverride.objects.create(agency=bql, date=expected, kind="off", reason="Nghỉ bù")
    other = services.assign(staff["director"], bql, title="A", content="B",
                            main_unit=units["investment"], working_days=3)
    assert other.deadline > expected


def test_R_EO_14_a_deadline_on_a_day_off_or_in_the_past_is_refused(bql, staff, units):
    day = timezone.localdate() + datetime.timedelta(days=14)
    while WorkingCalendar(bql).is_working_day(day):
        day += datetime.timedelta(days=1)
    for bad in (day, timezone.localdate() - datetime.timedelta(days=1)):
        with pytest.raises(services.TransitionError):
            services.assign(staff["director"], bql, title="A", content="B",
                            main_unit=units["investment"], deadline=bad)
    assert not Task.objects.exists()


def test_R_EO_14_a_unit_leader_assigns_only_within_their_unit(bql, staff, units, working_day):
    leader = staff["leader"]
    task = services.assign(leader, bql, title="A", content="B", main_person=staff["specialist"],
                           co_people=[staff["colleague"]], deadline=working_day)
    assert task.main_unit == units["investment"]
    for fields in ({"main_unit": units["business"]},
                   {"main_person": staff["outsider"]},
                   {"main_unit": units["investment"], "co_units": [units["business"]]},
                   {"main_unit": units["investment"], "co_people": [staff["outsider"]]}):
        with pytest.raises(services.TransitionError):
            services.assign(leader, bql, title="A", content="B", deadline=working_day,
                            **fields)
    assert Task.objects.count() == 1


@pytest.mark.parametrize("who", ["specialist", "clerk", "it_admin", "skh_director"])
def test_R_EO_14_others_cannot_assign(bql, staff, units, working_day, who):
    with pytest.raises(services.TransitionError):
        services.assign(staff[who], bql, title="A", content="B",
                        main_unit=units["investment"], deadline=working_day)
    assert not Task.objects.exists()


def test_R_EO_14_units_and_people_of_another_agency_are_refused(bql, staff, units, working_day):
    for fields in ({"main_unit": units["skh_office"]},
                   {"main_unit": units["investment"], "co_people": [staff["skh_clerk"]]}):
        with pytest.raises(services.TransitionError):
            services.assign(staff["director"], bql, title="A", content="B",
                            deadline=working_day, **fields)
    assert not Task.objects.exists()


def test_R_EO_14_assignees_report_progress_with_a_file(make_task, staff, units, settings,
                                                       tmp_path):
    settings.EOFFICE_FILES_ROOT = tmp_path
    task = make_task(co_units=[units["business"]])
    services.report_progress(staff["outsider"], task, 30, "Đã phối hợp",
                             SimpleUploadedFile("bc.pdf", b"%PDF-1.4 x"))
    services.report_progress(staff["specialist"], task, 50, "Đang làm")
    task.refresh_from_db()
    assert task.progress == 50
    report = ProgressReport.objects.get(percent=30)
    assert report.file_name == "bc.pdf" and (tmp_path / report.file.name).exists()
    for who, percent in (("clerk", 10), ("skh_clerk", 10), ("specialist", 120)):
        with pytest.raises(services.TransitionError):
            services.report_progress(staff[who], task, percent, "x")
    assert ProgressReport.objects.count() == 2


def test_R_EO_14_the_main_assignee_reports_completion_the_assigner_accepts(make_task, staff):
    task = make_task()
    with pytest.raises(services.TransitionError):
        services.report_completion(staff["colleague"], task, "Xong")
    services.report_completion(staff["specialist"], task, "Xong")
    task.refresh_from_db()
    assert task.state == State.REPORTED and task.reported_on == timezone.localdate()
    assert any("truongban@example.test" in m.to for m in OutgoingMail.objects.all())
    for who in ("specialist", "leader", "skh_director"):
        with pytest.raises(services.TransitionError):
            services.accept(staff[who], task)
    services.accept(staff["director"], task)
    task.refresh_from_db()
    assert task.state == State.DONE and not task.done_late


def test_R_EO_14_the_unit_leader_reports_for_a_unit_without_a_main_person(make_task, staff,
                                                                         units):
    task = make_task(main_person=None, main_unit=units["investment"])
    services.report_completion(staff["leader"], task, "Xong")
    assert Task.objects.get().state == State.REPORTED


def test_R_EO_14_sent_back_with_a_reason(make_task, staff):
    task = make_task(state="reported")
    with pytest.raises(services.TransitionError):
        services.send_back(staff["director"], task, "  ")
    assert Task.objects.get().state == State.REPORTED
    services.send_back(staff["director"], task, "Thiếu số liệu quý III")
    task.refresh_from_db()
    assert task.state == State.IN_PROGRESS and task.return_reason == "Thiếu số liệu quý III"
    assert task.reported_on is None


def test_R_EO_14_the_assigner_extends_with_history(make_task, staff, bql):
    task = make_task()
    old = task.deadline
    new = WorkingCalendar(bql).add_working_days(old, 3)
    with pytest.raises(services.TransitionError):
        services.extend(staff["leader"], task, new, "Chờ ý kiến")
    with pytest.raises(services.TransitionError):
        services.extend(staff["director"], task, old, "Chờ ý kiến")
    services.extend(staff["director"], task, new, "Chờ ý kiến")
    task.refresh_from_db()
    assert task.deadline == new
    change = DeadlineChange.objects.get()
    assert (change.old_deadline, change.new_deadline, change.reason) == (old, new, "Chờ ý kiến")
    assert task.history.count() == 2


def test_R_EO_14_cancel_and_nothing_after(make_task, staff):
    task = make_task()
    with pytest.raises(services.TransitionError):
        services.cancel(staff["specialist"], task, "x")
    services.cancel(staff["director"], task, "Không còn cần thiết")
    task.refresh_from_db()
    assert task.state == State.CANCELLED
    for call in (lambda: services.report_progress(staff["specialist"], task, 10, "x"),
                 lambda: services.report_completion(staff["specialist"], task, "x"),
                 lambda: services.accept(staff["director"], task),
                 lambda: services.cancel(staff["director"], task, "x")):
        with pytest.raises(services.TransitionError):
            call()
    assert Task.objects.get().state == State.CANCELLED


def test_R_EO_14_refusals_are_translated(make_task, staff):
    from django.utils import translation

    task = make_task()
    with translation.override("vi"), pytest.raises(services.TransitionError) as error:
        services.accept(staff["director"], task)
    assert "Không" in error.value.message or "không" in error.value.message
    mail.outbox.clear()
