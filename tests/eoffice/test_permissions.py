"""Permission matrix (issue 17 "Bar"): every role of the e-office × every screen, and the
actions refused to whoever may not take them, with nothing changed (R-SEC-2)."""

import pytest
from django.urls import reverse

from plugins.eoffice.documents.models import OutgoingDocument, OutgoingState
from plugins.eoffice.documents.services import incoming, outgoing

pytestmark = pytest.mark.django_db

OK, DENIED = "ok", "denied"
# Screen → who may open it (everyone else is refused: 403, or Wagtail's redirect).
SCREENS = {
    "eoffice:inbox": {"director", "clerk", "leader", "specialist", "skh_clerk"},
    "eoffice_incoming:index": {"director", "clerk", "leader", "specialist", "skh_clerk"},
    "eoffice_outgoing:index": {"director", "clerk", "leader", "specialist", "skh_clerk"},
    "eoffice_dossier:index": {"director", "clerk", "leader", "specialist", "skh_clerk"},
    "eoffice_register:index": {"director", "clerk", "leader", "specialist", "skh_clerk"},
    "eoffice_register:add": {"clerk", "skh_clerk"},
    "eoffice:register_incoming": {"clerk", "skh_clerk"},
    "eoffice:new_draft": {"director", "clerk", "leader", "specialist", "skh_clerk"},
    "eoffice:unit_progress": {"director", "leader"},
    "eoffice:agency": {"director", "clerk", "skh_clerk"},
    "eoffice:dossier_handover": {"director", "clerk", "leader", "skh_clerk"},
}
ROLES = ("director", "clerk", "leader", "specialist", "skh_clerk")


def _outcome(response):
    if response.status_code == 200:
        return OK
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert "login" not in response["Location"]
    return DENIED


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_role_on_every_screen(client, staff, registers, screen):
    for role in ROLES:
        client.force_login(staff[role])
        expected = OK if role in SCREENS[screen] else DENIED
        assert _outcome(client.get(reverse(screen))) == expected, (screen, role)


@pytest.fixture
def with_director(staff, bql, registers):
    """A draft waiting for the director."""
    draft = outgoing.create_draft(staff["specialist"], bql, subject="Báo cáo tình hình thu hút "
                                  "đầu tư vào các khu công nghiệp quý I năm 2026")
    outgoing.submit(staff["specialist"], draft)
    outgoing.forward(staff["leader"], draft)
    return draft


@pytest.mark.parametrize("role", ["specialist", "leader", "clerk", "skh_clerk", "outsider"])
def test_only_the_director_approves_and_nothing_changes_otherwise(client, staff, role,
                                                                  with_director):
    client.force_login(staff[role])
    before = (with_director.steps.count(), with_director.history.count())
    client.post(reverse("eoffice:outgoing_action", args=[with_director.pk, "approve"]), {})
    fresh = OutgoingDocument.objects.get(pk=with_director.pk)
    assert fresh.state == OutgoingState.DIRECTOR_REVIEW
    assert (fresh.steps.count(), fresh.history.count()) == before


@pytest.mark.parametrize("role", ["director", "leader", "specialist", "skh_clerk"])
def test_only_a_clerk_of_the_agency_issues(client, staff, role, registers, with_director):
    outgoing.approve(staff["director"], with_director)
    client.force_login(staff[role])
    client.post(reverse("eoffice:outgoing_action", args=[with_director.pk, "issue"]), {
        "register": registers["out"].pk, "signer": staff["director"].pk,
        "issue_date": "10/03/2026"})
    fresh = OutgoingDocument.objects.get(pk=with_director.pk)
    assert fresh.state == OutgoingState.APPROVED and fresh.number is None


def test_a_draft_is_seen_by_its_author_and_reviewers_only(client, staff, bql):
    draft = outgoing.create_draft(staff["specialist"], bql, subject="Dự thảo kế hoạch kiểm "
                                  "tra doanh nghiệp khu công nghiệp năm 2026")
    url = reverse("eoffice_outgoing:inspect", args=[draft.pk])
    seen = {"specialist": 200, "leader": 404, "director": 404, "clerk": 404,
            "colleague": 404, "skh_clerk": 404}
    for role, status in seen.items():
        client.force_login(staff[role])
        assert client.get(url).status_code == status, role
    outgoing.submit(staff["specialist"], draft)
    client.force_login(staff["leader"])
    assert client.get(url).status_code == 200
    client.force_login(staff["clerk"])
    assert client.get(url).status_code == 404


def test_unread_for_information_until_opened(client, staff, units, registered):
    incoming.assign(staff["director"], registered, main=units["investment"],
                    info=[staff["outsider"]])
    client.force_login(staff["outsider"])
    unread = reverse("eoffice:inbox") + "?tab=unread"
    assert "125/GM-UBND" in client.get(unread).content.decode()
    client.get(reverse("eoffice_incoming:inspect", args=[registered.pk]))
    assert "125/GM-UBND" not in client.get(unread).content.decode()
