"""Permission of every role × every screen of the schedules (R-EO-10, R-SEC-2): another
agency sees nothing, a refused POST changes nothing; lists at constant queries."""

import datetime

import pytest
from django.urls import reverse

from plugins.eoffice.schedules.models import FeedToken, Mark, ScheduleEntry, State, WorkPlan

pytestmark = pytest.mark.django_db

ROLES = ("director", "clerk", "office_head", "leader", "specialist", "it_admin", "skh_clerk",
         "skh_director")
EVERYONE = set(ROLES)
DRAFTERS = EVERYONE - {"it_admin"}
OK, DENIED = "ok", "denied"


def _outcome(response):
    if response.status_code == 200:
        return OK
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert "login" not in response["Location"]
    return DENIED


SCREENS = {
    "eoffice_schedule_entry:index": EVERYONE,
    "eoffice_schedule_entry:add": DRAFTERS,
    "eoffice_work_plan:index": EVERYONE,
    "eoffice_work_plan:add": DRAFTERS,
    "eoffice_schedules:week": EVERYONE,
    "eoffice_schedules:feeds": EVERYONE,
}


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_r_eo_10_every_role_on_every_list_screen(client, staff, screen):
    for role in ROLES:
        client.force_login(staff[role])
        expected = OK if role in SCREENS[screen] else DENIED
        assert _outcome(client.get(reverse(screen))) == expected, (screen, role)
    client.logout()
    response = client.get(reverse(screen))
    assert response.status_code == 302 and "login" in response["Location"]


# Record screens: who opens a published leaders' entry, and a draft of it.
PUBLISHED_VIEWERS = {"director", "clerk", "office_head", "leader", "specialist", "it_admin"}
DRAFT_VIEWERS = {"director", "clerk", "office_head"}


@pytest.mark.parametrize("view", ["inspect", "edit", "history"])
@pytest.mark.parametrize("state", ["published", "draft"])
def test_r_eo_10_every_role_on_every_record_screen(client, staff, make_entry, view, state):
    entry = make_entry(state)
    allowed = PUBLISHED_VIEWERS if state == "published" else DRAFT_VIEWERS
    for role in ROLES:
        client.force_login(staff[role])
        response = client.get(reverse(f"eoffice_schedule_entry:{view}", args=[entry.pk]))
        assert _outcome(response) == (OK if role in allowed else DENIED), (view, state, role)


def test_r_eo_10_other_agency_lists_nothing(client, staff, make_entry, bql):
    make_entry("published", content="Giao ban Ban Quản lý")
    from plugins.eoffice.schedules import services

    services.create_plan(staff["clerk"], bql, period_kind="year", year=2026, title="Kế hoạch BQL")
    client.force_login(staff["skh_director"])
    for screen in ("eoffice_schedule_entry:index", "eoffice_work_plan:index",
                   "eoffice_schedules:week"):
        html = client.get(reverse(screen)).content.decode()
        assert "Giao ban Ban Quản lý" not in html and "Kế hoạch BQL" not in html


@pytest.mark.parametrize("role", ["clerk", "office_head", "leader", "specialist", "it_admin",
                                  "skh_director", "skh_clerk"])
def test_r_eo_10_refused_approval_changes_nothing(client, staff, make_entry, role):
    entry = make_entry("submitted")
    client.force_login(staff[role])
    for action in ("approve", "send_back"):
        client.post(reverse("eoffice_schedules:action", args=["entry", entry.pk, action]),
                    {"reason": "Không đồng ý"})
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED and entry.approved_by is None
    client.post(reverse("eoffice_schedules:week"), {"action": "approve_week"})
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED


def test_r_eo_10_director_approves_through_the_screen(client, staff, make_entry):
    entry = make_entry("submitted")
    client.force_login(staff["director"])
    response = client.post(reverse("eoffice_schedules:action", args=["entry", entry.pk,
                                                                     "approve"]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.state == State.PUBLISHED


@pytest.mark.parametrize("role", ["specialist", "leader", "it_admin", "skh_clerk"])
def test_r_eo_10_refused_edit_and_cancel_change_nothing(client, staff, make_entry, role):
    entry = make_entry("published")
    client.force_login(staff[role])
    client.post(reverse("eoffice_schedule_entry:edit", args=[entry.pk]), {
        "date": entry.date.isoformat(), "start_time": "09:00", "content": "Đổi bởi người khác",
        "change_note": "Đổi"})
    client.post(reverse("eoffice_schedules:action", args=["entry", entry.pk, "cancel"]),
                {"reason": "Hủy"})
    client.post(reverse("eoffice_schedule_entry:delete", args=[entry.pk]))
    entry.refresh_from_db()
    assert (entry.content, entry.mark, entry.sequence) == ("Giao ban lãnh đạo Ban đầu tuần",
                                                           Mark.NONE, 0)


@pytest.mark.parametrize("role", ["specialist", "leader", "it_admin", "skh_clerk"])
def test_r_eo_10_refused_draft_creation_saves_nothing(client, staff, bql, role, monday):
    client.force_login(staff[role])
    client.post(reverse("eoffice_schedule_entry:add"), {
        "agency": bql.pk, "date": monday.isoformat(), "start_time": "08:00",
        "content": "Lịch do người không có quyền lập"})
    assert not ScheduleEntry.objects.exists()


def test_r_eo_10_clerk_drafts_through_the_form_and_changes_after_publication(
        client, staff, bql, monday):
    client.force_login(staff["clerk"])
    response = client.post(reverse("eoffice_schedule_entry:add"), {
        "agency": bql.pk, "date": monday.isoformat(), "start_time": "08:00",
        "end_time": "10:00", "content": "Giao ban", "chair": "Trưởng ban",
        "leaders": [staff["director"].pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = ScheduleEntry.objects.get()
    assert entry.state == State.DRAFT and entry.drafted_by == staff["clerk"]
    client.post(reverse("eoffice_schedules:week"), {"action": "submit_week",
                                                    "schedule": str(bql.pk)})
    client.force_login(staff["director"])
    client.post(reverse("eoffice_schedules:week"), {"action": "approve_week",
                                                    "schedule": str(bql.pk)})
    entry.refresh_from_db()
    assert entry.state == State.PUBLISHED
    client.force_login(staff["clerk"])
    data = {"date": monday.isoformat(), "start_time": "09:00", "end_time": "10:00",
            "content": "Giao ban", "chair": "Trưởng ban", "leaders": [staff["director"].pk]}
    response = client.post(reverse("eoffice_schedule_entry:edit", args=[entry.pk]), data)
    assert response.status_code == 200  # the note of what changed is required
    entry.refresh_from_db()
    assert entry.start_time == datetime.time(8, 0)
    data["change_note"] = "Lùi giờ họp"
    client.post(reverse("eoffice_schedule_entry:edit", args=[entry.pk]), data)
    entry.refresh_from_db()
    assert (entry.start_time, entry.mark, entry.change_note) == (datetime.time(9, 0),
                                                                 Mark.CHANGED, "Lùi giờ họp")


def test_r_eo_10_feed_key_is_personal_and_reset(client, staff, programme):
    client.force_login(staff["specialist"])
    html = client.get(reverse("eoffice_schedules:feeds")).content.decode()
    token = FeedToken.objects.get(user=staff["specialist"])
    assert token.key in html and "/ical/" in html
    old = token.key
    client.post(reverse("eoffice_schedules:feeds"))
    token.refresh_from_db()
    assert token.key != old


@pytest.mark.parametrize("screen", ["eoffice_schedule_entry:index", "eoffice_work_plan:index",
                                    "eoffice_schedules:week"])
def test_r_eo_10_lists_at_constant_queries(client, staff, make_entry, bql, units, monday,
                                           screen, django_assert_max_num_queries):
    from plugins.eoffice.schedules import services

    def more():
        for day in range(3):
            make_entry("published", day=monday + datetime.timedelta(days=day))
            make_entry("draft", unit=units["investment"],
                       day=monday + datetime.timedelta(days=day))
            plan = services.create_plan(staff["clerk"], bql, period_kind="month", year=2026,
                                        period=day + 1, title=f"Kế hoạch tháng {day + 1}")
            services.submit(staff["clerk"], plan)

    more()
    client.force_login(staff["director"])
    client.get(reverse(screen))
    with django_assert_max_num_queries(80) as captured:
        client.get(reverse(screen))
    more()
    assert WorkPlan.objects.count() == 6
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(reverse(screen))
