"""A fee of thousands of digits is refused on import and by the page, and a page holding one
anyway does not break the public procedure list (R-SEC-3, issue 14)."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from plugins.procedures.models import ProcedurePage
from plugins.procedures.records import ProcedureData
from tests.procedures.conftest import national_json, national_record

pytestmark = pytest.mark.django_db

NINES = "9" * 5000


def _channels(amount, time="15"):
    """The raw stream of one in-person channel with one time and one fee."""
    return [{"type": "channel", "value": {"channel": "1", "times": [
        {"value": time, "unit": "working_days", "description": "",
         "fees": [{"amount": amount, "unit": "Đồng", "description": ""}]}]}}]


def _with_fee(amount, time="15"):
    data = national_record()
    option = data["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]
    option["PHILEPHI"][0]["SOTIEN"] = amount
    option["THOIGIANGIAIQUYET"] = time
    return data


@pytest.mark.parametrize("amount, time", [(NINES, "15"), ("1e999999", "15"), ("0", NINES),
                                          ("1" + "0" * 15, "15")])
def test_import_refuses_a_fee_or_time_too_large_and_writes_nothing(tmp_path, index_page,
                                                                   amount, time):
    """R-SEC-3: `import_procedures --publish` with a 5,000-digit fee is refused with a clear
    message naming the record and the value's place; no procedure is created."""
    path = tmp_path / "thu-tuc.json"
    path.write_bytes(national_json(_with_fee(amount, time)))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_procedures", str(path), "--publish", stdout=StringIO(), stderr=err)
    message = err.getvalue()
    assert "1.009645" in message and "CACHTHUCTHUCHIEN[0].THOIGIAN[0]" in message
    assert NINES not in message and len(message) < 1000  # the value is not echoed whole
    assert not ProcedurePage.objects.exists()


def test_a_fee_of_fifteen_digits_is_still_accepted(tmp_path, index_page):
    path = tmp_path / "thu-tuc.json"
    path.write_bytes(national_json(_with_fee("9" * 15)))
    call_command("import_procedures", str(path), "--publish", stdout=StringIO())
    page = ProcedurePage.objects.get()
    assert page.fee_summary.startswith("999.999.999.999.999")


def test_the_page_refuses_a_fee_written_around_the_importer(make_procedure):
    """The model's clean() refuses what the importer would refuse (an edit form, a script)."""
    page = make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư")
    page.channels = _channels(NINES)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "channels" in refused.value.message_dict
    assert "15" in " ".join(refused.value.message_dict["channels"])


def test_a_stored_huge_fee_does_not_break_the_public_pages(make_procedure, index_page,
                                                           lenient_client):
    """Render defensively: a page that holds such a fee anyway (written before the check,
    or straight into the database) still lets the list, the page and its checklist open."""
    page = make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư")
    make_procedure("1.009648", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư")
    page.channels = _channels(NINES, NINES)
    page.save(clean=False)
    for url in (index_page.url, page.url, page.url + "danh-muc-ho-so/",
                index_page.url + "?q=" + "9" * 50):
        response = lenient_client.get(url)
        assert response.status_code == 200, url
    assert "Điều chỉnh Giấy chứng nhận" in lenient_client.get(index_page.url).content.decode()


def test_workbook_readers_refuse_a_huge_fee():
    from plugins.procedures.records import OutOfRange, parse_amount, parse_duration

    with pytest.raises(OutOfRange):
        parse_amount(NINES)
    with pytest.raises(OutOfRange):
        parse_duration("1000000")
    assert parse_amount("1.500.000") == 1500000
    assert isinstance(ProcedureData(code="1", title="x"), ProcedureData)
