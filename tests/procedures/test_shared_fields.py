"""Procedure fields are a shared list (issue 16): national fields kept by superusers, each
agency's own kept by its IT administrator; an import adds a field it does not know to the
agency's own list, and another agency never sees it (R-SEC-2)."""

import pytest
from django.urls import reverse

from plugins.core.models import Role
from plugins.procedures.importer import Plan, write
from plugins.procedures.models import ProcedureField, ProcedurePage

from .conftest import make_index, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def fields(two_sites):
    first, second = two_sites
    return (ProcedureField.objects.create(name="Đầu tư tại Việt Nam", code="1.1"),
            ProcedureField.objects.create(name="Khu công nghiệp", agency=first),
            ProcedureField.objects.create(name="Đăng ký BRAVO", agency=second))


def _rows():
    return sorted(ProcedureField.objects.values_list("pk", "name", "code", "agency_id"))


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


@pytest.mark.parametrize("which", [0, 2], ids=["national", "other agency's"])
def test_the_it_administrator_changes_neither_a_national_field_nor_another_agencys(
        client, two_sites, make_staff, fields, which):
    client.force_login(make_staff("quantri", two_sites[0], Role.IT_ADMIN))
    before = _rows()
    for view in ("edit", "delete"):
        url = reverse(f"procedures_field:{view}", args=[fields[which].pk])
        assert refused(client.get(url))
        assert refused(client.post(url, {"agency": two_sites[0].pk, "name": "Đổi",
                                         "code": "", "sort_order": 1}))
    assert _rows() == before


def test_the_it_administrator_keeps_their_agencys_fields(client, two_sites, make_staff, fields):
    client.force_login(make_staff("quantri", two_sites[0], Role.IT_ADMIN))
    listing = client.get(reverse("procedures_field:index")).content.decode()
    assert "Đầu tư tại Việt Nam" in listing and "Khu công nghiệp" in listing
    assert "BRAVO" not in listing
    response = client.post(reverse("procedures_field:edit", args=[fields[1].pk]),
                           {"agency": two_sites[0].pk, "name": "Khu kinh tế", "code": "",
                            "sort_order": 5})
    assert response.status_code == 302
    assert ProcedureField.objects.get(pk=fields[1].pk).name == "Khu kinh tế"
    response = client.post(reverse("procedures_field:add"),
                           {"agency": two_sites[1].pk, "name": "Hải quan", "code": "",
                            "sort_order": 5})
    assert response.status_code == 200  # another agency is not a choice
    assert not ProcedureField.objects.filter(name="Hải quan").exists()


def test_an_import_adds_an_unknown_field_to_the_agencys_own_list(two_sites, fields):
    first, second = two_sites
    write(Plan(records=[record("1.000001", "Cấp phép", fields=[
        ("1.1", "Đầu tư tại Việt Nam"), ("", "Khu công nghiệp"), ("", "Hải quan")])]),
        make_index(first))
    page = ProcedurePage.objects.get(code="1.000001").get_latest_revision_as_object()
    chosen = {field.name: field.agency for field in page.procedure_fields.all()}
    assert chosen == {"Đầu tư tại Việt Nam": None, "Khu công nghiệp": first, "Hải quan": first}
    # Agency B's import of the same names does not use A's fields.
    write(Plan(records=[record("1.000002", "Cấp phép", fields=[("", "Khu công nghiệp")])]),
          make_index(second))
    page = ProcedurePage.objects.get(code="1.000002").get_latest_revision_as_object()
    assert [field.agency for field in page.procedure_fields.all()] == [second]


def test_the_procedure_form_and_public_list_offer_no_other_agencys_field(
        client, two_sites, fields, django_user_model):
    first, second = two_sites
    index = make_index(second)
    write(Plan(records=[record("1.000003", "Cấp phép", fields=[("", "Khu công nghiệp")])]),
          make_index(first), publish=True)
    client.force_login(django_user_model.objects.create_superuser("root", "r@x.vn", "x"))
    form = client.get(reverse("wagtailadmin_pages:add", args=(
        "procedures", "procedurepage", index.pk))).context["form"]
    offered = set(form.fields["procedure_fields"].queryset.values_list("name", flat=True))
    assert offered == {"Đầu tư tại Việt Nam", "Đăng ký BRAVO"}
    public = client.get(index.relative_url(second.site), HTTP_HOST="skh.example.test")
    assert public.status_code == 200 and "Khu công nghiệp" not in public.content.decode()
