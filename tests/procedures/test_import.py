"""Import from the national database's JSON and from workbooks: atomic, idempotent by code,
every bad record reported with its reason, form files attached (R-PR-1, R-PR-3)."""

import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model

from plugins.core.tabular import ImportRefused
from plugins.procedures import importer, workbook
from plugins.procedures.models import ProcedureField, ProcedurePage
from plugins.procedures.records import from_page

from .conftest import docx_bytes, national_json, national_record, odt_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def forms_folder(tmp_path):
    folder = tmp_path / "bieu-mau"
    folder.mkdir()
    (folder / "Mau A.I.1.docx").write_bytes(docx_bytes("Văn bản đề nghị thực hiện dự án"))
    (folder / "mau a.i.1.odt").write_bytes(odt_bytes("Văn bản đề nghị thực hiện dự án"))
    (folder / "de-xuat.docx").write_bytes(docx_bytes("Đề xuất dự án đầu tư"))
    return folder


def _write(tmp_path, *records, name="thu-tuc.json"):
    path = tmp_path / name
    path.write_bytes(national_json(*records))
    return path


def test_national_json_with_form_files_from_a_folder(tmp_path, index_page, forms_folder):
    """R-PR-1/R-PR-3: national field names; forms found by TENMAUDON (with the ODT beside
    the DOCX) and by the URL's file name."""
    path = _write(tmp_path, national_record(), national_record(
        "1.009648", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", THANHPHANHOSO=[]))
    out = StringIO()
    call_command("import_procedures", str(path), "--files", str(forms_folder), "--publish",
                 stdout=out)
    assert "2 procedures created" in out.getvalue() or "2 thủ tục" in out.getvalue()
    page = ProcedurePage.objects.get(code="1.009645")
    assert page.live and page.title == "Cấp Giấy chứng nhận đăng ký đầu tư"
    assert page.levels == ["province"]
    assert [f.name for f in page.procedure_fields.all()] == ["Đầu tư tại Việt Nam"]
    assert ProcedureField.objects.get().code == "G05-DT01"
    assert [(o.channel, o.value, o.unit) for o in page.time_options] == [
        (1, 15, "working_days"), (2, 15, "working_days")]
    papers = page.paper_cases[0]["papers"]
    assert [d.filename for d in papers[0]["forms"]] == ["Mau_A.I.1.docx", "mau_a.i.1.odt"] or \
        sorted(d.file_extension for d in papers[0]["forms"]) == ["docx", "odt"]
    assert len(papers[1]["forms"]) == 1  # by the URL's file name
    assert papers[1]["copies"] == 1
    assert [str(b) for b in page.legal_bases.all()] == ["61/2020/QH14 Luật Đầu tư"]
    assert page.related_code_list == ["1.009648"]
    assert ProcedurePage.objects.get(code="1.009648").live


def test_one_record_alone_and_idempotent_reimport(tmp_path, index_page, forms_folder):
    """Idempotent by code: the same file twice changes nothing; a changed record updates."""
    path = _write(tmp_path, national_record())
    path.write_bytes(json.dumps(national_record(), ensure_ascii=False).encode())  # one object
    form_files = importer.FormFiles.from_folder(forms_folder)
    first = importer.import_file(path.read_bytes(), path.name, index_page,
                                 form_files=form_files, publish=True)
    assert (first.created, first.forms) == (1, 3)
    page = ProcedurePage.objects.get()
    revisions = page.revisions.count()
    documents = get_document_model().objects.count()
    again = importer.import_file(path.read_bytes(), path.name, index_page,
                                 form_files=form_files, publish=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert page.revisions.count() == revisions
    assert get_document_model().objects.count() == documents
    changed = national_record(TENTTHC="Cấp Giấy chứng nhận đăng ký đầu tư (sửa đổi)")
    path.write_bytes(json.dumps(changed, ensure_ascii=False).encode())
    third = importer.import_file(path.read_bytes(), path.name, index_page,
                                 form_files=form_files, publish=True)
    assert (third.created, third.updated) == (0, 1)
    assert ProcedurePage.objects.get().title.endswith("(sửa đổi)")
    assert get_document_model().objects.count() == documents  # same forms, stored once


def test_broken_records_are_all_reported_and_nothing_is_written(tmp_path, index_page):
    """Missing code, wrong types, unknown field and key, duplicate code inside one file,
    a key given twice: each record's reasons, and nothing written."""
    good = national_record()
    missing_code = national_record()
    del missing_code["MaTTHC"]
    wrong_types = national_record("1.009650", MaTTHC=1.00965)
    wrong_types["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]["THOIGIANGIAIQUYET"] = "mười lăm"
    wrong_types["THANHPHANHOSO"][0]["GIAYTO"][0]["SOBANCHINH"] = "một"
    wrong_types["CACHTHUCTHUCHIEN"][1]["KENH"] = 9
    unknown = national_record("1.009651", MUCDO="4")
    unknown["CANCUPHAPLY"][0]["NGAYBANHANH"] = "2020-06-17"
    duplicate = national_record(TENTTHC="Bản trùng mã")
    bad_unit = national_record("1.009652")
    bad_unit["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]["DONVITINH"] = "Tuần"
    text = json.dumps([good, missing_code, wrong_types, unknown, duplicate, bad_unit],
                      ensure_ascii=False)
    text = text.replace('"TENTTHC": "Cấp Giấy chứng nhận đăng ký đầu tư", "CAPTHUCHIEN"',
                        '"TENTTHC": "Một", "TENTTHC": "Hai", "CAPTHUCHIEN"', 1)
    path = tmp_path / "hong.json"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_procedures", str(path), stderr=err)
    assert "6 problem" in str(error.value)
    report = err.getvalue()
    lines = report.strip().split("\n")
    assert lines[0].startswith(("Record 1 (1.009645)", "Bản ghi 1 (1.009645)"))
    assert "TENTTHC" in lines[0]  # the key given twice
    assert "MaTTHC" in lines[1]
    assert "THOIGIANGIAIQUYET" in lines[2] and "mười lăm" in lines[2]
    assert "SOBANCHINH" in lines[2] and "KENH" in lines[2] and "MaTTHC" in lines[2]
    assert "MUCDO" in lines[3] and "NGAYBANHANH" in lines[3]
    assert "1.009645" in lines[4] and ("record 1" in lines[4] or "bản ghi 1" in lines[4])
    assert "Tuần" in lines[5]
    assert ProcedurePage.objects.count() == 0
    assert ProcedureField.objects.count() == 0


@pytest.mark.parametrize(("content", "expected"), [
    (b"{not json", ("JSON",)),
    (b'"a string"', ("one procedure record", "bản ghi thủ tục")),
    (b"[1, 2]", ("object", "đối tượng")),
    ("[{}]".encode("utf-16"), ("UTF-8",)),
])
def test_unreadable_files_are_refused_with_a_reason(index_page, content, expected):
    with pytest.raises(ImportRefused) as refused:
        importer.import_file(content, "thu-tuc.json", index_page)
    assert any(word in " ".join(refused.value.errors) for word in expected)


def test_a_bad_form_file_refuses_the_import(tmp_path, index_page):
    """R-PR-3: form files are checked by content: a renamed program is refused."""
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "Mau A.I.1.docx").write_bytes(b"MZ\x90\x00 not a document")
    path = _write(tmp_path, national_record())
    with pytest.raises(ImportRefused) as refused:
        importer.import_file(path.read_bytes(), path.name, index_page,
                             form_files=importer.FormFiles.from_folder(folder))
    assert "Mau A.I.1.docx" in refused.value.errors[0]
    assert ProcedurePage.objects.count() == 0


def test_forms_not_found_locally_stay_linked_to_the_national_portal(tmp_path, index_page,
                                                                    client):
    path = _write(tmp_path, national_record())
    outcome = importer.import_file(path.read_bytes(), path.name, index_page, publish=True)
    assert outcome.unmatched_forms == 2
    page = ProcedurePage.objects.get()
    html = client.get(page.url).content.decode()
    assert "https://csdl.dichvucong.gov.vn/mau/de-xuat.docx" in html


def _book(data_rows, extra_sheets=None):
    """An XLSX workbook: the procedures sheet, plus other sheets given as (title, rows)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Thủ tục"
    for row in data_rows:
        sheet.append(row)
    for title, rows in (extra_sheets or []):
        other = book.create_sheet(title)
        for row in rows:
            other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


MAIN = ["Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện",
        "Mức độ dịch vụ công trực tuyến", "Địa chỉ dịch vụ công trực tuyến"]


def test_workbook_import_with_its_sheets(index_page, tmp_path):
    content = _book(
        [MAIN, ["2.000205", "Cấp giấy phép lao động", "Cấp Tỉnh", "[G12] Việc làm",
                "Ban Quản lý các Khu công nghiệp Tiền Giang", 4, "https://dichvucong.gov.vn"]],
        [("Trình tự thực hiện", [["Mã thủ tục", "Trường hợp", "Bước thực hiện"],
                                 ["2.000205", "", "Bước 1: Nộp hồ sơ."],
                                 ["2.000205", "", "Bước 2: Nhận kết quả."]]),
         ("Cách thức thực hiện", [["Mã thủ tục", "Kênh", "Thời hạn giải quyết", "Đơn vị tính",
                                   "Phí, lệ phí", "Đơn vị tiền"],
                                  ["2.000205", "Trực tiếp", 5, "Ngày làm việc", 600000, "Đồng"],
                                  ["2.000205", 2, 3, "ngay lam viec", "", ""]]),
         ("Thành phần hồ sơ", [["Mã thủ tục", "Tên giấy tờ", "Số bản chính", "Số bản sao",
                                "Tệp mẫu đơn"],
                               ["2.000205", "Văn bản đề nghị", 1, 0, "mau-11.docx; mau-11.odt"]]),
         ("Căn cứ pháp lý", [["Mã thủ tục", "Số ký hiệu", "Tên văn bản"],
                             ["2.000205", "45/2019/QH14", "Bộ luật Lao động"]])])
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "mau-11.docx").write_bytes(docx_bytes("Mẫu 11"))
    (folder / "mau-11.odt").write_bytes(odt_bytes("Mẫu 11"))
    outcome = importer.import_file(content, "thu-tuc.xlsx", index_page, publish=True,
                                   form_files=importer.FormFiles.from_folder(folder))
    assert (outcome.created, outcome.forms) == (1, 2)
    page = ProcedurePage.objects.get()
    assert page.online_level == 4 and page.online_url == "https://dichvucong.gov.vn"
    assert [(o.channel, int(o.value)) for o in page.time_options] == [(1, 5), (2, 3)]
    assert page.time_options[0].fees[0]["amount"] == 600000
    assert len(page.steps[0].value["steps"]) == 2
    assert ProcedureField.objects.get().code == "G12"


def test_workbook_rows_are_checked_one_by_one(index_page):
    """Every bad row, with its sheet and line; nothing written."""
    content = _book(
        [MAIN + ["Cột lạ"],
         ["2.000205", "Cấp giấy phép lao động", "Cấp Tỉnh", "", "", 5, "", ""],
         [2.000205, "Mã gõ thành số", "", "", "", "", "", ""],
         ["", "Thiếu mã", "", "", "", "", "", ""],
         ["2.000205", "Trùng mã", "Cấp Vũ trụ", "", "", "", "", ""],
         ["1.009645", "Mức 3 thiếu địa chỉ", "", "", "", 3, "", ""]],
        [("Cách thức thực hiện", [["Mã thủ tục", "Kênh", "Thời hạn giải quyết", "Đơn vị tính"],
                                  ["9.999999", 1, 5, "Ngày làm việc"],
                                  ["1.009645", "Bồ câu", "năm", "Tuần"]])])
    with pytest.raises(ImportRefused) as refused:
        importer.import_file(content, "thu-tuc.xlsx", index_page)
    report = "\n".join(refused.value.errors)
    assert "Cột lạ" in report
    for line in ("line 2", "line 3", "line 4", "line 5", "line 6"):
        assert line in report or line.replace("line", "dòng") in report
    assert "9.999999" in report and "Bồ câu" in report and "Tuần" in report
    assert ProcedurePage.objects.count() == 0


def test_admin_screen_imports_json_with_a_zip_of_forms_and_shows_progress(
    client, django_user_model, index_page
):
    """The admin screen: upload, check, import as a task, progress page."""
    admin = django_user_model.objects.create_superuser("vanthu", "vt@example.vn", "x-2026-pass")
    client.force_login(admin)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("bieu-mau/Mau A.I.1.docx", docx_bytes("Văn bản đề nghị"))
    archive.seek(0)
    archive.name = "bieu-mau.zip"
    upload = io.BytesIO(national_json(national_record(), national_record("1.009648", "Khác")))
    upload.name = "thu-tuc.json"
    response = client.post(reverse("procedures:import"), {
        "index_page": index_page.pk, "table": upload, "forms_zip": archive, "publish": "on"})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert 'value="2"' in html and 'max="2"' in html
    assert ProcedurePage.objects.live().count() == 2
    page = ProcedurePage.objects.get(code="1.009645")
    assert page.paper_cases[0]["papers"][0]["forms"][0].file_extension == "docx"


def test_admin_screen_shows_every_bad_record_and_writes_nothing(client, django_user_model,
                                                                index_page):
    admin = django_user_model.objects.create_superuser("vanthu", "vt@example.vn", "x-2026-pass")
    client.force_login(admin)
    upload = io.BytesIO(national_json(national_record(MaTTHC="TTHC-01")))
    upload.name = "sai.json"
    response = client.post(reverse("procedures:import"),
                           {"index_page": index_page.pk, "table": upload})
    assert response.status_code == 200
    assert "1.115678" in response.content.decode()  # the code error explains itself
    assert ProcedurePage.objects.count() == 0


def test_only_staff_who_may_add_pages_in_their_own_agency_can_import(
    client, make_staff, make_agency, agency, index_page
):
    """R-SEC-2: a clerk (no page rights) and another agency's specialist see no list."""
    from plugins.core.models import Role
    from plugins.procedures.admin.imports import lists_for

    clerk = make_staff("vanthu", agency, role=Role.CLERK)
    client.force_login(clerk)
    response = client.get(reverse("procedures:import"))
    assert response.status_code == 302
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", own_home=True)
    stranger = make_staff("chuyenvien.skh", other, role=Role.SPECIALIST)
    assert not lists_for(stranger).exists()
    specialist = make_staff("chuyenvien", agency, role=Role.SPECIALIST)
    assert list(lists_for(specialist)) == [index_page]
    client.force_login(specialist)
    assert client.get(reverse("procedures:import")).status_code == 200


def test_exports_of_the_filtered_list_import_back(client, tmp_path, make_procedure, agency,
                                                  make_agency, forms_folder):
    """Export to XLSX, ODS (open format) and the national JSON; each imports back into
    another agency's list with the same data."""
    from .conftest import make_index

    path = _write(tmp_path, national_record(), national_record(
        "2.000205", "Cấp giấy phép lao động", LINHVUCTHUCHIEN=[], THANHPHANHOSO=[]))
    from plugins.procedures.models import ProcedureIndexPage

    index = ProcedureIndexPage.objects.get()
    importer.import_file(path.read_bytes(), path.name, index, publish=True,
                         form_files=importer.FormFiles.from_folder(forms_folder))
    original = from_page(ProcedurePage.objects.get(code="1.009645"))
    params = {"q": "1.009645"}
    xlsx = client.get("/thu-tuc-hanh-chinh/xuat/xlsx/", params)
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    records = workbook.read_book(xlsx.content, "thu-tuc.xlsx")
    assert [r.code for r in records] == ["1.009645"]
    ods = client.get("/thu-tuc-hanh-chinh/xuat/ods/", params)
    assert [r.code for r in workbook.read_book(ods.content, "thu-tuc.ods")] == ["1.009645"]
    exported = client.get("/thu-tuc-hanh-chinh/xuat/json/", params)
    items = json.loads(exported.content)
    assert items[0]["MaTTHC"] == "1.009645" and items[0]["CAPTHUCHIEN"] == "Cấp Tỉnh"
    assert client.get("/thu-tuc-hanh-chinh/xuat/exe/").status_code == 404

    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư", own_home=True)
    target = make_index(other)
    importer.import_file(exported.content, "thu-tuc.json", target, publish=True,
                         form_files=importer.FormFiles.from_folder(forms_folder))
    copy = from_page(ProcedurePage.objects.get(agency=other, code="1.009645"))
    assert copy.steps == original.steps and copy.channels == original.channels
    assert copy.legal_basis == original.legal_basis and copy.results == original.results
    assert [p.name for p in copy.dossier[0]["papers"]] == \
        [p.name for p in original.dossier[0]["papers"]]
    second = make_agency("SXD", "Sở Xây dựng", own_home=True)
    outcome = importer.import_file(xlsx.content, "thu-tuc.xlsx", make_index(second),
                                   publish=True)
    assert outcome.unmatched_forms == 2  # files not at hand: the papers link to them
    again = from_page(ProcedurePage.objects.get(agency=second, code="1.009645"))
    assert again.channels == original.channels and again.fields == original.fields
    assert again.steps == original.steps and again.legal_basis == original.legal_basis
    assert again.dossier[0]["papers"][0].form_url.startswith("http")


def test_exports_use_a_constant_number_of_queries(client, make_procedure,
                                                  django_assert_max_num_queries):
    from plugins.procedures.records import Paper

    def make(code):
        make_procedure(code, f"Thủ tục {code}", legal_basis=[("61/2020/QH14", "Luật Đầu tư")],
                       dossier=[{"case": "", "papers": [Paper(name="Đơn")]}],
                       files={(0, 0): [(f"mau-{code}.docx", docx_bytes(code))]})

    make("1.000001")
    budgets = {}
    for fmt in ("json", "xlsx"):
        client.get(f"/thu-tuc-hanh-chinh/xuat/{fmt}/")
        with django_assert_max_num_queries(40) as small:
            client.get(f"/thu-tuc-hanh-chinh/xuat/{fmt}/")
        budgets[fmt] = len(small.captured_queries)  # now: each request resets the query log
    for i in range(2, 8):
        make(f"1.00000{i}")
    client.get("/thu-tuc-hanh-chinh/xuat/json/")  # the search snapshot reloads once
    for fmt in ("json", "xlsx"):
        with django_assert_max_num_queries(budgets[fmt]):
            response = client.get(f"/thu-tuc-hanh-chinh/xuat/{fmt}/")
        assert response.status_code == 200


def test_a_form_file_over_the_size_limit_refuses_the_import(tmp_path, index_page,
                                                           forms_folder, settings):
    """R-PR-3: form files are limited in size (PROCEDURES_MAX_FORM_MB)."""
    settings.PROCEDURES_MAX_FORM_MB = 0
    path = _write(tmp_path, national_record())
    with pytest.raises(ImportRefused) as refused:
        importer.import_file(path.read_bytes(), path.name, index_page,
                             form_files=importer.FormFiles.from_folder(forms_folder))
    assert "0 MB" in refused.value.errors[0]
    assert ProcedurePage.objects.count() == 0
