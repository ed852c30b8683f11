"""Editors keep projects and notices in the Wagtail admin (R-SITE-3, seed 002 Đ3.7): the
closing time typed in Vietnam time; results refused while bids are open, nothing saved."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from plugins.investment.models import NoticePage, ProjectPage

from .conftest import odt_bytes
from .helpers import days

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    admin = django_user_model.objects.create_superuser("bientap", "bt@example.vn", "x-2026-pw")
    client.force_login(admin)
    return admin


def _notice_data(closing, result_documents=(), results="", **overrides):
    data = {
        "title": "Mời thầu gói thầu số 05", "slug": "moi-thau-goi-thau-so-05",
        "kind": "invitation", "reference": "IB2600998877",
        "package_name": "Gói thầu số 05: Mua sắm thiết bị phòng cháy",
        "procuring_entity": "Ban Quản lý các Khu công nghiệp Tiền Giang",
        "selection_method": "open", "package_price": "1250000000", "closing": closing,
        "summary": "", "body": rich_text("<p>Nộp hồ sơ qua mạng.</p>"),
        "results": rich_text(results) if results else rich_text(""),
        "documents": inline_formset([]),
        "result_documents": inline_formset([{"document": d.pk, "title": ""}
                                            for d in result_documents]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_publishes_a_notice_typed_in_vietnam_time(client, editor, notice_list):
    """Seed 002 Đ3.7: 09:00 typed in the admin is 09:00 in Vietnam (02:00 UTC) on the page;
    the price is shown in đồng."""
    add_url = reverse("wagtailadmin_pages:add",
                      args=("investment", "noticepage", notice_list.pk))
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, {**_notice_data("28/12/2026 09:00"),
                                      "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    notice = NoticePage.objects.get(slug="moi-thau-goi-thau-so-05")
    assert notice.live and notice.closing == datetime.datetime(2026, 12, 28, 2, 0,
                                                               tzinfo=datetime.UTC)
    client.logout()
    page = client.get(notice.url).content.decode()
    assert "09:00" in page and "28/12/2026" in page and "1.250.000.000 ₫" in page


def test_results_typed_while_bids_are_open_are_refused_and_nothing_saved(
        client, editor, notice_list, make_document):
    """Seed 002 Đ3.7: results (text or documents) come after the closing; an editor who
    adds them before is refused with a reason, and no page is made."""
    add_url = reverse("wagtailadmin_pages:add",
                      args=("investment", "noticepage", notice_list.pk))
    decision = make_document("quyet-dinh.odt", odt_bytes("Quyết định"))
    closing = f"{days(10):%d/%m/%Y} 09:00"
    response = client.post(add_url, {**_notice_data(closing, result_documents=[decision]),
                                      "action-publish": "publish"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "sau thời điểm đóng thầu" in " ".join(errors["closing"])
    response = client.post(add_url, {**_notice_data(closing, results="<p>Trúng thầu</p>"),
                                      "action-publish": "publish"})
    assert response.status_code == 200
    assert "results" in response.context["form"].errors
    assert not NoticePage.objects.exists()
    past = f"{days(-10):%d/%m/%Y} 09:00"
    response = client.post(add_url, {**_notice_data(past, result_documents=[decision],
                                                     results="<p>Trúng thầu</p>"),
                                      "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    assert client.get(decision.url).status_code == 200


def test_an_editor_publishes_a_project_with_its_capital(client, editor, project_list):
    """R-SITE-3: a project typed in the admin, its capital in đồng shown as Vietnamese texts
    write amounts."""
    add_url = reverse("wagtailadmin_pages:add",
                      args=("investment", "projectpage", project_list.pk))
    assert client.get(add_url).status_code == 200
    data = nested_form_data({
        "title": "Trung tâm logistics Long Giang", "slug": "trung-tam-logistics-long-giang",
        "status": "calling", "field": "logistics", "project_type": "business",
        "objective": "Dịch vụ kho bãi cho doanh nghiệp.",
        "zone": "Khu  công nghiệp   Long Giang", "location": "", "scale": "18 ha",
        "total_capital": "950000000000", "capital_note": "", "duration": "36 tháng",
        "investor": "", "contact": "Phòng Quản lý đầu tư", "body": rich_text(""),
        "documents": inline_formset([]),
    })
    response = client.post(add_url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    project = ProjectPage.objects.get(slug="trung-tam-logistics-long-giang")
    assert project.zone == "Khu công nghiệp Long Giang"  # spaces tidied: one facet value
    client.logout()
    assert "950.000.000.000 ₫" in client.get(project.url).content.decode()
