"""The lists documents are classified by are shared (issue 16): national entries, the same
for everyone and kept by superusers, and each agency's own, kept by its IT administrator;
an agency's forms, imports and public pages offer the national entries and its own only
(R-SEC-2: no agency reads or changes another's)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from plugins.core.models import Role
from plugins.legal_docs.importer import validate
from plugins.legal_docs.models import (
    DocumentType,
    IssuerLevel,
    IssuingBody,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
)
from plugins.legal_docs.national_types import ensure_document_types

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies(two_sites):
    return two_sites


@pytest.fixture
def lists(agencies):
    first, second = agencies
    national = LegalField.objects.create(name="Đầu tư")
    own = LegalField.objects.create(name="Khu công nghiệp", agency=first)
    foreign = LegalField.objects.create(name="Đăng ký kinh doanh BRAVO", agency=second)
    return national, own, foreign


@pytest.fixture
def it_admin(agencies, make_staff, client):
    user = make_staff("quantri", agencies[0], Role.IT_ADMIN)
    client.force_login(user)
    return user


def refused(response):
    """Wagtail answers a forbidden admin page with 403, or a redirect to the dashboard."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


def _rows():
    return sorted(LegalField.objects.values_list("pk", "name", "slug", "agency_id"))


def test_the_it_administrator_sees_the_national_entries_and_their_agencys(client, it_admin,
                                                                          lists):
    response = client.get(reverse("legal_docs_field:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đầu tư" in body and "Khu công nghiệp" in body
    assert "BRAVO" not in body


def test_the_it_administrator_adds_an_entry_of_their_own_agency(client, it_admin, agencies,
                                                                lists):
    first, second = agencies
    form = client.get(reverse("legal_docs_field:add")).context["form"]
    assert list(form.fields["agency"].queryset) == [first]
    response = client.post(reverse("legal_docs_field:add"),
                           {"agency": first.pk, "name": "Hải quan", "slug": ""})
    assert response.status_code == 302
    assert LegalField.objects.get(name="Hải quan").agency == first


@pytest.mark.parametrize("agency", ["", "other"])
def test_no_national_entry_nor_another_agencys_is_added_by_staff(client, it_admin, agencies,
                                                                 lists, agency):
    before = _rows()
    data = {"agency": agencies[1].pk if agency else "", "name": "Hải quan", "slug": ""}
    response = client.post(reverse("legal_docs_field:add"), data)
    assert response.status_code == 200 and response.context["form"].errors["agency"]
    assert _rows() == before


@pytest.mark.parametrize("which", [0, 2], ids=["national", "other agency's"])
@pytest.mark.parametrize("view", ["edit", "delete"])
def test_a_national_or_other_agencys_entry_is_not_changed_by_staff(client, it_admin, lists,
                                                                  which, view):
    """Refused, by GET and by POST, and nothing changed."""
    entry = lists[which]
    url = reverse(f"legal_docs_field:{view}", args=[entry.pk])
    before = _rows()
    assert refused(client.get(url))
    assert refused(client.post(url, {"agency": it_admin.pk, "name": "Đổi tên", "slug": "x"}))
    assert _rows() == before


def test_the_it_administrator_changes_and_deletes_their_agencys_entry(client, it_admin, lists,
                                                                     agencies):
    own = lists[1]
    response = client.post(reverse("legal_docs_field:edit", args=[own.pk]),
                           {"agency": agencies[0].pk, "name": "Khu kinh tế", "slug": own.slug})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Khu kinh tế"
    client.post(reverse("legal_docs_field:delete", args=[own.pk]))
    assert not LegalField.objects.filter(pk=own.pk).exists()


def test_a_clerk_reads_the_lists_but_changes_nothing(client, agencies, make_staff, lists):
    client.force_login(make_staff("vanthu", agencies[0], Role.CLERK))
    assert client.get(reverse("legal_docs_field:index")).status_code == 200
    before = _rows()
    assert refused(client.post(reverse("legal_docs_field:add"),
                               {"agency": agencies[0].pk, "name": "Hải quan", "slug": ""}))
    assert refused(client.post(reverse("legal_docs_field:edit", args=[lists[1].pk]),
                               {"agency": agencies[0].pk, "name": "Đổi", "slug": "doi"}))
    assert _rows() == before


def test_a_superuser_keeps_the_national_entries(client, lists, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@x.vn", "x"))
    national = lists[0]
    response = client.post(reverse("legal_docs_field:edit", args=[national.pk]),
                           {"agency": "", "name": "Đầu tư công", "slug": national.slug})
    assert response.status_code == 302
    national.refresh_from_db()
    assert national.name == "Đầu tư công" and national.agency is None


def test_names_are_unique_nationally_and_within_each_agency(agencies, lists):
    first, second = agencies
    with pytest.raises(ValidationError):
        LegalField(name="Đầu tư").full_clean()  # a second national entry of that name
    with pytest.raises(ValidationError):  # an agency's entry may not take a national name
        LegalField(name="Đầu tư", agency=first).full_clean()
    with pytest.raises(ValidationError):
        LegalField(name="Khu công nghiệp", agency=first).full_clean()
    LegalField(name="Khu công nghiệp", agency=second, slug="khu-cong-nghiep-skh").full_clean()
    body = {"name": "Ban quản lý", "abbreviation": "BQL", "level": IssuerLevel.AGENCY}
    IssuingBody.objects.create(agency=first, **body)
    IssuingBody(agency=second, **body).full_clean()  # the same name in another agency
    with pytest.raises(ValidationError):
        IssuingBody(agency=first, **body).full_clean()


def test_existing_and_shipped_document_types_are_national(db):
    """The migration leaves every existing entry national (no agency)."""
    types = ensure_document_types(DocumentType)
    assert types and all(t.agency_id is None for t in types.values())


def _library(agency, slug="van-ban"):
    page = LegalDocumentIndexPage(title="Văn bản", slug=slug, per_page=20)
    agency.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_document_form_offers_the_national_entries_and_the_agencys(
        client, it_admin, agencies, lists, django_user_model):
    first, second = agencies
    types = ensure_document_types(DocumentType)
    DocumentType.objects.create(code="QCA", name="Quy chế riêng", agency=first)
    DocumentType.objects.create(code="QCB", name="Quy chế BRAVO", agency=second)
    library = _library(first)
    client.force_login(django_user_model.objects.create_superuser("root", "r@x.vn", "x"))
    response = client.get(reverse("wagtailadmin_pages:add", args=(
        "legal_docs", "legaldocumentpage", library.pk)))
    form = response.context["form"]
    fields = set(form.fields["legal_fields"].queryset.values_list("name", flat=True))
    assert fields == {"Đầu tư", "Khu công nghiệp"}
    codes = set(form.fields["doc_type"].queryset.values_list("code", flat=True))
    assert "QCA" in codes and "QCB" not in codes and set(types) <= codes


def test_an_import_knows_the_national_entries_and_the_agencys_only(agencies, lists):
    import tablib

    first, second = agencies
    ensure_document_types(DocumentType)
    IssuingBody.objects.create(name="Ban Quản lý", abbreviation="BQL",
                               level=IssuerLevel.AGENCY, agency=first)
    library = _library(second)
    table = tablib.Dataset(
        ["29/QĐ-SKH", "Quy chế", "QĐ", "Ban Quản lý", "20/03/2018", "Khu công nghiệp"],
        headers=["Số ký hiệu", "Tiêu đề", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành",
                 "Lĩnh vực"])
    from plugins.core.tabular import ImportRefused

    with translation.override("en"), pytest.raises(ImportRefused) as refused_import:
        validate(table, library)
    message = refused_import.value.errors[0]
    assert "unknown issuing body “Ban Quản lý”" in message
    assert "unknown field “Khu công nghiệp”" in message
    rows = validate(tablib.Dataset(
        ["29/QĐ-BQL", "Quy chế", "QĐ", "Ban Quản lý", "20/03/2018", "Khu công nghiệp; Đầu tư"],
        headers=table.headers), _library(first))
    assert [f.name for f in rows[0].values["legal_fields"]] == ["Khu công nghiệp", "Đầu tư"]


def test_another_agencys_entries_never_reach_the_public_library(client, agencies, lists):
    """Agency A's own field, used by A's document, is not a facet of B's library."""
    first, second = agencies
    types = ensure_document_types(DocumentType)
    issuer = IssuingBody.objects.create(name="Ủy ban", abbreviation="UBND",
                                        level=IssuerLevel.PROVINCIAL)
    mine = LegalField.objects.create(name="Lĩnh vực ALPHA", agency=first)
    own_library = _library(first)
    page = LegalDocumentPage(title="Quy chế", number="29/QĐ-BQL", doc_type=types["QĐ"],
                             issuing_body=issuer, issue_date=datetime.date(2018, 3, 20),
                             summary="Quy chế")
    page.legal_fields = [mine]
    own_library.add_child(instance=page)
    page.save_revision().publish()
    other_library = _library(second)
    assert "ALPHA" in client.get(own_library.url, HTTP_HOST="testserver").content.decode()
    response = client.get(other_library.relative_url(second.site), HTTP_HOST="skh.example.test")
    assert response.status_code == 200
    assert "ALPHA" not in response.content.decode()


def test_another_agencys_entry_is_no_filter_of_the_public_library(client, agencies, lists):
    """B's library refuses A's own field as a filter value, as it refuses any unknown
    value (with the notice), and offers the national one."""
    _national, own, _foreign = lists
    first, second = agencies
    _library(first)
    other_library = _library(second)
    url = other_library.relative_url(second.site)
    response = client.get(f"{url}?field={own.pk}", HTTP_HOST="skh.example.test")
    assert "Giá trị không hợp lệ của “Lĩnh vực” đã bị bỏ qua." in response.content.decode()
    national = client.get(f"{url}?field={_national.pk}", HTTP_HOST="skh.example.test")
    assert "đã bị bỏ qua" not in national.content.decode()
