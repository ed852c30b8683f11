"""Delegation of processing authority (R-EO-15; seed 004 Đ4.5, Đ11, Đ13.3)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import (
    Delegation,
    IncomingState,
    OutgoingState,
    ProcessingStep,
    Secrecy,
    StepAction,
)
from plugins.eoffice.documents.services import delegation, incoming, outgoing
from plugins.eoffice.documents.services.common import TransitionError
from tests.eoffice.conftest import incoming_fields

pytestmark = pytest.mark.django_db

REASON = "Đi công tác Hà Nội từ ngày 10 đến ngày 14 tháng 3"


def _delegate(staff, hours=48, **kwargs):
    director = staff["director"]
    return delegation.create(director, _agency(director), delegate=staff["leader"],
                             ends_at=timezone.now() + datetime.timedelta(hours=hours),
                             reason=REASON, **kwargs)


def _agency(user):
    from plugins.core.models import Position

    return Position.objects.filter(user=user).select_related("unit__agency").first().unit.agency


def _fresh(user):
    access.forget(user)
    return user


def test_R_EO_15_delegate_assigns_on_behalf_of_the_director(client, staff, units, registered,
                                                           delivered):
    """During the window the delegate assigns; the step says on whose behalf, on the slip
    and on the document's page; the whole agency was told by mail, no other agency."""
    given = _delegate(staff)
    sent = delivered()  # one mail per person (core's notification centre)
    addresses = [address for message in sent for address in message.to]
    assert len(addresses) == len(set(addresses)) == len(sent)
    assert "truongphong@example.test" in addresses and "vanthu@example.test" in addresses
    assert "giamdoc.skh@example.test" not in addresses
    assert all(REASON in message.body for message in sent)

    deputy = _fresh(staff["leader"])
    assert registered in access.incoming_visible_to(deputy)
    incoming.assign(deputy, registered, main=staff["specialist"], deadline_days=5)
    registered.refresh_from_db()
    assert registered.state == IncomingState.ASSIGNED
    assigned = registered.steps.get(action=StepAction.ASSIGN)
    assert (assigned.actor, assigned.on_behalf_of, assigned.delegation) == (
        staff["leader"], staff["director"], given)

    client.force_login(staff["leader"])
    slip = client.get(reverse("eoffice:slip", args=["incoming", registered.pk])).content.decode()
    assert "Nguyễn Văn Truongphong, on behalf of the Trưởng ban" in slip
    page = client.get(reverse("eoffice_incoming:inspect", args=[registered.pk])).content.decode()
    assert "on behalf of the Trưởng ban" in page


def test_R_EO_15_the_director_acting_himself_is_not_on_behalf(staff, units, registered):
    _delegate(staff)
    incoming.assign(staff["director"], registered, main=staff["specialist"])
    step = registered.steps.get(action=StepAction.ASSIGN)
    assert step.on_behalf_of is None and step.delegation is None


def test_R_EO_15_after_its_end_time_the_delegate_is_refused_and_nothing_changes(staff, units,
                                                                                registered):
    _delegate(staff, hours=2)
    deputy = staff["leader"]
    steps = registered.steps.count()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3), tick=False):
        assert registered not in access.incoming_visible_to(_fresh(deputy))
        with pytest.raises(TransitionError, match="Only the director"):
            incoming.assign(deputy, registered, main=staff["specialist"])
    registered.refresh_from_db()
    assert registered.state == IncomingState.REGISTERED
    assert registered.steps.count() == steps
    assert not registered.assignments.exists()


def test_R_EO_15_the_director_ends_it_early(client, staff, units, registered, delivered):
    given = _delegate(staff)
    client.force_login(staff["leader"])  # the delegate cannot end it
    client.post(reverse("eoffice:end_delegation", args=[given.pk]))
    given.refresh_from_db()
    assert given.ended_at is None
    client.force_login(staff["director"])
    response = client.post(reverse("eoffice:end_delegation", args=[given.pk]))
    assert response.status_code == 302
    given.refresh_from_db()
    assert given.ended_by == staff["director"] and given.ended_at is not None
    assert given.history.count() == 2
    assert "no longer acts for" in delivered()[-1].subject
    with pytest.raises(TransitionError):
        incoming.recall(_fresh(staff["leader"]), registered, "Giao lại")
    with pytest.raises(TransitionError, match="already ended"):
        delegation.end(staff["director"], given)


def test_R_EO_15_only_a_leader_holding_the_role_delegates(client, staff, units):
    for person in ("specialist", "clerk", "leader", "skh_director"):
        with pytest.raises(TransitionError, match="Only a leader"):
            delegation.create(staff[person], _agency(staff["director"]),
                              delegate=staff["colleague"], reason=REASON,
                              ends_at=timezone.now() + datetime.timedelta(days=1))
    client.force_login(staff["specialist"])
    response = client.post(reverse("eoffice:delegations"), {
        "agency": _agency(staff["director"]).pk, "delegate": staff["colleague"].pk,
        "ends_at": "01/01/2099 08:00", "reason": REASON})
    # Wagtail's admin answers a refusal with a redirect to the dashboard.
    assert response.status_code in (302, 403) and "uy-quyen" not in response.get("Location", "")
    assert not Delegation.objects.exists()


def test_R_EO_15_a_delegate_cannot_delegate_further(staff, units):
    """Not even a deputy who holds the leader's role himself (seed 004 Đ4.5)."""
    from plugins.core.models import AgencyRole, Role

    _delegate(staff)
    deputy = staff["leader"]
    deputy.groups.add(AgencyRole.objects.get(agency=_agency(deputy), role=Role.AGENCY_LEADER)
                      .group)
    with pytest.raises(TransitionError, match="cannot delegate further"):
        delegation.create(_fresh(deputy), _agency(staff["director"]),
                          delegate=staff["specialist"], reason=REASON,
                          ends_at=timezone.now() + datetime.timedelta(days=1))
    assert Delegation.objects.count() == 1


def test_R_EO_15_refusals_say_why(staff, units):
    director, agency = staff["director"], _agency(staff["director"])
    later = timezone.now() + datetime.timedelta(days=1)
    cases = [
        ({"delegate": staff["skh_clerk"], "ends_at": later, "reason": REASON},
         "does not work for"),
        ({"delegate": director, "ends_at": later, "reason": REASON}, "Choose the person"),
        ({"delegate": staff["leader"], "ends_at": later, "reason": " "}, "Give a reason"),
        ({"delegate": staff["leader"], "ends_at": timezone.now() - datetime.timedelta(hours=1),
          "reason": REASON}, "end after it starts"),
        ({"delegate": staff["leader"], "ends_at": later, "reason": REASON,
          "starts_at": timezone.now() - datetime.timedelta(days=1)}, "start in the past"),
    ]
    for fields, message in cases:
        with pytest.raises(TransitionError, match=message):
            delegation.create(director, agency, **fields)
    _delegate(staff)
    with pytest.raises(TransitionError, match="already delegated"):
        delegation.create(director, agency, delegate=staff["other_leader"], ends_at=later,
                          reason=REASON)


def test_R_EO_15_another_agency_sees_nothing_and_changes_nothing(client, staff, units,
                                                                 registered):
    given = _delegate(staff)
    other = staff["skh_director"]
    assert not delegation.visible_to(other).exists()
    client.force_login(other)
    page = client.get(reverse("eoffice:delegations")).content.decode()
    assert "Truongphong" not in page and REASON not in page
    assert client.post(reverse("eoffice:end_delegation", args=[given.pk])).status_code == 404
    given.refresh_from_db()
    assert given.ended_at is None
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "acts for" not in home
    with pytest.raises(TransitionError):
        incoming.assign(other, registered, main=staff["specialist"])


def test_R_EO_15_the_agency_sees_who_acts_for_the_director(client, staff, units):
    _delegate(staff)
    client.force_login(staff["specialist"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nguyễn Văn Truongphong acts for Nguyễn Văn Truongban (Trưởng ban) until" in home
    inbox = client.get(reverse("eoffice:inbox")).content.decode()
    assert "acts for Nguyễn Văn Truongban" in inbox
    listing = client.get(reverse("eoffice:delegations")).content.decode()
    assert REASON in listing and "End now" not in listing  # only the director ends it


def test_R_EO_15_the_director_delegates_through_the_admin(client, staff, units):
    client.force_login(staff["director"])
    page = client.get(reverse("eoffice:delegations"))
    assert "Delegate my processing authority" in page.content.decode()
    ends = timezone.localtime() + datetime.timedelta(days=3)
    response = client.post(reverse("eoffice:delegations"), {
        "agency": _agency(staff["director"]).pk, "delegate": staff["leader"].pk,
        "ends_at": ends.strftime("%d/%m/%Y %H:%M"), "reason": REASON})
    assert response.status_code == 302
    given = Delegation.objects.get()
    assert (given.delegator, given.delegate, given.delegator_title) == (
        staff["director"], staff["leader"], "Trưởng ban")
    assert given.history.get().history_user == staff["director"]


def test_R_EO_15_the_delegate_sees_secret_documents_only_during_the_window(staff, units,
                                                                           registers):
    secret = incoming.register(staff["clerk"], registers["in_secret"], **incoming_fields(
        secrecy=Secrecy.SECRET, number_notation="07/UBND-M")).document
    deputy = staff["leader"]
    assert secret not in access.incoming_visible_to(_fresh(deputy))
    _delegate(staff, hours=2)
    assert secret in access.incoming_visible_to(_fresh(deputy))
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3), tick=False):
        assert secret not in access.incoming_visible_to(_fresh(deputy))


def test_R_EO_15_the_delegate_approves_a_draft_on_behalf(staff, units, delivered):
    draft = outgoing.create_draft(staff["leader"], _agency(staff["leader"]),
                                  drafting_unit=units["investment"],
                                  subject="Báo cáo tình hình thu hút đầu tư 6 tháng đầu năm 2026")
    outgoing.submit(staff["leader"], draft)
    _delegate(staff)
    deputy = _fresh(staff["leader"])
    draft.refresh_from_db()
    assert draft.state == OutgoingState.DIRECTOR_REVIEW
    outgoing.approve(deputy, draft, "Đồng ý ban hành")
    approved = ProcessingStep.objects.get(outgoing=draft, action=StepAction.APPROVE)
    assert approved.on_behalf_of == staff["director"]


def test_R_EO_15_the_delegations_page_keeps_its_queries(client, staff, units,
                                                        django_assert_max_num_queries):
    _delegate(staff, hours=1)
    client.force_login(staff["director"])

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("eoffice:delegations")).status_code == 200
        return len(queries)

    few = count()
    for number in range(6):
        Delegation.objects.create(
            agency=_agency(staff["director"]), delegator=staff["director"],
            delegate=staff["specialist"], reason=f"{REASON} {number}",
            starts_at=timezone.now() - datetime.timedelta(days=10 + number),
            ends_at=timezone.now() - datetime.timedelta(days=9 + number))
    with django_assert_max_num_queries(few):
        client.get(reverse("eoffice:delegations"))
