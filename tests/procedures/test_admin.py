"""Editors keep procedures in the Wagtail admin (R-PR-1, R-PR-3, R-PR-4); the demo list
(seed 000 Đ7.3)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from plugins.core.demo import DemoContext
from plugins.core.files import detect
from plugins.core.models import Position, Unit
from plugins.procedures.demo import load_procedures_demo
from plugins.procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


def _post_data(**overrides):
    data = {
        "title": "Cấp giấy phép lao động cho người lao động nước ngoài",
        "slug": "2-000205-cap-giay-phep-lao-dong",
        "code": "2.000205",
        "status": "in_force",
        "implementing_body": "Ban Quản lý các Khu công nghiệp Tiền Giang",
        "steps": streamfield([("case", {"case": "", "steps": streamfield(
            [("item", "Bước 1: Nộp hồ sơ.")])})]),
        "channels": streamfield([]),
        "dossier": streamfield([]),
        "results": streamfield([]),
        "legal_bases": inline_formset([{"number": "45/2019/QH14", "title": "Bộ luật Lao động"}]),
        "online_level": "2",
    }
    data.update(overrides)
    return {**nested_form_data(data), "levels": ["province"]}


def test_an_editor_creates_and_publishes_a_procedure(client, django_user_model, index_page):
    admin = django_user_model.objects.create_superuser("bientap", "bt@example.vn", "x-2026-pw")
    client.force_login(admin)
    add_url = reverse("wagtailadmin_pages:add", args=("procedures", "procedurepage",
                                                      index_page.pk))
    response = client.get(add_url)
    assert response.status_code == 200
    assert 'name="levels"' in response.content.decode()
    response = client.post(add_url, {**_post_data(), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    page = ProcedurePage.objects.get(code="2.000205")
    assert page.live and page.levels == ["province"]
    assert [str(basis) for basis in page.legal_bases.all()] == ["45/2019/QH14 Bộ luật Lao động"]
    assert client.get("/thu-tuc-hanh-chinh/", {"q": "giay phep lao dong"}).content.decode() \
        .count("procedure-row") == 1


def test_the_admin_form_refuses_a_renamed_program_as_a_form_template(
    client, django_user_model, index_page, make_document
):
    """R-PR-3: form files are checked by content when the page is saved."""
    admin = django_user_model.objects.create_superuser("bientap", "bt@example.vn", "x-2026-pw")
    client.force_login(admin)
    fake = make_document("mau-01.docx", b"MZ\x90\x00 a program, not a document")
    paper = {"code": "", "name": "Đơn đề nghị", "originals": "1", "copies": "0",
             "form_name": "", "form_url": "", "forms": streamfield([("item", fake.pk)])}
    data = _post_data(dossier=streamfield([("case", {"case": "", "papers": streamfield(
        [("item", paper)])})]))
    add_url = reverse("wagtailadmin_pages:add", args=("procedures", "procedurepage",
                                                      index_page.pk))
    response = client.post(add_url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    assert "mau-01.docx" in response.content.decode()
    assert not ProcedurePage.objects.exists()


def test_an_editor_of_another_agency_cannot_add_procedures_here(client, make_agency,
                                                                 make_staff, index_page):
    """R-SEC-2: page permissions are per agency site."""
    from plugins.core.models import Role

    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", own_home=True)
    stranger = make_staff("chuyenvien.skh", other, role=Role.SPECIALIST)
    client.force_login(stranger)
    add_url = reverse("wagtailadmin_pages:add", args=("procedures", "procedurepage",
                                                      index_page.pk))
    assert client.get(add_url).status_code == 404  # another agency's page is not found


def test_the_demo_lists_the_boards_procedures_with_real_forms(agency, make_staff, settings):
    """Seed 000 Đ7.3: at least 20 current procedures of the industrial-zones board, each
    with steps, time, fees, dossier and form templates in DOCX and ODT; loading twice
    changes nothing."""
    unit = Unit.objects.create(agency=agency, name="Phòng Quản lý doanh nghiệp")
    make_staff("chuyenvien", agency, unit=unit)
    context = DemoContext(log=lambda *args: None, objects={"agencies": {"bql": agency}})
    load_procedures_demo(context)
    pages = ProcedurePage.objects.live().filter(agency=agency)
    current = [page for page in pages if page.status == "in_force"]
    assert len(current) >= 20
    for page in current:
        assert page.steps and page.time_options and page.paper_cases, page.code
        documents = page.form_documents()
        assert documents, page.code
        kinds = {detect(document.file.read()) for document in documents}
        assert kinds == {"docx", "odt"}, page.code
    labour = pages.get(code="2.000205")
    assert labour.receiving_position == Position.objects.get(user__username="chuyenvien")
    created = context.created
    load_procedures_demo(context)
    assert context.created == created
