"""Exports read back by real parsers (R-EM-1, R-EM-2): spreadsheets by openpyxl, odfdo and
the csv module, vCard by vobject, LDIF by a strict RFC 2849 parser, the Zimbra command
file by a shell-words parser; a spreadsheet export imports back unchanged."""

import csv
import io
import shlex

import ldif
import openpyxl
import pytest
import vobject
from odfdo import Document

from plugins.email_directory import exports
from plugins.email_directory.importer import import_file
from plugins.email_directory.models import DirectoryEntry, Mailbox

pytestmark = pytest.mark.django_db


def _rows(bql):
    people = list(DirectoryEntry.objects.for_agency(bql).with_related().order_by("pk"))
    mailboxes = list(Mailbox.objects.for_agency(bql).shared().select_related("unit", "agency"))
    return people, mailboxes


def test_spreadsheets_have_the_import_columns(bql, people):
    """CSV, XLSX and ODS carry every person and shared mailbox with Vietnamese headers."""
    data = exports.dataset(*_rows(bql))
    table = list(csv.reader(io.StringIO(data.export("csv"))))
    assert table[0][:4] == ["Loại", "Họ và tên", "Chức vụ", "Đơn vị"]
    assert ["Cơ quan", "", "", "", "", "0273 3871 567", "", "bqlkcn@tiengiang.gov.vn"] == \
        table[1][:8]
    sheet = openpyxl.load_workbook(io.BytesIO(data.export("xlsx"))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["Cá nhân", "Đặng Xuân Phong", "Chuyên viên", "Phòng Quản lý đầu tư"] in [
        row[:4] for row in values]
    ods = Document(io.BytesIO(data.export("ods")))
    ods_rows = ods.body.get_tables()[0].get_values()
    assert any(row[1] == "Đỗ Thị Đào" and row[7] == "daodt@tiengiang.gov.vn" for row in ods_rows)


def test_spreadsheet_export_imports_back_into_another_agency(bql, people, make_agency):
    """R-EM-1: the CSV round trip keeps names, titles, units, leaders, duties, addresses."""
    from plugins.core.models import Unit, UnitKind
    from plugins.email_directory.models import AddressPolicy

    content = exports.dataset(*_rows(bql)).export("csv").encode()
    # Addresses are unique: import into a copy of the agency after the original is gone.
    copy = make_agency("BQL2", "Bản sao")
    AddressPolicy.objects.create(agency=copy, scheme="gialai", domain="tiengiang.gov.vn")
    leadership = Unit.objects.create(agency=copy, name="Lãnh đạo Ban", kind=UnitKind.LEADERSHIP)
    for name in ("Văn phòng", "Phòng Quản lý đầu tư", "Tổ Xúc tiến đầu tư"):
        Unit.objects.create(agency=copy, name=name, parent=leadership)
    before = sorted((e.name, e.job_title, e.resolved_unit.name, e.leader, e.resolved_duties,
                     e.email) for e in DirectoryEntry.objects.for_agency(bql).with_related())
    Mailbox.objects.all().delete()
    DirectoryEntry.objects.all().delete()
    Mailbox.objects.all().delete()  # the closed mailboxes the deleted entries left
    created, updated = import_file(content, "danh-ba.csv", copy)
    assert (created, updated) == (8, 0)
    after = sorted((e.name, e.job_title, e.resolved_unit.name, e.leader, e.resolved_duties,
                    e.email) for e in DirectoryEntry.objects.for_agency(copy).with_related())
    assert after == before
    assert Mailbox.objects.for_agency(copy).shared().count() == 2


def test_vcard_export_parses(bql, people):
    cards = list(vobject.readComponents(exports.vcard_text(*_rows(bql))))
    by_name = {card.fn.value: card for card in cards}
    assert by_name["Nguyễn Văn Thành"].title.value == "Trưởng ban"
    assert by_name["Văn phòng"].email.value == "vp.bqlkcn@tiengiang.gov.vn"
    assert len(cards) == 8


def test_ldif_is_strict_rfc2849_inetorgperson(bql, people):
    """R-EM-2: every active mailbox as an inetOrgPerson, Vietnamese values in base64."""
    text = exports.ldif_text(*_rows(bql))
    assert "Nguyễn" not in text  # non-ASCII values are base64 (RFC 2849 SAFE-STRING)
    records = list(ldif.LDIFParser(io.BytesIO(text.encode()), strict=True).parse())
    dns = [dn for dn, _ in records]
    assert dns[0] == "ou=people,dc=tiengiang,dc=gov,dc=vn"
    assert "uid=phongdx,ou=people,dc=tiengiang,dc=gov,dc=vn" in dns
    entry = dict(records)["uid=phongdx,ou=people,dc=tiengiang,dc=gov,dc=vn"]
    assert entry["objectClass"] == ["top", "person", "organizationalPerson", "inetOrgPerson"]
    assert entry["cn"] == ["Đặng Xuân Phong"]
    assert (entry["sn"], entry["givenName"]) == (["Đặng Xuân"], ["Phong"])
    assert entry["mail"] == ["phongdx@tiengiang.gov.vn"]
    assert entry["ou"] == ["Phòng Quản lý đầu tư"]
    for _dn, attributes in records[1:]:
        assert {"cn", "sn", "objectClass", "mail"} <= set(attributes)  # inetOrgPerson musts
    assert len(records) == 1 + 8


def test_ldif_leaves_out_closed_mailboxes(bql, people):
    people["promoter"].mailbox.is_active = False
    people["promoter"].mailbox.save()
    text = exports.ldif_text(*_rows(bql))
    assert "daodt" not in text


def test_zmprov_file_creates_every_account(bql, people):
    """R-EM-2, DOMAIN.md: `ca address password attr "value" …` per account, `aaa` per alias;
    each account must change its one-time password at first login."""
    box = people["office_box"]
    box.aliases = "vanphong.bqlkcn@tiengiang.gov.vn"
    box.save()
    text = exports.zmprov_text(*_rows(bql), password="Mk-1lan-doi")
    commands = [shlex.split(line) for line in text.splitlines() if not line.startswith("#")]
    creates = {words[1]: words for words in commands if words[0] == "ca"}
    assert len(creates) == 8
    phong = creates["phongdx@tiengiang.gov.vn"]
    assert phong[2] == "Mk-1lan-doi"
    attributes = dict(zip(phong[3::2], phong[4::2], strict=True))
    assert attributes["displayName"] == "Đặng Xuân Phong"
    assert (attributes["givenName"], attributes["sn"]) == ("Phong", "Đặng Xuân")
    assert attributes["company"] == "Ban Quản lý các Khu công nghiệp Tiền Giang"
    assert attributes["zimbraPasswordMustChange"] == "TRUE"
    assert ["aaa", "vp.bqlkcn@tiengiang.gov.vn", "vanphong.bqlkcn@tiengiang.gov.vn"] in commands
    random_passwords = [words[2] for words in (shlex.split(line) for line in
                        exports.zmprov_text(*_rows(bql)).splitlines() if line.startswith("ca"))]
    assert len(set(random_passwords)) == 8


def test_zmprov_quotes_hostile_values(bql, units, make_person):
    make_person(bql, 'Nguyễn "Tèo" Văn', units["office"], title='Chuyên viên \\ "CNTT"')
    text = exports.zmprov_text(*_rows(bql), password="x")
    line = next(line for line in text.splitlines() if line.startswith("ca "))
    words = shlex.split(line)
    attributes = dict(zip(words[3::2], words[4::2], strict=True))
    assert attributes["displayName"] == 'Nguyễn "Tèo" Văn'
    assert attributes["title"] == 'Chuyên viên \\ "CNTT"'
