"""Import from CSV/XLSX (command and admin screen): atomic, every bad row reported."""

import io
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from plugins.legal_docs.models import LegalDocumentPage

from .conftest import odt_bytes

pytestmark = pytest.mark.django_db

HEADER = "Số ký hiệu,Tiêu đề,Loại văn bản,Cơ quan ban hành,Ngày ban hành,Lĩnh vực,Trích yếu,Tệp\n"


def _csv(tmp_path, rows, name="van-ban.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_command_imports_rows_with_files_and_legacy_text(tmp_path, library, taxonomy):
    """R-LD-1: documents and their files arrive in the library; TCVN3 text is converted."""
    (tmp_path / "quy-che.odt").write_bytes(odt_bytes("Quy chế về lưu trữ điện tử"))
    path = _csv(tmp_path, [
        "29/qd-bql,Quy chế trang thông tin,QĐ,BQL,20/03/2018,Công nghệ thông tin,"
        "Ban hành quy chế,quy-che.odt\n",
        "36/2016/QD-UBND,Cæng th«ng tin ®iÖn tö,Quyết định,Ủy ban nhân dân tỉnh,2016-07-08,"
        "Công nghệ thông tin; Đầu tư,,\n",
    ])
    out = StringIO()
    call_command("import_legal_docs", str(path), "--files", str(tmp_path), "--publish",
                 stdout=out)
    assert "2 documents imported" in out.getvalue()
    first = LegalDocumentPage.objects.get(number="29/QĐ-BQL")
    assert first.live and first.files.count() == 1
    second = LegalDocumentPage.objects.get(number="36/2016/QĐ-UBND")
    assert second.title == "Cổng thông tin điện tử"
    assert second.legal_fields.count() == 2


def test_broken_rows_are_all_reported_and_nothing_is_written(tmp_path, library, taxonomy):
    """Atomic import: one bad row and nothing is written; each bad row has its reason."""
    path = _csv(tmp_path, [
        "29/QĐ-BQL,Đúng,QĐ,BQL,20/03/2018,,,\n",
        "không-phải-số,Sai số,QĐ,BQL,20/03/2018,,,\n",
        "30/QĐ-BQL,Sai ngày,QĐ,BQL,31/02/2018,,,\n",
        "31/QĐ-BQL,Sai loại,XX,BQL,20/03/2018,,,\n",
        "29/qd-bql,Trùng số,QĐ,BQL,20/03/2018,,,\n",
        "32/QĐ-BQL,Thiếu tệp,QĐ,BQL,20/03/2018,,,khong-co.pdf\n",
        "33/QĐ-BQL,Lĩnh vực lạ,QĐ,BQL,20/03/2018,Thiên văn,,\n",
    ])
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_legal_docs", str(path), "--files", str(tmp_path), stderr=err)
    assert "6 problem" in str(error.value)
    report = err.getvalue()
    for line in ("Line 3", "Line 4", "Line 5", "Line 6", "Line 7", "Line 8"):
        assert line in report or line.replace("Line", "Dòng") in report
    assert LegalDocumentPage.objects.count() == 0


def test_missing_columns_are_named(tmp_path, library, taxonomy):
    path = tmp_path / "thieu.csv"
    path.write_text("Tiêu đề\nMột\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_legal_docs", str(path), stderr=err)
    assert "Số ký hiệu" in err.getvalue()


def test_admin_screen_imports_xlsx_with_progress(client, django_user_model, library, taxonomy):
    """The admin screen: upload, check, import (a task), progress page."""
    admin = django_user_model.objects.create_superuser("vanthu", "vt@example.vn", "x-2026-pass")
    client.force_login(admin)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Số ký hiệu", "Tiêu đề", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành"])
    for number in range(1, 6):
        sheet.append([f"{number}/KH-BQL", f"Kế hoạch số {number}", "KH", "BQL", "02/03/2026"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.name = "ke-hoach.xlsx"
    buffer.seek(0)
    response = client.post(reverse("legal_docs:import"), {
        "library": library.pk, "table": buffer, "publish": "on",
    })
    assert response.status_code == 302
    status = client.get(response["Location"])
    html = status.content.decode()
    assert 'value="5"' in html and 'max="5"' in html
    assert LegalDocumentPage.objects.live().count() == 5


def test_admin_import_refuses_bad_rows_with_their_reasons(client, django_user_model, library,
                                                          taxonomy):
    admin = django_user_model.objects.create_superuser("vanthu", "vt@example.vn", "x-2026-pass")
    client.force_login(admin)
    data = (HEADER + "sai,Sai,QĐ,BQL,20/03/2018,,,\n").encode()
    upload = io.BytesIO(data)
    upload.name = "sai.csv"
    response = client.post(reverse("legal_docs:import"), {"library": library.pk, "table": upload})
    assert response.status_code == 200
    assert "36/2016/QĐ-UBND" in response.content.decode()  # the number error explains itself
    assert LegalDocumentPage.objects.count() == 0


def test_only_staff_who_may_add_pages_in_their_own_agency_can_import(
    client, make_staff, make_agency, agency, library
):
    """Permissions: a clerk (no page rights) and another agency's specialist see no library."""
    from plugins.core.models import Role
    from plugins.legal_docs.admin.imports import libraries_for

    clerk = make_staff("vanthu", agency, role=Role.CLERK)
    client.force_login(clerk)
    response = client.get(reverse("legal_docs:import"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", own_home=True)
    stranger = make_staff("chuyenvien.skh", other, role=Role.SPECIALIST)
    assert not libraries_for(stranger).exists()
    specialist = make_staff("chuyenvien", agency, role=Role.SPECIALIST)
    assert list(libraries_for(specialist)) == [library]
