"""Three-step moderation on Wagtail's workflows (R-ED-2, R-ED-3, R-ED-4)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from plugins.core.models import Role
from plugins.editorial_board.models import (
    Board,
    BoardMember,
    BoardRole,
    Delegation,
    EditorialRecord,
    EditorialTaskState,
)
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.moderation.models.tasks import ReasonForm

from .conftest import act, step_of

pytestmark = pytest.mark.django_db


def _actions(page, user):
    page.refresh_from_db()
    return [name for name, *_ in page.current_workflow_task.get_actions(page, user)]


def _moderates(user):
    return set(TaskState.objects.reviewable_by(user).values_list("pk", flat=True))


def test_submit_leader_board_chief_publishes(make_item, staff, units, client, delivered):
    """R-ED-2: staff write → unit leader approves → board edits → chief verifies and publishes."""
    page = make_item(staff.author)
    record = EditorialRecord.objects.get(page=page)
    assert record.unit == units.business and record.submitted_by == staff.author
    assert list(record.authors.all()) == [staff.author]
    assert step_of(page) == "UnitLeaderApprovalTask"
    assert "truongphongqldn@tiengiang.gov.vn" in [m.to[0] for m in delivered()]

    act(page, staff.leader)
    assert step_of(page) == "BoardReviewTask"
    act(page, staff.member)
    assert step_of(page) == "ChiefApprovalTask"
    assert not Page.objects.get(pk=page.pk).live
    act(page, staff.chief)
    page.refresh_from_db()
    assert page.live and step_of(page) is None
    record.refresh_from_db()
    assert record.published_at is not None and not record.published_directly
    assert record.published_by == staff.chief
    states = EditorialTaskState.objects.filter(workflow_state__object_id=str(page.pk))
    assert [s.finished_by for s in states.order_by("started_at", "pk")] == [
        staff.leader, staff.member, staff.chief]


def test_a_leader_of_another_unit_cannot_approve(make_item, staff):
    """R-ED-2: only the leader of the author's unit acts at the first step."""
    page = make_item(staff.author)
    assert _actions(page, staff.other_leader) == []
    assert page.current_workflow_task.locked_for_user(page, staff.other_leader)
    assert _actions(page, staff.member) == []  # a board member does not skip the unit
    state = page.current_workflow_task_state
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, staff.other_leader, "approve")
    assert state.pk not in _moderates(staff.other_leader)
    assert state.pk in _moderates(staff.leader)
    assert "approve" in _actions(page, staff.leader)


def test_the_unit_chosen_on_the_page_decides_the_leader(make_item, staff, units):
    """R-ED-2: a unit set on the item (here by an editor) wins over the author's unit."""
    page = make_item(staff.author, submit=False)
    from plugins.editorial_board.moderation import records

    record = records.sync(page)
    record.unit = units.investment
    record.save()
    page.get_workflow().start(page, staff.author)
    assert _actions(page, staff.leader) == []
    assert "approve" in _actions(page, staff.other_leader)


def test_a_member_cannot_publish_and_the_deputy_only_when_delegated(make_item, staff, board):
    """R-ED-2, R-ED-3: the last step belongs to the chief or a delegated deputy."""
    page = make_item(staff.author)
    act(page, staff.leader)
    act(page, staff.member)
    assert _actions(page, staff.member) == []
    assert _actions(page, staff.deputy) == []
    now = timezone.now()
    Delegation.objects.create(board=board, deputy=staff.deputy, reason="Trưởng ban đi công tác",
                              starts_at=now - datetime.timedelta(hours=1),
                              ends_at=now + datetime.timedelta(days=1))
    who.forget(staff.deputy)  # what a new request would know
    assert "approve" in _actions(page, staff.deputy)
    act(page, staff.deputy)
    assert Page.objects.get(pk=page.pk).live


def test_the_submitter_never_approves_their_own_item_at_board_steps(make_item, staff, board):
    """A board member's own article goes through the others."""
    BoardMember.objects.filter(board=board, role=BoardRole.CHIEF).update(role=BoardRole.MEMBER)
    BoardMember.objects.filter(position__user=staff.member).update(role=BoardRole.CHIEF)
    page = make_item(staff.editor)  # the IT editor, a board member, in the office
    act(page, staff.member)  # the office's leader
    assert step_of(page) == "BoardReviewTask"
    assert _actions(page, staff.editor) == []
    assert page.current_workflow_task_state.pk not in _moderates(staff.editor)
    assert "approve" in _actions(page, staff.deputy)
    act(page, staff.deputy)
    assert _actions(page, staff.editor) == []
    assert "approve" in _actions(page, staff.member)


def test_rejection_needs_reasons_goes_back_and_is_counted(make_item, staff, delivered):
    """R-ED-4: the reasons reach the author (admin and email); the author resubmits."""
    page = make_item(staff.author)
    act(page, staff.leader)
    assert not ReasonForm({"comment": ""}).is_valid()
    state = page.current_workflow_task_state
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, staff.member, "reject", comment="  ")
    delivered().clear()
    act(page, staff.member, "reject", comment="Thiếu nguồn ảnh; sửa lại tiêu đề.")
    workflow_state = WorkflowState.objects.get(object_id=str(page.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any("Thiếu nguồn ảnh" in message.body and message.to == [staff.author.email]
               for message in delivered())
    assert EditorialTaskState.objects.filter(status="rejected", unit__isnull=False).count() == 1

    workflow_state.resume(user=staff.author)
    assert step_of(page) == "BoardReviewTask"
    act(page, staff.member)
    act(page, staff.chief)
    assert Page.objects.get(pk=page.pk).live


def test_the_author_sees_the_reasons_in_the_admin(make_item, staff, client):
    page = make_item(staff.author)
    act(page, staff.leader, "reject", comment="Bổ sung số liệu tháng 10.")
    client.force_login(staff.author)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Bổ sung số liệu tháng 10." in edit
    history = reverse("wagtailadmin_pages:workflow_history_detail",
                      args=[page.pk, WorkflowState.objects.get().pk])
    assert "Bổ sung số liệu tháng 10." in client.get(history).content.decode()


def test_a_unit_leader_submitting_gives_the_unit_approval(make_item, staff):
    page = make_item(staff.leader)
    assert step_of(page) == "BoardReviewTask"


def test_a_citizen_never_sees_a_draft(make_item, staff, client):
    page = make_item(staff.author)
    act(page, staff.leader)
    assert client.get("/tin-tuc/" + page.slug + "/").status_code == 404
    act(page, staff.member)
    act(page, staff.chief)
    assert client.get("/tin-tuc/" + page.slug + "/").status_code == 200


def test_another_agencys_board_sees_nothing(make_item, staff, make_agency, make_staff):
    from plugins.core.models import Position, Unit

    page = make_item(staff.author)
    act(page, staff.leader)
    other = make_agency("SKH", own_home=True)
    office = Unit.objects.create(agency=other, name="Văn phòng Sở")
    director = make_staff("giamdoc", other, Role.AGENCY_LEADER, office, "Giám đốc",
                          is_leader=True)
    their_board = Board.objects.create(agency=other)
    BoardMember.objects.create(board=their_board, role=BoardRole.CHIEF,
                               position=Position.objects.get(user=director))
    assert _moderates(director) == set()
    assert _actions(page, director) == []
    assert page.current_workflow_task.locked_for_user(page, director)


def test_direct_publication_is_refused_to_all_but_the_chief(make_item, staff, client):
    """R-ED-2: Wagtail's publish permission (the deputy holds it) does not skip the board."""
    page = make_item(staff.deputy, submit=False)
    client.force_login(staff.deputy)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-publish"' not in client.get(edit).content.decode()
    response = client.post(edit, {"title": page.title, "slug": page.slug,
                                  "action-publish": "publish"}, follow=True)
    assert not Page.objects.get(pk=page.pk).live
    assert "Ban Biên tập" in response.content.decode() or "editorial board" in \
        response.content.decode()
    client.force_login(staff.chief)
    assert 'name="action-publish"' in client.get(edit).content.decode()
    client.post(edit, {"title": page.title, "slug": page.slug, "action-publish": "publish"})
    page.refresh_from_db()
    assert page.live
    assert EditorialRecord.objects.get(page=page).published_directly
