"""The party cell's, trade union's and youth union's boards (R-EO-13; seed 004 Đ7.6–7.8):
written only by their committee, read only by their members; a non-member never reads or
writes (refused GET and POST, nothing changed)."""

import pytest
from django.urls import reverse

from plugins.eoffice.notices import access, services
from plugins.eoffice.notices.models import Board, Membership, Post

pytestmark = pytest.mark.django_db

ROLES = ("director", "clerk", "office_head", "leader", "specialist", "colleague", "outsider",
         "other_leader", "it_admin", "skh_clerk", "skh_director")
COMMITTEE = {"office_head"}
MEMBERS = {"office_head", "specialist"}


def _denied(response):
    """403/404, or the admin's answer to a refusal: back to the dashboard."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


@pytest.fixture
def board(make_board, staff):
    board = make_board()
    services.create_post(staff["office_head"], board, title="Thăm hỏi đoàn viên ốm đau",
                         body="Công đoàn tổ chức thăm hỏi.")
    return board


def test_R_EO_13_one_board_per_kind_members_of_the_agency_only(staff, bql, make_board):
    board = make_board()
    assert make_board().pk == board.pk and Board.objects.count() == 1
    with pytest.raises(services.TransitionError):
        services.set_board(staff["director"], bql, "trade_union",
                           members=[staff["skh_clerk"]])
    for role in ("clerk", "leader", "specialist", "office_head", "skh_director"):
        with pytest.raises(services.TransitionError):
            services.set_board(staff[role], bql, "trade_union", committee=[staff[role]])
    assert set(Membership.objects.values_list("user__username", "is_committee")) == {
        ("chanhvanphong", True), ("chuyenvien", False)}
    services.set_board(staff["it_admin"], bql, "trade_union", committee=[staff["specialist"]])
    assert set(Membership.objects.values_list("user__username", "is_committee")) == {
        ("chuyenvien", True)}


def test_R_EO_13_only_the_committee_writes(staff, board):
    for role in sorted(set(ROLES) - COMMITTEE):
        with pytest.raises(services.TransitionError):
            services.create_post(staff[role], board, title="Bài", body="Nội dung")
    assert Post.objects.count() == 1
    post = Post.objects.get()
    services.set_board(staff["director"], board.agency, "trade_union",
                       committee=[staff["office_head"], staff["clerk"]])
    with pytest.raises(services.TransitionError):  # another committee member's post
        services.edit_post(staff["clerk"], post, title="Sửa", body="x")
    services.edit_post(staff["office_head"], post, title="Thăm hỏi (sửa)", body="x")
    assert post.history.count() == 2


@pytest.mark.parametrize("role", ROLES)
def test_R_EO_13_every_role_on_the_board_screens(client, staff, board, role):
    post = board.posts.get()
    before = list(Post.objects.values()), list(Membership.objects.values())
    client.force_login(staff[role])
    page = client.get(reverse("eoffice_notices:board_detail", args=[board.pk]))
    listing = client.get(reverse("eoffice_notices:boards")).content.decode()
    if role in MEMBERS:
        assert page.status_code == 200 and "Thăm hỏi đoàn viên ốm đau" in page.content.decode()
        assert board.name in listing
    else:
        assert page.status_code == 404, role
        assert "Thăm hỏi đoàn viên ốm đau" not in listing
    responses = [
        client.post(reverse("eoffice_notices:board_detail", args=[board.pk]),
                    {"title": "Bài trái phép", "body": "x"}),
        client.get(reverse("eoffice_notices:post_edit", args=[post.pk])),
        client.post(reverse("eoffice_notices:post_edit", args=[post.pk]),
                    {"title": "Sửa trái phép", "body": "x"}),
        client.post(reverse("eoffice_notices:post_delete", args=[post.pk])),
    ]
    if role in COMMITTEE:
        return
    assert all(_denied(response) for response in responses), role
    assert (list(Post.objects.values()), list(Membership.objects.values())) == before
    members = client.get(reverse("eoffice_notices:board_members",
                                 args=[board.agency_id, "trade_union"]))
    if role in ("director", "it_admin"):
        assert members.status_code == 200
    else:
        assert _denied(members), role
    client.post(reverse("eoffice_notices:board_members", args=[board.agency_id,
                                                               "trade_union"]),
                {"name": "Công đoàn", "committee": [staff[role].pk]})
    if role not in ("director", "it_admin"):
        assert (list(Post.objects.values()), list(Membership.objects.values())) == before


def test_R_EO_13_a_superuser_does_not_read_a_board(staff, board, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.test", "x")
    assert not access.visible_posts(admin).exists()


def test_R_EO_13_committee_posts_from_the_screen(client, staff, board):
    client.force_login(staff["office_head"])
    response = client.post(reverse("eoffice_notices:board_detail", args=[board.pk]),
                           {"title": "Đại hội công đoàn", "body": "Triệu tập đại hội."})
    assert response.status_code == 302
    assert Post.objects.filter(title="Đại hội công đoàn", author=staff["office_head"]).exists()


@pytest.mark.parametrize("screen", ["boards", "board_detail"])
def test_R_EO_13_board_lists_at_constant_queries(client, staff, board, screen,
                                                 django_assert_max_num_queries):
    client.force_login(staff["specialist"])
    url = (reverse("eoffice_notices:boards") if screen == "boards"
           else reverse("eoffice_notices:board_detail", args=[board.pk]))

    def count():
        with django_assert_max_num_queries(60) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    few = count()
    for number in range(6):
        services.create_post(staff["office_head"], board, title=f"Bài {number}", body="x")
    for kind in ("party_cell", "youth_union"):
        services.set_board(staff["director"], board.agency, kind,
                           committee=[staff["office_head"]], members=[staff["specialist"]])
    assert count() <= few
