"""The transitions of schedule entries and plans (R-EO-10): drafted by the office, approved
by the agency leader before anyone outside sees it, sent back with a reason, changes after
publication marked with their time; history kept."""

import datetime

import pytest

from plugins.eoffice.schedules import services
from plugins.eoffice.schedules.models import Mark, PeriodKind, ScheduleEntry, State, WorkPlan
from tests.eoffice_schedules.conftest import entry_fields

pytestmark = pytest.mark.django_db


def test_r_eo_10_office_drafts_leader_approves_and_publishes(bql, staff, monday,
                                                              django_capture_on_commit_callbacks):
    entry = services.create_entry(staff["clerk"], bql, None, leaders=[staff["director"]],
                                  **entry_fields(monday))
    assert entry.state == State.DRAFT and entry.drafted_by == staff["clerk"]
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(staff["clerk"], entry)
    assert entry.state == State.SUBMITTED
    from plugins.core.models import OutgoingMail

    assert any("truongban@example.test" in m.to for m in OutgoingMail.objects.all())
    services.approve(staff["director"], entry)
    entry.refresh_from_db()
    assert entry.state == State.PUBLISHED and entry.approved_by == staff["director"]
    assert list(entry.leaders.all()) == [staff["director"]]
    assert [h.state for h in entry.history.order_by("history_date")] == [
        "draft", "submitted", "published"]
    assert entry.history.latest().history_user == staff["director"]


def test_r_eo_10_chief_of_office_drafts_the_leaders_schedule(bql, staff, monday):
    entry = services.create_entry(staff["office_head"], bql, None, **entry_fields(monday))
    assert entry.state == State.DRAFT


@pytest.mark.parametrize("who", ["specialist", "leader", "it_admin", "skh_clerk"])
def test_r_eo_10_others_may_not_draft_the_leaders_schedule(bql, staff, monday, who):
    with pytest.raises(services.TransitionError):
        services.create_entry(staff[who], bql, None, **entry_fields(monday))
    assert not ScheduleEntry.objects.exists()


@pytest.mark.parametrize("who", ["clerk", "office_head", "leader", "specialist", "skh_director"])
def test_r_eo_10_only_an_agency_leader_approves_the_leaders_schedule(make_entry, staff, who):
    entry = make_entry("submitted")
    with pytest.raises(services.TransitionError):
        services.approve(staff[who], entry)
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED and entry.approved_by is None


def test_r_eo_10_unit_schedule_drafted_by_its_people_approved_by_its_leader(bql, staff, units,
                                                                              monday):
    entry = services.create_entry(staff["specialist"], bql, units["investment"],
                                  **entry_fields(monday))
    services.submit(staff["specialist"], entry)
    with pytest.raises(services.TransitionError):
        services.approve(staff["office_head"], entry)  # another unit's leader
    services.approve(staff["leader"], entry)
    assert entry.state == State.PUBLISHED


def test_r_eo_10_send_back_needs_a_reason_and_the_draft_is_edited_again(make_entry, staff):
    entry = make_entry("submitted")
    with pytest.raises(services.TransitionError):
        services.send_back(staff["director"], entry, "  ")
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED
    services.send_back(staff["director"], entry, "Bổ sung thành phần tham dự")
    assert entry.state == State.RETURNED and entry.return_reason == "Bổ sung thành phần tham dự"
    services.edit(staff["clerk"], entry, participants="Trưởng các phòng; Công an tỉnh")
    services.submit(staff["clerk"], entry)
    assert entry.state == State.SUBMITTED and entry.return_reason == ""


def test_r_eo_10_a_published_entry_is_not_edited_as_a_draft(make_entry, staff):
    entry = make_entry("published")
    with pytest.raises(services.TransitionError):
        services.edit(staff["clerk"], entry, place="Hội trường")
    entry.refresh_from_db()
    assert entry.place == "Phòng họp số 1"


def test_r_eo_10_change_after_publication_is_marked_with_its_time(make_entry, staff):
    entry = make_entry("published")
    with pytest.raises(services.TransitionError):
        services.change_published(staff["clerk"], entry, "", place="Hội trường")
    services.change_published(staff["clerk"], entry, "Đổi phòng họp", place="Hội trường")
    entry.refresh_from_db()
    assert (entry.state, entry.mark, entry.place, entry.sequence) == (
        State.PUBLISHED, Mark.CHANGED, "Hội trường", 1)
    assert entry.changed_at is not None and entry.change_note == "Đổi phòng họp"
    services.cancel_published(staff["director"], entry, "Hoãn")
    entry.refresh_from_db()
    assert entry.mark == Mark.CANCELLED and entry.sequence == 2
    with pytest.raises(services.TransitionError):
        services.change_published(staff["clerk"], entry, "Lại đổi", place="Phòng 2")


def test_r_eo_10_specialist_may_not_cancel_a_published_entry(make_entry, staff):
    entry = make_entry("published")
    with pytest.raises(services.TransitionError):
        services.cancel_published(staff["specialist"], entry, "Hoãn")
    entry.refresh_from_db()
    assert entry.mark == Mark.NONE


def test_r_eo_10_end_before_start_is_refused(bql, staff, monday):
    with pytest.raises(services.TransitionError):
        services.create_entry(staff["clerk"], bql, None, **entry_fields(
            monday, start_time=datetime.time(10, 0), end_time=datetime.time(9, 0)))


def test_r_eo_10_unit_of_another_agency_is_refused(bql, staff, units, monday):
    with pytest.raises(services.TransitionError):
        services.create_entry(staff["clerk"], bql, units["skh_office"], **entry_fields(monday))


def test_r_eo_10_a_leader_of_another_agency_cannot_be_named(bql, staff, monday):
    with pytest.raises(services.TransitionError):
        services.create_entry(staff["clerk"], bql, None, leaders=[staff["skh_director"]],
                              **entry_fields(monday))
    assert not ScheduleEntry.objects.exists()


def test_r_site_5_plans_of_every_period_pass_the_same_approval(bql, staff):
    for kind, period in ((PeriodKind.MONTH, 12), (PeriodKind.QUARTER, 4), (PeriodKind.HALF, 2),
                         (PeriodKind.YEAR, 1)):
        plan = services.create_plan(staff["clerk"], bql, period_kind=kind, year=2026,
                                    period=period, title=f"Kế hoạch {kind}")
        services.submit(staff["clerk"], plan)
        services.approve(staff["director"], plan)
        assert plan.state == State.PUBLISHED
    assert WorkPlan.objects.get(period_kind="quarter").period_label == "Quarter 4/2026"
    assert WorkPlan.objects.get(period_kind="half").period_end == datetime.date(2026, 12, 31)
    with pytest.raises(services.TransitionError):
        services.create_plan(staff["clerk"], bql, period_kind=PeriodKind.QUARTER, year=2026,
                             period=5, title="Quý 5")


def test_r_eo_10_week_submitted_and_approved_at_once(make_entry, staff, monday):
    entries = [make_entry("draft", day=monday + datetime.timedelta(days=n)) for n in range(3)]
    assert services.submit_all(staff["specialist"], entries) == 0
    assert services.submit_all(staff["clerk"], entries) == 3
    assert services.approve_all(staff["clerk"], entries) == 0
    assert services.approve_all(staff["director"], entries) == 3
    assert set(ScheduleEntry.objects.values_list("state", flat=True)) == {"published"}
