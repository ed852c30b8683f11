"""Permission of every role × every screen of the tasks (R-EO-14, R-SEC-2): another agency
sees nothing, a specialist cannot assign, a refused POST changes nothing; lists at
constant queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plugins.eoffice.tasks import services
from plugins.eoffice.tasks.models import DeadlineChange, ProgressReport, State, Task

pytestmark = pytest.mark.django_db

ROLES = ("director", "clerk", "office_head", "leader", "specialist", "colleague", "outsider",
         "other_leader", "it_admin", "skh_clerk", "skh_director")
EVERYONE = set(ROLES)
ASSIGNERS = {"director", "office_head", "leader", "other_leader", "skh_director"}
# Who sees a BQL task of the investment unit, main person the specialist, assigned by the
# director: the director, the unit's leader and people.
VIEWERS = {"director", "leader", "specialist", "colleague"}
OK, DENIED = "ok", "denied"


def _outcome(response):
    if response.status_code == 200:
        return OK
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert "login" not in response["Location"]
    return DENIED


SCREENS = {
    "eoffice_task:index": EVERYONE,
    "eoffice_task:add": ASSIGNERS,
    "eoffice_tasks:statistics": ASSIGNERS,
}


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_R_EO_14_every_role_on_every_list_screen(client, staff, screen):
    for role in ROLES:
        client.force_login(staff[role])
        expected = OK if role in SCREENS[screen] else DENIED
        assert _outcome(client.get(reverse(screen))) == expected, (screen, role)
    client.logout()
    response = client.get(reverse(screen))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("view", ["inspect", "history", "edit", "delete"])
def test_R_EO_14_every_role_on_every_record_screen(client, staff, make_task, view):
    task = make_task()
    # Nobody edits or deletes through the generic screens: only the transitions change a task.
    allowed = VIEWERS if view in ("inspect", "history") else set()
    for role in ROLES:
        client.force_login(staff[role])
        response = client.get(reverse(f"eoffice_task:{view}", args=[task.pk]))
        assert _outcome(response) == (OK if role in allowed else DENIED), (view, role)


def test_R_EO_14_the_report_file_is_private(client, staff, make_task, settings, tmp_path):
    settings.EOFFICE_FILES_ROOT = tmp_path
    task = make_task()
    report = services.report_progress(staff["specialist"], task, 20, "Đang làm",
                                      SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 secret"))
    url = reverse("eoffice_tasks:report_file", args=[report.pk])
    for role in ROLES:
        client.force_login(staff[role])
        response = client.get(url)
        if role in VIEWERS:
            assert response.status_code == 200, role
            assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"
        else:
            assert response.status_code == 404, role
    client.logout()
    assert client.get(url).status_code == 302


def test_R_EO_14_another_agency_lists_nothing(client, staff, make_task, skh):
    make_task(title="Nhiệm vụ của Ban Quản lý")
    make_task(agency=skh, title="Nhiệm vụ của Sở")
    client.force_login(staff["skh_director"])
    html = client.get(reverse("eoffice_task:index")).content.decode()
    assert "Nhiệm vụ của Ban Quản lý" not in html and "Nhiệm vụ của Sở" in html
    html = client.get(reverse("eoffice_tasks:statistics")).content.decode()
    assert "Phòng Quản lý đầu tư" not in html


def test_R_EO_14_the_three_lists(client, staff, make_task, units):
    make_task(title="Giao cho chuyên viên")
    make_task(title="Giao cho phòng QLDN", main_unit=units["business"],
              main_person=staff["outsider"], co_people=[staff["colleague"]])
    make_task(title="Phòng tự giao", by=staff["leader"], main_person=staff["colleague"])
    index = reverse("eoffice_task:index")

    def titles(user, scope):
        client.force_login(staff[user])
        html = client.get(index, {"scope": scope}).content.decode()
        return {title for title in ("Giao cho chuyên viên", "Giao cho phòng QLDN",
                                    "Phòng tự giao") if title in html}

    assert titles("specialist", "to_me") == {"Giao cho chuyên viên"}
    assert titles("colleague", "to_me") == {"Giao cho phòng QLDN", "Phòng tự giao"}
    assert titles("director", "by_me") == {"Giao cho chuyên viên", "Giao cho phòng QLDN"}
    assert titles("leader", "by_me") == {"Phòng tự giao"}
    assert titles("leader", "to_me") == {"Giao cho chuyên viên", "Phòng tự giao"}
    assert titles("specialist", "unit") == {"Giao cho chuyên viên", "Phòng tự giao"}
    assert titles("outsider", "unit") == {"Giao cho phòng QLDN"}


def test_R_EO_14_assign_through_the_form(client, staff, units, bql, working_day):
    client.force_login(staff["leader"])
    response = client.post(reverse("eoffice_task:add"), {
        "agency": bql.pk, "title": "Thẩm định hồ sơ", "content": "Thẩm định hồ sơ dự án",
        "source": "Phiếu chuyển", "main_unit": units["investment"].pk,
        "main_person": staff["specialist"].pk, "working_days": "5"})
    assert response.status_code == 302, response.content.decode()[:3000]
    task = Task.objects.get()
    assert task.assigned_by == staff["leader"] and task.deadline > working_day.min


def test_R_EO_14_a_specialist_cannot_assign(client, staff, units, bql, working_day):
    client.force_login(staff["specialist"])
    response = client.post(reverse("eoffice_task:add"), {
        "agency": bql.pk, "title": "X", "content": "Y", "main_unit": units["investment"].pk,
        "deadline": working_day.isoformat()})
    assert _outcome(response) == DENIED
    assert not Task.objects.exists()


def test_R_EO_14_a_unit_leader_cannot_assign_to_another_unit(client, staff, units, bql,
                                                              working_day):
    client.force_login(staff["leader"])
    response = client.post(reverse("eoffice_task:add"), {
        "agency": bql.pk, "title": "X", "content": "Y", "main_unit": units["business"].pk,
        "deadline": working_day.isoformat()})
    assert response.status_code == 200
    assert "within their unit" in response.content.decode()
    assert not Task.objects.exists()


def _snapshot():
    return (list(Task.objects.values_list("pk", "state", "deadline", "progress",
                                          "return_reason", "cancel_reason")),
            ProgressReport.objects.count(), DeadlineChange.objects.count(),
            Task.history.count())


ACTION_DATA = {
    "progress": {"percent": "50", "text": "Đang làm"},
    "complete": {"text": "Đã xong"},
    "accept": {},
    "send_back": {"reason": "Thiếu số liệu"},
    "extend": {"deadline": "2099-12-31", "reason": "Chờ ý kiến"},
    "cancel": {"reason": "Không cần"},
}
# Who may take each action on an in-progress (or, for accept/send back, reported) task.
ACTORS = {
    "progress": {"specialist", "colleague", "leader"},
    "complete": {"specialist", "leader"},
    "accept": {"director"},
    "send_back": {"director"},
    "extend": {"director"},
    "cancel": {"director"},
}


@pytest.mark.parametrize("action", sorted(ACTION_DATA))
def test_R_EO_14_refused_posts_change_nothing(client, staff, make_task, action):
    task = make_task(state="reported" if action in ("accept", "send_back") else "in_progress")
    url = reverse("eoffice_tasks:action", args=[task.pk, action])
    for role in EVERYONE - ACTORS[action]:
        before = _snapshot()
        client.force_login(staff[role])
        response = client.post(url, ACTION_DATA[action])
        assert response.status_code in (302, 404), role
        assert _snapshot() == before, (action, role)


def test_R_EO_14_the_whole_way_through_the_screens(client, staff, make_task, bql):
    from plugins.core.calendar import WorkingCalendar

    task = make_task()
    url = lambda action: reverse("eoffice_tasks:action", args=[task.pk, action])  # noqa: E731
    client.force_login(staff["specialist"])
    page = client.get(reverse("eoffice_task:inspect", args=[task.pk])).content.decode()
    assert 'data-action="progress"' in page and 'data-action="accept"' not in page
    client.post(url("progress"), {"percent": "60", "text": "Đã tổng hợp"})
    client.post(url("complete"), {"text": "Hoàn thành"})
    assert Task.objects.get().state == State.REPORTED
    client.force_login(staff["director"])
    client.post(url("send_back"), {"reason": "Bổ sung số liệu"})
    assert Task.objects.get().state == State.IN_PROGRESS
    new = WorkingCalendar(bql).add_working_days(task.deadline, 2)
    client.post(url("extend"), {"deadline": new.isoformat(), "reason": "Chờ số liệu"})
    assert Task.objects.get().deadline == new
    client.force_login(staff["specialist"])
    client.post(url("complete"), {"text": "Đã bổ sung"})
    client.force_login(staff["director"])
    client.post(url("accept"))
    assert Task.objects.get().state == State.DONE
    page = client.get(reverse("eoffice_task:inspect", args=[task.pk])).content.decode()
    assert page.count("data-report") == 3 and "data-extension" in page


@pytest.mark.parametrize("query", ["", "?scope=to_me", "?scope=by_me", "?scope=unit",
                                   "?overdue=true", "?state=in_progress"])
def test_R_EO_14_lists_at_constant_queries(client, staff, make_task, units, query,
                                           django_assert_max_num_queries):
    def more():
        for _ in range(3):
            make_task(co_units=[units["business"]], co_people=[staff["colleague"]])
            make_task(main_person=None, state="reported")

    more()
    for user in ("director", "leader"):
        client.force_login(staff[user])
        url = reverse("eoffice_task:index") + query
        client.get(url)
        with django_assert_max_num_queries(80) as captured:
            client.get(url)
        more()
        with django_assert_max_num_queries(len(captured.captured_queries)):
            response = client.get(url)
        assert response.status_code == 200


def test_R_EO_14_statistics_at_constant_queries(client, staff, make_task, units,
                                                django_assert_max_num_queries):
    def more():
        make_task()
        make_task(main_unit=units["business"], main_person=None, state="done")

    more()
    client.force_login(staff["director"])
    url = reverse("eoffice_tasks:statistics")
    client.get(url)
    with django_assert_max_num_queries(80) as captured:
        client.get(url)
    more()
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(url)
