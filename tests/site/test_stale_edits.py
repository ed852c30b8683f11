"""Two editors on one page: the second never silently overwrites the first (R-SEC-3)."""

import pytest
from django.urls import reverse
from portal.models import StandardPage

from plugins.core.models import Role
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_and_editors(make_agency, make_staff):
    agency = make_agency("BQL", hostname="testserver")
    page = agency.site.root_page.add_child(instance=StandardPage(
        title="Giới thiệu", slug="gioi-thieu", summary="Chức năng, nhiệm vụ"))
    page.save_revision().publish()
    first = make_staff("lanhdao", agency, Role.AGENCY_LEADER)
    second = make_staff("quantri", agency, Role.IT_ADMIN)
    return page, first, second


def _open(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return form_data(response.content.decode(), "form#page-edit-form")


def _publish(client, user, page, data, **changes):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                       {**data, **changes, "action-publish": "action-publish"})


def test_a_stale_publish_is_refused_and_keeps_the_editors_changes(client, page_and_editors):
    """R-SEC-3: the second editor is told who published a newer version and when; their
    own text stays in the form; nothing of theirs is saved."""
    page, first, second = page_and_editors
    first_form, second_form = _open(client, first, page), _open(client, second, page)
    assert _publish(client, first, page, first_form, title="Giới thiệu chung").status_code == 302
    revisions = page.revisions.count()
    response = _publish(client, second, page, second_form, title="Giới thiệu cơ quan",
                        summary="Bản của người thứ hai")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nguyễn Văn Lanhdao đã lưu một phiên bản mới hơn" in html
    assert "Bản của người thứ hai" in html  # the second editor's text is not lost
    page.refresh_from_db()
    assert page.title == "Giới thiệu chung" and page.revisions.count() == revisions


def test_saving_again_after_the_warning_confirms_the_overwrite(client, page_and_editors):
    page, first, second = page_and_editors
    first_form, second_form = _open(client, first, page), _open(client, second, page)
    _publish(client, first, page, first_form, title="Giới thiệu chung")
    refused = _publish(client, second, page, second_form, title="Giới thiệu cơ quan")
    again = form_data(refused.content.decode(), "form#page-edit-form")
    assert _publish(client, second, page, again).status_code == 302
    page.refresh_from_db()
    assert page.title == "Giới thiệu cơ quan"


def test_an_up_to_date_editor_saves_as_usual(client, page_and_editors):
    page, first, _second = page_and_editors
    form = _open(client, first, page)
    assert _publish(client, first, page, form, title="Giới thiệu (mới)").status_code == 302
    form = _open(client, first, page)
    assert _publish(client, first, page, form, title="Giới thiệu (mới hơn)").status_code == 302
    page.refresh_from_db()
    assert page.title == "Giới thiệu (mới hơn)"
