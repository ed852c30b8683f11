"""Attached files (R-LD-7) and the publication deadline report (R-LD-5)."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from plugins.legal_docs.files import check_file, detect, extract_text
from plugins.legal_docs.models import LegalDocsSettings, LegalDocumentPage

from .conftest import odt_bytes

pytestmark = pytest.mark.django_db


def _pdf(text):
    """A minimal one-page PDF whose content stream shows ``text`` (ASCII)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def _docx(text):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_formats_are_recognised_by_content():
    """R-LD-7: PDF, DOCX, ODT by their bytes, whatever their name says."""
    assert detect(_pdf("x")) == "pdf"
    assert detect(_docx("x")) == "docx"
    assert detect(odt_bytes("x")) == "odt"
    assert detect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "doc"
    assert detect(b"MZ\x90\x00 this is a program") is None


def test_a_renamed_file_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        check_file(ContentFile(b"MZ\x90\x00 program", name="quyet-dinh.pdf"), "quyet-dinh.pdf")
    assert "quyet-dinh.pdf" in str(error.value)
    with pytest.raises(ValidationError):
        check_file(ContentFile(b"x", name="virus.exe"), "virus.exe")
    check_file(ContentFile(odt_bytes("ok"), name="van-ban.odt"), "van-ban.odt")


def test_size_limit(settings):
    settings.LEGAL_DOCS_MAX_FILE_MB = 1
    big = ContentFile(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1), name="lon.pdf")
    with pytest.raises(ValidationError) as error:
        check_file(big, "lon.pdf")
    assert "1 MB" in str(error.value)


@pytest.mark.parametrize(("name", "make"), [("a.pdf", _pdf), ("a.docx", _docx),
                                             ("a.odt", odt_bytes)])
def test_full_text_is_extracted(name, make):
    """R-LD-4: PDF, DOCX and ODT text reaches the index."""
    text = extract_text(ContentFile(make("quy dinh luu tru ho so"), name=name), name)
    assert "quy dinh luu tru ho so" in text


def _late_setup(make_doc, agency, days=1):
    LegalDocsSettings.objects.update_or_create(site=agency.site,
                                               defaults={"publication_deadline_days": days})
    # Signed Friday 2026-03-06: 1 working day → Monday 03-09; 2 → Tuesday 03-10.
    on_time = make_doc("40/QĐ-BQL", "Đúng hạn", issue_date=datetime.date(2026, 3, 6),
                       issued_here=True)
    late = make_doc("41/QĐ-BQL", "Đăng chậm", issue_date=datetime.date(2026, 3, 6),
                    issued_here=True)
    other = make_doc("42/2026/NĐ-CP", "Của cơ quan khác", type="NĐ", issuer="CP",
                     issue_date=datetime.date(2026, 3, 6))
    tz = timezone.get_current_timezone()
    LegalDocumentPage.objects.filter(pk=on_time.pk).update(
        first_published_at=datetime.datetime(2026, 3, 9, 16, 0, tzinfo=tz))
    LegalDocumentPage.objects.filter(pk=late.pk).update(
        first_published_at=datetime.datetime(2026, 3, 10, 8, 0, tzinfo=tz))
    LegalDocumentPage.objects.filter(pk=other.pk).update(
        first_published_at=datetime.datetime(2026, 4, 1, 8, 0, tzinfo=tz))
    return on_time, late


def test_deadline_report_flags_late_publication(client, django_user_model, make_doc, agency):
    """R-LD-5: published later than 1 working day after signing, by the core calendar."""
    _late_setup(make_doc, agency)
    admin = django_user_model.objects.create_superuser("it", "it@example.vn", "x-2026-pass")
    client.force_login(admin)
    html = client.get(reverse("legal_docs:deadlines")).content.decode()
    assert "41/QĐ-BQL" in html and "40/QĐ-BQL" in html and "42/2026/NĐ-CP" not in html
    from bs4 import BeautifulSoup

    rows = {
        row.find("td").get_text(strip=True): row.get_text(" ", strip=True)
        for row in BeautifulSoup(html, "html.parser").select("tbody tr")
    }
    assert "Chậm" in rows["41/QĐ-BQL"]
    assert "Đúng hạn" in rows["40/QĐ-BQL"]
    xlsx = client.get(reverse("legal_docs:deadlines"), {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_the_agency_rule_is_configurable(make_doc, agency):
    """R-LD-5: 2 working days (seed 002) makes the same publication on time."""
    from plugins.legal_docs.admin.reports import annotate_deadlines, issued_here

    _late_setup(make_doc, agency, days=2)
    pages = annotate_deadlines(list(issued_here(_superuser())))
    assert {page.number: page.late for page in pages} == {"40/QĐ-BQL": False,
                                                            "41/QĐ-BQL": False}


def _superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", "r@example.vn", "x-2026-pass")


def test_dashboard_panel_counts_late_documents(client, django_user_model, make_doc, agency,
                                               monkeypatch):
    _late_setup(make_doc, agency)
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2026, 4, 1))
    admin = django_user_model.objects.create_superuser("it", "it@example.vn", "x-2026-pass")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "41/QĐ-BQL" in html
    assert "40/QĐ-BQL — Đúng hạn" not in html


def test_another_agency_sees_none_of_these_documents(make_doc, agency, make_agency, make_staff):
    """Permissions: the report lists only the user's agencies' documents."""
    from plugins.core.models import Role
    from plugins.legal_docs.admin.reports import issued_here

    _late_setup(make_doc, agency)
    other = make_agency("SKH", own_home=True)
    leader = make_staff("giamdoc", other, role=Role.AGENCY_LEADER)
    assert list(issued_here(leader)) == []
    own = make_staff("truongban", agency, role=Role.AGENCY_LEADER)
    assert len(issued_here(own)) == 2
