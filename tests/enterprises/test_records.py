"""An enterprise record: its tax code (mã số thuế) checked and unique within its agency, its
texts stored in NFC, its history kept (seed 001 Đ7.2g, Đ8.4; R-ORG-3)."""

import pytest
from django.core.exceptions import ValidationError

from plugins.enterprises.demo import tax_code
from plugins.enterprises.models import Enterprise
from plugins.enterprises.tax_codes import compact_tax_code, format_tax_code

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed, stored", [
    ("0100233488", "0100233488"),
    ("01.00.233.488", "0100233488"),
    ("0314409058-002", "0314409058002"),
    (" 0314409058 002 ", "0314409058002"),
])
def test_a_tax_code_is_read_however_it_is_typed(typed, stored):
    assert compact_tax_code(typed) == stored


@pytest.mark.parametrize("typed, reason", [
    ("12345", "10 chữ số, hoặc 13"),
    ("0100233480", "chữ số kiểm tra không khớp"),
    ("0314409058-000", "Số chi nhánh"),
    ("01002334AB", "chỉ gồm chữ số"),
])
def test_a_mistyped_tax_code_is_refused_with_its_reason(typed, reason):
    with pytest.raises(ValidationError) as refused:
        compact_tax_code(typed)
    assert reason in " ".join(refused.value.messages)


def test_a_branch_is_shown_with_its_dash():
    assert format_tax_code("0314409058002") == "0314409058-002"
    assert format_tax_code("0100233488") == "0100233488"


def test_a_tax_code_is_unique_within_an_agency_only(agency, other_agency, make_enterprise):
    """R-ORG-3: two agencies may list the same enterprise (one with a branch in each
    province's zone); one agency may not list it twice."""
    code = tax_code("120300111")
    make_enterprise("Công ty A", code=code)
    twice = Enterprise(agency=agency, name="Công ty A (bản sao)", tax_code=code)
    with pytest.raises(ValidationError) as refused:
        twice.full_clean()
    assert refused.value.message_dict == {
        "tax_code": ["Mã số thuế này đã có ở một doanh nghiệp khác của cơ quan."]}
    make_enterprise("Công ty A", code=code, into=other_agency)
    assert Enterprise.objects.filter(tax_code=code).count() == 2


def test_texts_are_stored_in_nfc_and_changes_are_kept(make_enterprise):
    decomposed = "Công ty TNHH Thực phẩm"  # NFD: marks as separate characters
    enterprise = make_enterprise(__import__("unicodedata").normalize("NFD", decomposed))
    assert enterprise.name == decomposed
    enterprise.status = "suspended"
    enterprise.save()
    assert [record.status for record in enterprise.history.all()] == ["suspended", "operating"]
