"""Editors keep events in the Wagtail admin (R-SITE-4): times typed in Vietnam time,
materials and links inline; another agency's staff cannot add one here."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from plugins.core.models import Role
from plugins.events.models import EventPage

from .conftest import odt_bytes

pytestmark = pytest.mark.django_db


def _post_data(document=None, **overrides):
    data = {
        "title": "Hội nghị tổng kết năm 2026",
        "slug": "hoi-nghi-tong-ket-nam-2026",
        "kind": "conference",
        "start": "28/12/2026 08:00",
        "end": "28/12/2026 11:30",
        "place": "Hội trường Ban Quản lý",
        "organiser": "Văn phòng",
        "summary": "Tổng kết công tác năm.",
        "body": rich_text("<p>Đánh giá kết quả năm.</p>"),
        "materials": inline_formset([{"document": document.pk, "title": ""}] if document
                                    else []),
        "links": inline_formset([{"title": "Cổng Dịch vụ công quốc gia",
                                  "url": "https://dichvucong.gov.vn/"}]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_publishes_an_event_typed_in_vietnam_time(client, django_user_model,
                                                            index_page, make_document):
    """R-SITE-4: 08:00 typed in the admin is 08:00 in Vietnam (01:00 UTC) on the page and
    in the calendar file; the material and the link are kept."""
    admin = django_user_model.objects.create_superuser("bientap", "bt@example.vn", "x-2026-pw")
    client.force_login(admin)
    agenda = make_document("chuong-trinh.odt", odt_bytes("Chương trình"))
    add_url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index_page.pk))
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, {**_post_data(agenda), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="hoi-nghi-tong-ket-nam-2026")
    assert event.live
    assert event.start == datetime.datetime(2026, 12, 28, 1, 0, tzinfo=datetime.UTC)
    assert [m.document_id for m in event.materials.all()] == [agenda.pk]
    client.logout()
    page = client.get(event.url).content.decode()
    assert "28/12/2026 08:00" in page and "11:30" in page
    assert client.get(agenda.url).status_code == 200  # a live event's material is public


def test_the_admin_refuses_an_event_that_ends_before_it_starts(client, django_user_model,
                                                               index_page):
    """R-SITE-4: the refused form says why; nothing is created."""
    admin = django_user_model.objects.create_superuser("bientap", "bt@example.vn", "x-2026-pw")
    client.force_login(admin)
    add_url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index_page.pk))
    response = client.post(add_url, {**_post_data(end="27/12/2026 11:30"),
                                     "action-publish": "publish"})
    assert response.status_code == 200
    assert "không thể kết thúc trước khi bắt đầu" in response.content.decode()
    response = client.post(add_url, {**_post_data(links=inline_formset(
        [{"title": "Độc", "url": "javascript:alert(1)"}])), "action-publish": "publish"})
    assert response.status_code == 200
    assert not EventPage.objects.exists()


def test_an_editor_of_another_agency_cannot_add_events_here(client, make_agency, make_staff,
                                                            index_page):
    """R-SEC-2: page permissions are per agency site; the refused POST creates nothing."""
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", own_home=True)
    stranger = make_staff("chuyenvien.skh", other, role=Role.SPECIALIST)
    client.force_login(stranger)
    add_url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index_page.pk))
    assert client.get(add_url).status_code == 404
    assert client.post(add_url, {**_post_data(), "action-publish": "publish"}
                       ).status_code == 404
    assert not EventPage.objects.exists()
