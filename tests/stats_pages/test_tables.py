"""Reading the table of a statistics page from an uploaded file, and refusing bad ones
(seed 002 Đ3.11 land statistics and prices; seed 001 Đ3.3 PCI data; R-LD-7 ODS; R-ED-13).

Every refusal names what is wrong, in the editor's language, and returns no table."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from plugins.stats_pages import tables
from tests.stats_pages.conftest import csv_bytes, ods_bytes, xlsx_bytes

ROWS = [("Tuyến đường", "Vị trí 1", "Vị trí 2"), ("Ấp Bắc", 18000, 9000.5),
        ("Lê Lợi", 20000, None)]
EXPECTED = {"headers": ["Tuyến đường", "Vị trí 1", "Vị trí 2"],
            "rows": [["Ấp Bắc", "18000", "9000.5"], ["Lê Lợi", "20000", None]]}


def refusal(content, name="bang.csv", language="en"):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        tables.read_content(content, name)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize("name, content", [
    ("bang.xlsx", xlsx_bytes(ROWS)),
    ("bang.ods", ods_bytes(ROWS)),
    ("bang.csv", csv_bytes([("Tuyến đường", "Vị trí 1", "Vị trí 2"),
                            ("Ấp Bắc", "18.000", "9.000,5"), ("Lê Lợi", "20.000", "")])),
])
def test_the_same_table_reads_from_xlsx_ods_and_csv(name, content):
    """Seed 002 Đ3.11; R-LD-7: the open format reads like the others."""
    assert tables.read_content(content, name) == EXPECTED


@pytest.mark.parametrize("text, number", [
    ("1.250.000", Decimal("1250000")), ("12.500", Decimal("12500")),
    ("61,43", Decimal("61.43")), ("61.43", Decimal("61.43")),
    ("1,250,000.5", Decimal("1250000.5")), ("1.250.000,75", Decimal("1250000.75")),
    ("-3,5", Decimal("-3.5")), (" 2 500 ", Decimal("2500")), ("—", None), ("", None),
    (7, Decimal(7)), (0.1, Decimal("0.1")),
])
def test_numbers_are_read_as_vietnamese_and_english_write_them(text, number):
    """Seed 002 Đ3.11: land prices typed as Vietnamese write them (1.250.000)."""
    assert tables.parse_number(text) == number


@pytest.mark.parametrize("text", ["abc", "12a", "1.2.3,4,5", "1e5", "nan", "inf", "--1"])
def test_what_is_no_number_is_refused(text):
    with pytest.raises((ValueError, ArithmeticError)):
        tables.parse_number(text)


def test_empty_file_is_refused():
    assert "The file is empty" in refusal(b"")


def test_header_without_data_is_refused():
    assert "no data under it" in refusal("Năm,Điểm\n".encode())


def test_data_without_a_header_row_is_refused():
    """A table pasted without its header row: the first row is numbers."""
    assert "add a header row" in refusal(b"2019,65.03\n2020,64.76\n")


def test_a_column_without_a_name_is_refused():
    message = refusal("Năm,,Xếp hạng\n2019,65,20\n".encode())
    assert "column 2 has no name" in message


def test_a_table_of_one_column_is_refused():
    assert "at least one column of numbers" in refusal("Năm\n2019\n".encode())


def test_every_non_numeric_cell_is_named_with_its_line_and_column():
    message = refusal("Năm,Điểm PCI,Xếp hạng\n2019,65.03,20\n2020,cao,21\n2021,64,thấp\n"
                      .encode())
    assert "Line 3: “cao” in column “Điểm PCI” is not a number." in message
    assert "Line 4: “thấp” in column “Xếp hạng” is not a number." in message


def test_refusals_speak_vietnamese_to_a_vietnamese_editor():
    message = refusal("Năm,Điểm PCI\n2020,cao\n".encode(), language="vi")
    assert "Dòng 2: “cao” ở cột “Điểm PCI” không phải là số." in message
    assert "Tệp trống" in refusal(b"", language="vi")


def test_a_row_without_its_label_is_refused():
    message = refusal("Năm,Điểm\n,65\n".encode())
    assert "Line 2: the first column (“Năm”) is empty." in message


def test_too_many_rows_columns_or_bytes_are_refused():
    long_table = "Năm,Điểm\n" + "".join(f"{i},{i}\n" for i in range(tables.MAX_ROWS + 1))
    assert "at most 500 are accepted" in refusal(long_table.encode())
    wide = ",".join(["Nhãn", *(f"C{i}" for i in range(12))]) + "\nA" + ",1" * 12 + "\n"
    assert "at most 12 are accepted" in refusal(wide.encode())
    big = b"Nam,Diem\n" + b"x,1\n" * (tables.MAX_MB * 1024 * 1024 // 4 + 10)
    assert "larger than 2 MB" in refusal(big)


def test_empty_columns_after_the_table_are_ignored():
    rows = [("Năm", "Điểm", None, None), (2019, 65, None, None)]
    table = tables.read_content(xlsx_bytes(rows), "bang.xlsx")
    assert table == {"headers": ["Năm", "Điểm"], "rows": [["2019", "65"]]}


def test_legacy_vietnamese_encodings_are_converted():
    """R-ED-13: a label typed in TCVN3 is stored as Unicode."""
    table = tables.read_content("Huyện,Diện tích\nBa VÞ,12\n".encode(), "bang.csv")
    assert table["rows"][0][0] == "Ba Vị"


def test_hostile_files_are_refused():
    """A ZIP bomb dressed as a workbook, a program renamed .xlsx, binary data as CSV, a CSV
    not in UTF-8, a type the page does not read."""
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (300 * 1024 * 1024))
    assert "XLSX" in refusal(bomb.getvalue(), "bom.xlsx")
    assert "not a readable ZIP file" in refusal(b"MZ\x90\x00" + b"\x00" * 200, "virus.xlsx")
    assert "binary data" in refusal(b"Nam,Diem\n\x00\x01\x02,1\n", "bang.csv")
    assert "UTF-8" in refusal("Ten,So\nCafé,1\n".encode("latin-1"), "bang.csv")
    assert "CSV, XLSX, ODS" in refusal(b"Nam,Diem\n2019,1\n", "bang.exe")


def test_an_upload_is_checked_by_its_content_before_it_is_read():
    """The core's upload check: a text file named .ods is refused for what it is."""
    upload = SimpleUploadedFile("bang.ods", b"Nam,Diem\n2019,1\n")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        tables.read_upload(upload)
    assert "is not really a ODS file" in " ".join(refused.value.messages)
    good = SimpleUploadedFile("bang.xlsx", xlsx_bytes(ROWS))
    assert tables.read_upload(good) == EXPECTED


def _swap(content, member, new):
    """The workbook ``content`` with ``member`` replaced by ``new``."""
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename,
                             new if info.filename == member else source.read(info.filename))
    return out.getvalue()


def _body(xml):
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">'.encode()
                     for n in range(2, 10)).replace(b"&lol1;", b"&lol;") + b"]>")
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _hostile_workbook(name):
    from tests.security.hostile_files import lying_zip, many_members

    sheet = "xl/worksheets/sheet1.xml"
    if name == "lying.xlsx":
        return lying_zip(name=sheet)
    if name == "many.xlsx":
        return many_members()
    if name.endswith(".xlsx"):
        xlsx = xlsx_bytes([("Nam", "Diem"), (2019, 1)])
        body = _body(zipfile.ZipFile(io.BytesIO(xlsx)).read(sheet))
        return _swap(xlsx, sheet, LAUGHS + body.replace(b"<t>Nam</t>", b"<t>&lol9;</t>", 1))
    ods = ods_bytes([("Nam", "Diem"), (2019, 1)])
    body = _body(zipfile.ZipFile(io.BytesIO(ods)).read("content.xml"))
    if name == "laughs.ods":
        return _swap(ods, "content.xml", LAUGHS + body.replace(b"Nam", b"&lol9;", 1))
    return _swap(ods, "content.xml", XXE + body.replace(b"Nam", b"&xxe;", 1))


@pytest.mark.parametrize("name", ["lying.xlsx", "many.xlsx", "laughs.xlsx", "laughs.ods",
                                  "xxe.ods"])
def test_hostile_workbooks_are_refused_and_read_nothing_outside(name):
    """Sizes that lie, thousands of members, entity expansion (billion laughs), an external
    entity naming a server file: each refused with a sentence, nothing expanded or read."""
    content = _hostile_workbook(name)
    message = refusal(content, name)
    assert "could not be read" in message or "damaged" in message or "ZIP" in message, message
    assert "root:" not in message and "lollol" not in message
