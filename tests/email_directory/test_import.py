"""Import from CSV and XLSX (R-EM-1, R-ED-13): atomic, every bad row with its reason,
legacy TCVN3/VNI names converted, addresses suggested without clashing within the file."""

import io
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from plugins.core.tabular import ImportRefused
from plugins.email_directory.importer import import_file
from plugins.email_directory.models import DirectoryEntry, Mailbox

pytestmark = pytest.mark.django_db

HEADER = "Loại,Họ và tên,Chức vụ,Đơn vị,Lãnh đạo,Điện thoại,Thư điện tử,Ngày sinh,Công khai\n"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _csv(*lines):
    return (HEADER + "\n".join(lines) + "\n").encode()


def _people(agency):
    return sorted(((e.name, e.email) for e in DirectoryEntry.objects.for_agency(agency)
                   .with_related()), key=lambda pair: pair[1])


def test_a_clean_file_is_imported_with_suggested_addresses(bql, units):
    """R-EM-3: the scheme suggests; a second Nguyễn Văn Minh in the same file gets his
    birth date, and a Nguyễn Viết Minh the adjacent middle name."""
    content = _csv(
        ",Nguyễn Văn Minh,Trưởng phòng,Phòng Quản lý đầu tư,x,0273 3871 571,,,",
        "Cá nhân,Nguyễn Văn Minh,Chuyên viên,phong quan ly dau tu,,,,15/8/1963,Có",
        ",Nguyễn Viết Minh,Chuyên viên,QLĐT,,,,,",
        ",Lý Thị Mai,Văn thư,Văn phòng,,,mai.ly@tiengiang.gov.vn,,Không",
        "Đơn vị,,,Văn phòng,,,VP.BQLKCN@tiengiang.gov.vn,,",
        "Cơ quan,,,,,,bqlkcn@tiengiang.gov.vn,,",
    )
    created, updated = import_file(content, "danh-ba.csv", bql)
    assert (created, updated) == (6, 0)
    assert _people(bql) == [
        ("Lý Thị Mai", "mai.ly@tiengiang.gov.vn"),
        ("Nguyễn Văn Minh", "minhnv1581963@tiengiang.gov.vn"),
        ("Nguyễn Văn Minh", "minhnv@tiengiang.gov.vn"),
        ("Nguyễn Viết Minh", "vietminhn@tiengiang.gov.vn"),
    ]
    leader = DirectoryEntry.objects.get(mailbox__address="minhnv@tiengiang.gov.vn")
    assert leader.is_leader and leader.unit == units["investment"]
    assert not DirectoryEntry.objects.get(full_name="Lý Thị Mai").is_published
    assert Mailbox.objects.get(address="vp.bqlkcn@tiengiang.gov.vn").unit == units["office"]


def test_broken_rows_write_nothing_and_each_is_reported(bql, units, make_person):
    """Atomic import: every bad row is listed with its reasons; nothing is written."""
    make_person(bql, "Trần Văn Có", units["office"], email="co@tiengiang.gov.vn")
    content = _csv(
        ",Nguyễn Văn Minh,Chuyên viên,Văn phòng,,,,,",  # fine
        ",,Chuyên viên,Văn phòng,,,,,",  # no name
        ",Lê Văn Tám,Chuyên viên,Phòng Không Có,,,,,",  # unknown unit
        ",Lê Văn Chín,Chuyên viên,Văn phòng,,,co@tiengiang.gov.vn,,",  # taken address
        ",Lê Văn Mười,Chuyên viên,Văn phòng,,,khong-phai-dia-chi,31/02/1990,",
        ",Nguyễn Văn Minh,Chuyên viên,Văn phòng,,,,,",  # same name, no birth date
        "Đơn vị,,,,,,vp@tiengiang.gov.vn,,",  # unit mailbox without its unit
        "Phòng ban,Lê Thị Hoa,,Văn phòng,,,,,có lẽ",  # unknown kind and flag
    )
    with pytest.raises(ImportRefused) as refused:
        import_file(content, "danh-ba.csv", bql)
    errors = refused.value.errors
    assert [error.split(":")[0] for error in errors] == [
        "Line 3", "Line 4", "Line 5", "Line 6", "Line 7", "Line 8", "Line 9"]
    assert "“Họ và tên” is empty" in errors[0]
    assert "unknown unit “Phòng Không Có”" in errors[1]
    assert "co@tiengiang.gov.vn is already used by Trần Văn Có" in errors[2]
    assert "is not an email address" in errors[3] and "is not a date" in errors[3]
    assert "birth date is needed" in errors[4]
    assert "a unit mailbox needs its unit" in errors[5]
    assert "unknown kind “Phòng ban”" in errors[6] and "should be Có or Không" in errors[6]
    assert _people(bql) == [("Trần Văn Có", "co@tiengiang.gov.vn")]
    assert Mailbox.objects.count() == 1


def test_legacy_encodings_are_converted(bql, units):
    """R-ED-13: names typed in TCVN3 (ABC) and VNI fonts come out as Unicode NFC."""
    content = _csv(
        ",NguyÔn ThÞ Th¶o,Chuyªn viªn,V¨n phßng,,,,,",  # TCVN3
        ",Ñaëng Xuaân Phong,Chuyeân vieân,Vaên phoøng,,,,,",  # VNI
    )
    import_file(content, "cu.csv", bql)
    assert _people(bql) == [("Đặng Xuân Phong", "phongdx@tiengiang.gov.vn"),
                            ("Nguyễn Thị Thảo", "thaont@tiengiang.gov.vn")]
    assert DirectoryEntry.objects.get(full_name="Nguyễn Thị Thảo").title == "Chuyên viên"


def test_xlsx_import_and_the_same_file_twice_changes_nothing(bql, units):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Chức vụ", "Đơn vị", "Ngày sinh", "Thứ tự"])
    sheet.append(["Hoàng Văn Bình", "Chuyên viên", "Văn phòng", None, 3])
    import datetime

    sheet.append(["Hoàng Văn Bình", "Chuyên viên", "Phòng Quản lý đầu tư",
                  datetime.datetime(1985, 12, 1), 4])
    buffer = io.BytesIO()
    book.save(buffer)
    assert import_file(buffer.getvalue(), "danh-ba.xlsx", bql) == (2, 0)
    assert _people(bql) == [("Hoàng Văn Bình", "binhhv01121985@tiengiang.gov.vn"),
                            ("Hoàng Văn Bình", "binhhv@tiengiang.gov.vn")]
    assert import_file(buffer.getvalue(), "danh-ba.xlsx", bql) == (0, 2)
    assert DirectoryEntry.objects.count() == 2


def test_command_line_import(bql, units, tmp_path):
    path = tmp_path / "danh-ba.csv"
    path.write_bytes(_csv(",Nguyễn Văn Minh,Chuyên viên,Văn phòng,,,,,"))
    out = StringIO()
    call_command("import_directory", str(path), agency="BQL", stdout=out)
    assert _people(bql) == [("Nguyễn Văn Minh", "minhnv@tiengiang.gov.vn")]
    path.write_bytes(_csv(",Lê Văn Tám,Chuyên viên,Không có,,,,,"))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_directory", str(path), agency="BQL", stdout=out, stderr=StringIO())
