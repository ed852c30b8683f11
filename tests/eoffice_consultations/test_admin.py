"""Permission of every role × every screen of the consultations (R-EO-12, R-SEC-2): the
drafter sees everything of theirs, those asked see the consultation and their own
response, nobody else of the agency sees anything, another agency sees nothing; a refused
POST changes nothing; lists at constant queries."""

import pytest
from django.urls import reverse

from plugins.eoffice.consultations import services
from plugins.eoffice.consultations.models import Consultation, Invitee, Response, State, Verdict
from tests.eoffice_consultations.conftest import FRIDAY, pdf

pytestmark = pytest.mark.django_db

ROLES = ("director", "clerk", "office_head", "leader", "specialist", "colleague", "outsider",
         "other_leader", "it_admin", "skh_clerk", "skh_director")
EVERYONE = set(ROLES)
DRAFTER = {"specialist"}
# The director and the colleague by name; the business unit through its leader.
ASKED = {"director", "colleague", "other_leader"}
OK, DENIED = "ok", "denied"


def _outcome(response):
    if response.status_code == 200:
        return OK
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert "login" not in response["Location"]
    return DENIED


@pytest.fixture
def world(make_consultation, staff, invitee_of, monkeypatch):
    from django.utils import timezone

    # "Now" is the Monday after FRIDAY: the consultation is open and before its deadline.
    monday = FRIDAY + __import__("datetime").timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: monday)
    opened = make_consultation("open", title="Dự thảo đang lấy ý kiến")
    draft = make_consultation("draft", title="Dự thảo chưa mở")
    mine = invitee_of(opened, staff["colleague"])
    response = services.respond(staff["colleague"], mine, Verdict.DISAGREE,
                                "Ý kiến riêng của chuyên viên 2", pdf("y-kien.pdf"))
    return {"opened": opened, "draft": draft, "response": response,
            "opened_file": opened.files.get(), "draft_file": draft.files.get()}


def _screens(world):
    opened, draft = world["opened"], world["draft"]
    return {
        "index": (reverse("eoffice_consultations:index"), EVERYONE),
        "add": (reverse("eoffice_consultations:add"), EVERYONE),
        "detail open": (reverse("eoffice_consultations:detail", args=[opened.pk]),
                        DRAFTER | ASKED),
        "detail draft": (reverse("eoffice_consultations:detail", args=[draft.pk]), DRAFTER),
        "edit draft": (reverse("eoffice_consultations:edit", args=[draft.pk]), DRAFTER),
        "edit open": (reverse("eoffice_consultations:edit", args=[opened.pk]), set()),
        "report": (reverse("eoffice_consultations:report", args=[opened.pk]), DRAFTER),
        "report xlsx": (reverse("eoffice_consultations:report", args=[opened.pk])
                        + "?format=xlsx", DRAFTER),
        "file of the open draft": (reverse("eoffice_consultations:draft_file",
                                           args=[world["opened_file"].pk]), DRAFTER | ASKED),
        "file of the unopened draft": (reverse("eoffice_consultations:draft_file",
                                               args=[world["draft_file"].pk]), DRAFTER),
        "file of a response": (reverse("eoffice_consultations:response_file",
                                       args=[world["response"].pk]), DRAFTER | {"colleague"}),
    }


def test_r_eo_12_every_role_on_every_screen(client, staff, world):
    for name, (url, allowed) in _screens(world).items():
        for role in ROLES:
            client.force_login(staff[role])
            expected = OK if role in allowed else DENIED
            assert _outcome(client.get(url)) == expected, (name, role)
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], name


def test_r_eo_12_files_are_never_public(world):
    with pytest.raises(ValueError):
        world["opened_file"].file.url  # noqa: B018 - no public URL at all


def test_r_eo_12_lists_show_only_what_one_may_see(client, staff, world):
    for role in ROLES:
        client.force_login(staff[role])
        html = client.get(reverse("eoffice_consultations:index")).content.decode()
        assert ("Dự thảo đang lấy ý kiến" in html) == (role in DRAFTER | ASKED), role
        assert ("Dự thảo chưa mở" in html) == (role in DRAFTER), role


def test_r_eo_12_responders_see_only_their_own_response(client, staff, world):
    url = reverse("eoffice_consultations:detail", args=[world["opened"].pk])
    client.force_login(staff["specialist"])
    assert "Ý kiến riêng của chuyên viên 2" in client.get(url).content.decode()
    client.force_login(staff["colleague"])
    assert "Ý kiến riêng của chuyên viên 2" in client.get(url).content.decode()
    for role in ("director", "other_leader"):
        client.force_login(staff[role])
        html = client.get(url).content.decode()
        assert "Ý kiến riêng của chuyên viên 2" not in html, role
        assert "Send the response" in html, role


def _snapshot():
    return (list(Consultation.objects.order_by("pk").values_list("pk", "state", "title",
                                                                "deadline")),
            list(Invitee.objects.order_by("pk").values_list("pk", "user_id", "unit_id")),
            list(Response.objects.order_by("pk").values_list("pk", "verdict", "text")))


def test_r_eo_12_refused_posts_change_nothing(client, staff, world, units):
    opened, draft = world["opened"], world["draft"]
    director_invitee = opened.invitees.get(user=staff["director"])
    colleague_invitee = opened.invitees.get(user=staff["colleague"])
    unit_invitee = opened.invitees.get(unit=units["business"])
    posts = [
        # Someone not asked cannot respond, nor on another's behalf.
        (reverse("eoffice_consultations:respond", args=[opened.pk, director_invitee.pk]),
         {f"r{director_invitee.pk}-verdict": "agree"}, {"director"}),
        (reverse("eoffice_consultations:respond", args=[opened.pk, colleague_invitee.pk]),
         {f"r{colleague_invitee.pk}-verdict": "agree"}, {"colleague"}),
        (reverse("eoffice_consultations:respond", args=[opened.pk, unit_invitee.pk]),
         {f"r{unit_invitee.pk}-verdict": "agree"}, {"other_leader"}),
        (reverse("eoffice_consultations:action", args=[draft.pk, "open"]), {}, DRAFTER),
        (reverse("eoffice_consultations:action", args=[draft.pk, "delete"]), {}, DRAFTER),
        (reverse("eoffice_consultations:action", args=[opened.pk, "delete"]), {}, set()),
        (reverse("eoffice_consultations:action", args=[opened.pk, "open"]), {}, set()),
        (reverse("eoffice_consultations:edit", args=[draft.pk]),
         {"title": "Đổi tên", "working_days": 3, "people": [staff["director"].pk]}, DRAFTER),
    ]
    for url, data, allowed in posts:
        for role in sorted(EVERYONE - allowed):
            before = _snapshot()
            client.force_login(staff[role])
            response = client.post(url, data)
            assert response.status_code in (302, 403, 404), (url, role)
            assert _snapshot() == before, (url, role)


def test_r_eo_12_the_drafter_creates_opens_and_reads_the_report(client, staff, units):
    client.force_login(staff["specialist"])
    response = client.post(reverse("eoffice_consultations:add"), {
        "agency": staff["specialist"].positions.get().unit.agency_id,
        "title": "Dự thảo Kế hoạch cải cách hành chính", "summary": "Góp ý",
        "working_days": 2, "people": [staff["director"].pk], "units": [units["business"].pk],
        "files": [pdf("ke-hoach.pdf")]})
    assert response.status_code == 302, response.content.decode()[:3000]
    consultation = Consultation.objects.get(title="Dự thảo Kế hoạch cải cách hành chính")
    assert consultation.state == State.DRAFT and consultation.files.count() == 1
    response = client.post(reverse("eoffice_consultations:action",
                                   args=[consultation.pk, "open"]))
    consultation.refresh_from_db()
    assert consultation.state == State.OPEN and consultation.deadline
    client.force_login(staff["director"])
    invitee = consultation.invitees.get(user=staff["director"])
    client.post(reverse("eoffice_consultations:respond", args=[consultation.pk, invitee.pk]),
                {f"r{invitee.pk}-verdict": "comments", f"r{invitee.pk}-text": "Bổ sung mục 2"})
    assert Response.objects.get(invitee=invitee).text == "Bổ sung mục 2"
    client.force_login(staff["specialist"])
    html = client.get(reverse("eoffice_consultations:report",
                              args=[consultation.pk])).content.decode()
    assert "Agree, with comments" in html and "Not yet responded" in html
    export = client.get(reverse("eoffice_consultations:report", args=[consultation.pk])
                        + "?format=csv")
    assert export["Content-Type"].startswith("text/csv")
    assert "Bổ sung mục 2" in export.content.decode("utf-8-sig")


def test_r_eo_12_a_disguised_file_is_refused(client, staff, units):
    from django.core.files.base import ContentFile

    client.force_login(staff["specialist"])
    response = client.post(reverse("eoffice_consultations:add"), {
        "title": "X", "working_days": 2, "people": [staff["director"].pk],
        "agency": staff["specialist"].positions.get().unit.agency_id,
        "files": [ContentFile(b"MZ\x90\x00 not a pdf", name="du-thao.pdf")]})
    assert response.status_code == 200
    assert not Consultation.objects.exists()


def test_r_eo_12_lists_at_constant_queries(client, staff, make_consultation,
                                           django_assert_max_num_queries, units):
    from plugins.eoffice.consultations import services

    def many(count):
        for index in range(count):
            consultation = make_consultation("open", title=f"Dự thảo {index}")
            services.close(consultation, FRIDAY + __import__("datetime").timedelta(days=9))

    many(2)
    client.force_login(staff["specialist"])
    url = reverse("eoffice_consultations:index")
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    many(12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
    # One consultation asking many: its screen and its report at constant queries too.
    consultation = Consultation.objects.first()
    for name in ("detail", "report"):
        target = reverse(f"eoffice_consultations:{name}", args=[consultation.pk])
        client.get(target)
        with django_assert_max_num_queries(40) as few:
            client.get(target)
        Invitee.objects.bulk_create([Invitee(consultation=consultation, user=staff[role])
                                     for role in ("clerk", "office_head", "leader",
                                                  "outsider", "it_admin")])
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(target).status_code == 200
        Invitee.objects.filter(consultation=consultation, user__in=[
            staff[role] for role in ("clerk", "office_head", "leader", "outsider",
                                     "it_admin")]).delete()
