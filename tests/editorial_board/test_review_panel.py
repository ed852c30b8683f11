"""The dashboard's "Awaiting your review" panel (plugins.core.admin.awaiting_review): the
rows Wagtail's own panel shows, in a constant number of queries (R-ED-2)."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from plugins.core.admin.awaiting_review import AwaitingReviewPanel

from .conftest import act

pytestmark = pytest.mark.django_db


def _awaiting_review(client):
    """The text of the dashboard's "Awaiting your review" panel, '' when it is not shown."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    section = BeautifulSoup(html, "html.parser").select_one("#awaiting-review-section")
    return str(section) if section else ""


def _panel_html(panel, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return panel.render_html({"request": request, "csrf_token": "token"})


@pytest.mark.parametrize("count", [2, 8])
def test_a_leaders_items_to_review_cost_the_same_queries_for_2_or_8(
        client, make_item, staff, count, django_assert_max_num_queries):
    """R-ED-2: the unit leader's dashboard lists each item waiting for their approval with
    its actions; eight items cost no more queries than two (Wagtail's panel: five a row)."""
    for index in range(count):
        make_item(staff.author, title=f"Bài chờ duyệt số {index}")
    client.force_login(staff.leader)
    client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(70):
        html = _awaiting_review(client)
    assert html.count("Bài chờ duyệt số") == count
    assert html.count("data-workflow-action-url") == 3 * count  # reject, approve, with comment


def test_the_rows_are_wagtails_own(make_item, staff):
    """R-ED-2: the same rows, steps' statuses and actions as Wagtail's panel, for an item at
    its first step and one its unit leader already approved."""
    first = make_item(staff.author, title="Bài ở bước một")
    second = make_item(staff.author, title="Bài đã qua trưởng phòng")
    act(second, staff.leader)
    for user in (staff.leader, staff.member, staff.chief):
        ours = _panel_html(AwaitingReviewPanel(), user)
        assert ours == _panel_html(WorkflowObjectsToModeratePanel(), user)
    member_view = _panel_html(AwaitingReviewPanel(), staff.member)
    assert second.title in member_view and first.title not in member_view
    assert "icon-success" in member_view  # the first step: approved


def test_who_may_not_act_sees_no_row(client, make_item, staff):
    """R-ED-2: the leader of another unit and the author see nothing to review; the
    author's unit leader does."""
    make_item(staff.author, title="Bài của phòng khác")
    for user in (staff.other_leader, staff.author):
        client.force_login(user)
        assert "Bài của phòng khác" not in _awaiting_review(client)
    client.force_login(staff.leader)
    assert "Bài của phòng khác" in _awaiting_review(client)
