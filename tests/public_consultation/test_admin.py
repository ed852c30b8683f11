"""Moderation of comments in the Wagtail admin (R-SITE-6, R-SEC-2): the agency's leader and
the units' leaders and specialists approve or refuse comments and write answers; the clerk,
the IT administrator and other agencies' staff are refused and change nothing; comments are
never added or deleted there."""

import pytest
from django.urls import reverse

from plugins.core.models import Role
from plugins.public_consultation.models import Comment, CommentStatus

from .conftest import add_comment, make_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(make_consultation):
    page = make_consultation("Dự thảo Quy chế ALPHA")
    return add_comment(page, name="Trần Thị Hoa", email="hoa.tran@example.vn",
                       phone="0912 345 678", text="Ý kiến chờ duyệt ALPHA.")


@pytest.fixture
def other_comment(make_agency, make_consultation):
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", hostname="skh.test", own_home=True)
    page = make_consultation("Dự thảo Kế hoạch BRAVO", into=make_index(other))
    return add_comment(page, text="Ý kiến BRAVO.")


@pytest.mark.parametrize("role", [Role.AGENCY_LEADER, Role.UNIT_LEADER, Role.SPECIALIST])
def test_a_moderator_approves_and_answers_a_comment(client, agency, comment, make_staff, role):
    """R-SITE-6: the moderator sees the comment with its contacts, approves it with an
    answer; who and when are recorded; the comment then shows on the site."""
    user = make_staff(f"bientap-{role.value}", agency, role)
    client.force_login(user)
    listing = client.get(reverse("public_consultation_comment:index"))
    assert listing.status_code == 200
    assert "Ý kiến chờ duyệt ALPHA." in listing.content.decode()
    url = reverse("public_consultation_comment:edit", args=[comment.pk])
    form = client.get(url).content.decode()
    assert "hoa.tran@example.vn" in form and "0912 345 678" in form
    response = client.post(url, {"status": "approved", "answer": "Tiếp thu."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.answer, comment.moderated_by) == (
        CommentStatus.APPROVED, "Tiếp thu.", user)
    assert comment.moderated_at is not None
    client.logout()
    assert "Ý kiến chờ duyệt ALPHA." in client.get(comment.page.url).content.decode()


def test_the_edit_form_cannot_change_what_the_citizen_wrote(client, agency, comment,
                                                           make_staff):
    """R-SITE-6: the sender, contacts and text are shown read-only; a POST of them is
    ignored."""
    client.force_login(make_staff("chuyenvien", agency, Role.SPECIALIST))
    client.post(reverse("public_consultation_comment:edit", args=[comment.pk]), {
        "status": "refused", "answer": "", "text": "Đã sửa", "name": "Người khác",
        "email": "khac@example.vn"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REFUSED
    assert (comment.text, comment.name, comment.email) == (
        "Ý kiến chờ duyệt ALPHA.", "Trần Thị Hoa", "hoa.tran@example.vn")


@pytest.mark.parametrize("role", [Role.CLERK, Role.IT_ADMIN, None])
def test_others_of_the_agency_are_refused_and_change_nothing(client, agency, comment,
                                                             make_staff, role):
    """R-SEC-2: the clerk, the IT administrator and a user without a role neither read the
    citizens' contacts nor moderate."""
    client.force_login(make_staff(f"khac-{role or 'none'}", agency, role))
    assert client.get(reverse("public_consultation_comment:index")).status_code in (302, 403)
    url = reverse("public_consultation_comment:edit", args=[comment.pk])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "hoa.tran@example.vn" not in response.content.decode()
    client.post(url, {"status": "approved", "answer": "X"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING and comment.answer == ""


def test_another_agencys_moderator_neither_sees_nor_changes(client, agency, comment,
                                                            other_comment, make_staff):
    """R-SEC-2: the list holds the agency's own comments; another agency's comment is not
    found and a POST to it changes nothing."""
    client.force_login(make_staff("chuyenvien-skh", other_comment.agency, Role.SPECIALIST))
    listing = client.get(reverse("public_consultation_comment:index")).content.decode()
    assert "BRAVO" in listing and "ALPHA" not in listing
    url = reverse("public_consultation_comment:edit", args=[comment.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "approved", "answer": "X"}).status_code == 404
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_comments_are_neither_added_nor_deleted_in_the_admin(client, agency, comment,
                                                             make_staff):
    """R-SITE-6: comments come from the public form and are kept (refused, not deleted)."""
    client.force_login(make_staff("lanhdao", agency, Role.AGENCY_LEADER))
    assert client.get(reverse("public_consultation_comment:add")).status_code in (302, 403)
    url = reverse("public_consultation_comment:delete", args=[comment.pk])
    client.post(url)
    assert Comment.objects.filter(pk=comment.pk).exists()
