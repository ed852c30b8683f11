"""R-SEC-2: admin screens keep each agency's staff to their own agency's records and pages.

Small cases of what the permission matrix (test_permission_matrix.py) found, each with the
screen that leaked."""

import pytest
from django.conf import settings

if "portal" not in settings.INSTALLED_APPS:  # every plugin is probed: the full site only
    pytest.skip("the matrix needs every plugin", allow_module_level=True)
from django.urls import reverse
from wagtail.models import Page

from plugins.core.models import Position, Role, Unit


@pytest.fixture
def agencies(make_agency):
    first = make_agency("AAA", "Cơ quan AAA", own_home=True)
    second = make_agency("BBB", "Cơ quan BBB", own_home=True)
    return first, second


@pytest.fixture
def people(agencies, make_staff):
    first, second = agencies
    office_a = Unit.objects.create(agency=first, name="Văn phòng AAA")
    office_b = Unit.objects.create(agency=second, name="Văn phòng BBB")
    return {
        "it_a": make_staff("quantri-a", first, Role.IT_ADMIN, office_a),
        "staff_a": make_staff("chuyenvien-a", first, Role.SPECIALIST, office_a),
        "staff_b": make_staff("chuyenvien-b", second, Role.SPECIALIST, office_b),
        "office_a": office_a, "office_b": office_b,
    }


def test_the_position_form_offers_only_the_agencys_own_people(client, people):
    """R-SEC-2: an IT administrator choosing the person of a position sees the people of
    their agency only, and cannot give a position to another agency's person."""
    client.force_login(people["it_a"])
    url = reverse("core_position:add")
    page = client.get(url).content.decode()
    assert "chuyenvien-a" in page.lower()
    assert "chuyenvien-b" not in page.lower()
    response = client.post(url, {"user": people["staff_b"].pk, "unit": people["office_a"].pk,
                                 "title": "Chuyên viên", "sort_order": 0})
    assert response.status_code == 200  # the form again, with the error
    assert not Position.objects.filter(user=people["staff_b"], unit=people["office_a"]).exists()


def test_editing_a_position_keeps_the_person_it_names(client, people):
    """The person already named stays a valid choice (the form does not empty it)."""
    position = Position.objects.get(user=people["staff_a"])
    client.force_login(people["it_a"])
    response = client.get(reverse("core_position:edit", args=[position.pk]))
    assert f'value="{people["staff_a"].pk}" selected' in response.content.decode()


def test_the_history_of_a_record_opens_for_its_agency_only(client, people):
    """The history screen of an agency's record opens (it failed with a server error) for
    its own agency, and another agency's record is not found."""
    client.force_login(people["it_a"])
    own = client.get(reverse("core_unit:history", args=[people["office_a"].pk]))
    other = client.get(reverse("core_unit:history", args=[people["office_b"].pk]))
    assert own.status_code == 200
    assert other.status_code == 404


def test_the_periodic_review_rule_screens_open(client, agencies, make_staff):
    """The add screen of a periodic review rule opens (its form had no model)."""
    client.force_login(make_staff("lanhdao-a", agencies[0], Role.AGENCY_LEADER))
    assert client.get(reverse("editorial_board_review_rule:add")).status_code == 200


def test_no_admin_screen_shows_another_agencys_page(client, agencies, people):
    """A move's confirmation, the page chooser and the explorer show no page of another
    agency's site, while the agency's own pages open."""
    first, second = agencies
    own = first.site.root_page.add_child(instance=Page(title="Trang AAA", slug="trang-a"))
    other = second.site.root_page.add_child(
        instance=Page(title="Dự thảo mật BBB", slug="trang-b", live=False))
    target = first.site.root_page
    client.force_login(people["it_a"])
    for name, args in (("wagtailadmin_pages:move_confirm", [other.pk, target.pk]),
                       ("wagtailadmin_choose_page_child", [other.pk]),
                       ("wagtailadmin_pages:confirm_workflow_cancellation", [other.pk]),
                       ("wagtailadmin_explore", [other.pk])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 404, name
    own_move = client.get(reverse("wagtailadmin_pages:move_confirm", args=[own.pk, target.pk]))
    assert own_move.status_code == 200
    assert client.get(reverse("wagtailadmin_reports:page_types_usage")).status_code == 404
    chooser = client.get(reverse("wagtailadmin_choose_page")).json()["html"]
    assert "Trang chủ AAA" in chooser
    assert "Trang chủ BBB" not in chooser
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Trang"})
    assert "BBB" not in search.content.decode()


def test_a_new_board_offers_only_the_agencys_positions(client, agencies, people, make_staff):
    """The member rows of a new editorial board (the first row and the one the browser
    adds) offer the positions of the agency's people only."""
    client.force_login(make_staff("lanhdao-a", agencies[0], Role.AGENCY_LEADER,
                                  people["office_a"]))
    page = client.get(reverse("editorial_board_board:add")).content.decode()
    assert "Văn phòng AAA" in page
    assert "Văn phòng BBB" not in page
