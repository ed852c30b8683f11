"""The board of an agency and the chief's delegations (R-ED-1, R-ED-3)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from plugins.editorial_board.models import Delegation
from plugins.editorial_board.moderation import board as who

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))


def test_board_roles_come_from_core_positions(board, staff, agency):
    """R-ED-1: chief, deputies and members are people in the agency's positions."""
    assert who.is_member(staff.member, agency.pk)
    assert not who.is_member(staff.author, agency.pk)
    assert who.acting_chief_agency_ids(staff.chief) == {agency.pk}
    assert who.acting_chief_agency_ids(staff.deputy) == set()
    assert set(who.members(agency.pk)) == {staff.chief, staff.deputy, staff.member, staff.editor}


def test_a_deputy_acts_for_the_chief_only_inside_the_window(board, staff, agency):
    """R-ED-3: the delegation window is recorded; outside it the deputy is a plain deputy."""
    start = datetime.datetime(2026, 3, 2, 7, 30, tzinfo=TZ)
    Delegation.objects.create(board=board, deputy=staff.deputy, starts_at=start,
                              ends_at=start + datetime.timedelta(days=5),
                              reason="Trưởng ban đi công tác")
    inside = start + datetime.timedelta(days=1)
    assert who.acting_chief_agency_ids(staff.deputy, at=inside) == {agency.pk}
    who.forget(staff.deputy)
    assert who.acting_chief_agency_ids(
        staff.deputy, at=start + datetime.timedelta(days=6)) == set()
    assert set(who.acting_chiefs(agency.pk, at=inside)) == {staff.chief, staff.deputy}
    assert set(who.acting_chiefs(agency.pk, at=start - datetime.timedelta(hours=1))) == {
        staff.chief}


def test_only_a_deputy_can_be_delegated_and_the_window_must_be_in_order(board, staff):
    now = timezone.now()
    delegation = Delegation(board=board, deputy=staff.member, starts_at=now,
                            ends_at=now - datetime.timedelta(hours=1), reason="x")
    with pytest.raises(ValidationError) as error:
        delegation.full_clean()
    assert set(error.value.message_dict) == {"deputy", "ends_at"}


def test_board_admin_is_scoped_to_the_agency(client, board, staff, make_agency, make_staff):
    """Another agency's leader sees no board of ours; ours sees it and its delegations."""
    from plugins.core.models import Role

    other = make_agency("SKH", own_home=True)
    stranger = make_staff("giamdoc", other, Role.AGENCY_LEADER)
    client.force_login(stranger)
    assert client.get(reverse("editorial_board_board:edit", args=[board.pk])).status_code == 404
    assert board.name not in client.get(reverse("editorial_board_board:index")).content.decode()
    client.force_login(staff.chief)
    assert board.name in client.get(reverse("editorial_board_board:index")).content.decode()


def test_delegation_is_recorded_in_the_admin_with_who_recorded_it(client, board, staff):
    """R-ED-3: the chief records the window in the admin; it is listed as in force."""
    client.force_login(staff.chief)
    now = timezone.localtime()
    response = client.post(reverse("editorial_board_delegation:add"), {
        "board": board.pk, "deputy": staff.deputy.pk,
        "starts_at": (now - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "ends_at": (now + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M"),
        "reason": "Trưởng ban nghỉ phép",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    delegation = Delegation.objects.get()
    assert delegation.created_by == staff.chief and delegation.is_active
    html = client.get(reverse("editorial_board_delegation:index")).content.decode()
    assert "Trưởng ban nghỉ phép" in html
    assert delegation.history.count() == 1


def test_the_board_needs_exactly_one_chief(client, board, staff):
    client.force_login(staff.chief)
    url = reverse("editorial_board_board:edit", args=[board.pk])
    members = list(board.members.order_by("pk"))
    data = {
        "agency": board.agency_id, "name": board.name, "decision_number": "15/QĐ-BQL",
        "decision_date": "", "members-TOTAL_FORMS": len(members),
        "members-INITIAL_FORMS": len(members), "members-MIN_NUM_FORMS": 1,
        "members-MAX_NUM_FORMS": 1000,
    }
    for index, member in enumerate(members):
        data.update({f"members-{index}-id": member.pk,
                     f"members-{index}-position": member.position_id,
                     f"members-{index}-role": "member", f"members-{index}-duties": "",
                     f"members-{index}-ORDER": index + 1})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "đúng một Trưởng Ban Biên tập" in response.content.decode() or \
        "exactly one chief" in response.content.decode()
