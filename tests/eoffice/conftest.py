"""Registers, a dossier and documents of the two agencies of tests/eoffice_people.py."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from plugins.eoffice.documents.models import Register, RegisterKind, WorkDossier
from tests.eoffice_people import *  # noqa: F403 - the shared people of the e-office


@pytest.fixture
def registers(bql, skh):
    def make(agency, kind, name, **fields):
        return Register.objects.create(agency=agency, kind=kind, name=name, **fields)

    return {
        "in": make(bql, RegisterKind.INCOMING, "Sổ văn bản đến", is_default=True),
        "in_secret": make(bql, RegisterKind.INCOMING, "Sổ văn bản đến mật", is_secret=True),
        "out": make(bql, RegisterKind.OUTGOING, "Sổ văn bản đi", is_default=True),
        "out_secret": make(bql, RegisterKind.OUTGOING, "Sổ văn bản đi mật", is_secret=True),
        "skh_in": make(skh, RegisterKind.INCOMING, "Sổ văn bản đến", is_default=True),
        "skh_out": make(skh, RegisterKind.OUTGOING, "Sổ văn bản đi", is_default=True),
    }


@pytest.fixture
def dossier(units, staff):
    return WorkDossier.objects.create(unit=units["investment"], year=2026, code="QLĐT-01",
                                      title="Hồ sơ cấp giấy chứng nhận đầu tư năm 2026",
                                      keeper=staff["leader"])


def pdf(name="van-ban.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                              content_type="application/pdf")


SUBJECT = "UBND tỉnh mời họp ngày 12/3/2026 về việc giải phóng mặt bằng Khu công nghiệp Long Giang"


def incoming_fields(**overrides):
    fields = {
        "arrived_at": timezone.now(),
        "sender_name": "UBND tỉnh Tiền Giang",
        "number_notation": "125/GM-UBND",
        "issue_date": datetime.date(2026, 3, 9),
        "subject": SUBJECT,
        "type_code": "GM",
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def registered(staff, registers):
    """An ordinary incoming document, registered by the clerk."""
    from plugins.eoffice.documents.services import incoming

    return incoming.register(staff["clerk"], registers["in"], **incoming_fields(),
                             files=[pdf()]).document


SIGNED = b"%PDF-1.4\n% signed copy of the decision\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ANNEX = b"%PDF-1.4\n% annex: list of projects\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def issued_to_skh(staff, bql, skh, registers, django_capture_on_commit_callbacks):
    """A decision of BQL issued to SKH (an agency of this installation), with its signed
    copy and an annex (sent through the exchange when that app is installed)."""
    from plugins.eoffice.documents.services import outgoing

    document = outgoing.create_draft(
        staff["specialist"], bql, type_code="QĐ", urgency="urgent", page_count=3,
        subject="Quyết định phê duyệt danh mục dự án kêu gọi đầu tư vào Khu công nghiệp "
                "Long Giang năm 2026", recipient_agencies=[skh],
        external_recipients="UBND tỉnh Tiền Giang")
    outgoing.attach(staff["specialist"], document, _pdf("phu-luc.pdf", ANNEX), kind="annex")
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    with django_capture_on_commit_callbacks(execute=True):
        document = outgoing.issue(staff["clerk"], document, register=registers["out"],
                                  signer=staff["director"], signing_prefix="KT.", copies=4,
                                  signed_file=_pdf("quyet-dinh-ky.pdf", SIGNED))
    return document
