import datetime
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from plugins.procedures.importer import Plan, write
from plugins.procedures.models import ProcedureIndexPage, ProcedurePage
from plugins.procedures.records import Paper, ProcedureData
from tests.office_files import docx_bytes, odt_bytes  # noqa: F401 (the tests import them from here)


@pytest.fixture
def agency(make_agency):
    return make_agency("BQL", "Ban Quản lý các Khu công nghiệp Tiền Giang", hostname="testserver")


def make_index(agency, slug="thu-tuc-hanh-chinh"):
    page = ProcedureIndexPage(title="Thủ tục hành chính", slug=slug, per_page=25)
    agency.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def index_page(agency):
    return make_index(agency)


def record(code, title, **values):
    """ProcedureData with sensible defaults: one in-person channel of 15 working days."""
    defaults = {
        "levels": ["province"],
        "fields": [("", "Đầu tư tại Việt Nam")],
        "steps": [{"case": "", "steps": ["Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả."]}],
        "channels": [{"channel": 1, "times": [
            {"value": 15, "unit": "working_days", "description": "",
             "fees": [{"amount": 0, "unit": "Đồng", "description": ""}]}]}],
        "dossier": [{"case": "", "papers": [Paper(name="Văn bản đề nghị", originals=1)]}],
        "implementing_body": "Ban Quản lý các Khu công nghiệp Tiền Giang",
        "receiving_address": "Số 27 Nam Kỳ Khởi Nghĩa, thành phố Mỹ Tho",
    }
    defaults.update(values)
    return ProcedureData(code=code, title=title, **defaults)


@pytest.fixture
def make_procedure(index_page, django_capture_on_commit_callbacks):
    """Create procedures through the importer's writer (published unless publish=False)."""

    def make(code, title, *, publish=True, into=None, files=None, **values):
        data = record(code, title, **values)
        with django_capture_on_commit_callbacks(execute=True):
            write(Plan(records=[data], attachments={code: files or {}}), into or index_page,
                  publish=publish)
        page = ProcedurePage.objects.get(code=code, path__startswith=(into or index_page).path)
        return page.get_latest_revision_as_object() if not publish else page

    return make


@pytest.fixture
def make_document(db):
    def make(name, content):
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        return document

    return make


def national_json(*records):
    return json.dumps(list(records), ensure_ascii=False).encode()


def national_record(code="1.009645", title="Cấp Giấy chứng nhận đăng ký đầu tư", **extra):
    """A record as the national database gives it (DOMAIN.md field names)."""
    data = {
        "MaTTHC": code,
        "TENTTHC": title,
        "CAPTHUCHIEN": "Cấp Tỉnh",
        "LOAITTHC": "TTHC được luật giao quy định chi tiết",
        "LINHVUCTHUCHIEN": [{"MALINHVUC": "G05-DT01", "TENLINHVUC": "Đầu tư tại Việt Nam"}],
        "TRINHTUTHUCHIEN": [{"TRUONGHOP": "", "TRINHTU": [
            {"TENTRINHTU": "Bước 1: Nhà đầu tư nộp hồ sơ."},
            {"TENTRINHTU": "Bước 2: Ban Quản lý cấp Giấy chứng nhận đăng ký đầu tư."}]}],
        "CACHTHUCTHUCHIEN": [
            {"KENH": "1", "THOIGIAN": [{"THOIGIANGIAIQUYET": "15", "DONVITINH": "Ngày làm việc",
                                       "MOTA": "Kể từ ngày nhận đủ hồ sơ hợp lệ",
                                       "PHILEPHI": [{"SOTIEN": "0", "DONVI": "Đồng",
                                                     "MOTA": "Không thu phí"}]}]},
            {"KENH": 2, "THOIGIAN": [{"THOIGIANGIAIQUYET": 15, "DONVITINH": "Ngày làm việc",
                                     "MOTA": "", "PHILEPHI": []}]},
        ],
        "THANHPHANHOSO": [{"TRUONGHOP": "", "GIAYTO": [
            {"MAGIAYTO": "GT01", "TENGIAYTO": "Văn bản đề nghị thực hiện dự án đầu tư",
             "TENMAUDON": "Mau A.I.1.docx", "URL": "https://csdl.dichvucong.gov.vn/mau/Mau%20A.I.1.docx",
             "SOBANCHINH": "1", "SOBANSAO": "0"},
            {"MAGIAYTO": "GT02", "TENGIAYTO": "Đề xuất dự án đầu tư", "TENMAUDON": "",
             "URL": "https://csdl.dichvucong.gov.vn/mau/de-xuat.docx",
             "SOBANCHINH": 1, "SOBANSAO": 1},
        ]}],
        "DOITUONGTHUCHIEN": "Nhà đầu tư trong nước, nhà đầu tư nước ngoài",
        "COQUANTHUCHIEN": "Ban Quản lý các Khu công nghiệp Tiền Giang",
        "COQUANCOTHAMQUYEN": "Ban Quản lý các Khu công nghiệp Tiền Giang",
        "DIACHITIEPNHAN": "Số 27 Nam Kỳ Khởi Nghĩa, Phường 1, thành phố Mỹ Tho",
        "KETQUATHUCHIEN": [{"MAKETQUA": "KQ01", "TENKETQUA": "Giấy chứng nhận đăng ký đầu tư"}],
        "CANCUPHAPLY": [{"SOVANBAN": "61/2020/QH14", "TENVANBAN": "Luật Đầu tư"}],
        "YEUCAU": "Dự án không thuộc ngành, nghề cấm đầu tư kinh doanh.",
        "TTHCLIENQUAN": "1.009648",
        "IDQUYETDINHCONGBO": "Quyết định số 2568/QĐ-UBND ngày 12/10/2023",
    }
    data.update(extra)
    return data


DAY = datetime.date
