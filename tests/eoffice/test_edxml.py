"""edXML packages (issue 18 item 1, R-EO-16): what is built reads back the same, and every
malformed package is refused with a reason — no crash, nothing half read."""

import base64
import datetime

import pytest
from django.utils import translation
from lxml import etree

from plugins.eoffice.exchange.edxml.build import build
from plugins.eoffice.exchange.edxml.package import (
    NAMESPACE,
    Attachment,
    BusinessType,
    Organ,
    Package,
    Priority,
    ResponseFor,
    Signer,
)
from plugins.eoffice.exchange.edxml.read import read, read_file
from plugins.eoffice.exchange.edxml.schema_check import InvalidPackage

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BQL = Organ("000.35.31.H60", "Ban Quản lý các Khu công nghiệp Tiền Giang",
            address="Số 27 Nam Kỳ Khởi Nghĩa, Mỹ Tho", email="bqlkcn@tiengiang.gov.vn")
SKH = Organ("000.11.31.H29", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai")


def package(**overrides):
    fields = {
        "sender": BQL, "recipients": (SKH,), "code_number": "15", "code_notation": "BQL-QLDN",
        "promulgation_date": datetime.date(2026, 11, 30), "place": "Tiền Giang",
        "subject": "Đề nghị chia sẻ kinh nghiệm xây dựng quy chế cung cấp thông tin trên Cổng "
                   "thông tin điện tử", "type_name": "Công văn",
        "signer": Signer("Trần Thị Mỹ Hạnh", "Phó Trưởng ban", "KT. TRƯỞNG BAN"),
        "due_date": datetime.date(2026, 12, 15), "to_places": ("Như trên", "Lưu: VT, QLDN"),
        "priority": Priority.URGENT, "promulgation_amount": 3, "page_amount": 2,
        "response_for": (ResponseFor("000.11.31.H29", "88/SKH-VP", datetime.date(2026, 11, 2)),),
        "attachments": (Attachment("cong-van-15.pdf", PDF, description="Văn bản ký số"),
                        Attachment("phu-luc.docx", b"PK\x03\x04 docx bytes",
                                   "application/vnd.openxmlformats-officedocument."
                                   "wordprocessingml.document")),
    }
    fields.update(overrides)
    return Package(**fields)


def refused(data, match):
    with translation.override("en"), pytest.raises(InvalidPackage, match=match):
        read(data)


def test_R_EO_16_a_built_package_reads_back_the_same():
    original = package()
    data = build(original)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    back = read(data)
    assert back.document_id == "000.35.31.H60,2026/11/30,15/BQL-QLDN"
    assert back.number_notation == "15/BQL-QLDN"
    for name in ("sender", "recipients", "code_number", "code_notation", "promulgation_date",
                 "place", "subject", "type_name", "signer", "due_date", "to_places",
                 "priority", "promulgation_amount", "page_amount", "response_for",
                 "business_type"):
        assert getattr(back, name) == getattr(original, name), name
    assert [(a.name, a.content, a.content_type) for a in back.attachments] == [
        (a.name, a.content, a.content_type) for a in original.attachments]


def test_the_same_document_always_has_the_same_id_and_a_recall_says_so():
    first, second = read(build(package())), read(build(package(subject="Khác " * 3)))
    assert first.document_id == second.document_id  # idempotent receiving keys on it
    recall = read(build(package(business_type=BusinessType.RECALL,
                                business_reason="Ban hành nhầm, thu hồi")))
    assert recall.business_type == BusinessType.RECALL
    assert recall.business_reason == "Ban hành nhầm, thu hồi"


def test_a_package_that_breaks_the_schema_is_not_sent():
    with translation.override("en"), pytest.raises(InvalidPackage, match="edXML"):
        build(package(sender=Organ("not an id", "Cơ quan")))
    with pytest.raises(InvalidPackage):
        build(package(subject=""))


def _without(data, tag):
    root = etree.fromstring(data)
    for element in root.iter(f"{{{NAMESPACE}}}{tag}"):
        element.getparent().remove(element)
        break
    return etree.tostring(root)


def _replace_text(data, tag, text):
    root = etree.fromstring(data)
    next(root.iter(f"{{{NAMESPACE}}}{tag}")).text = text
    return etree.tostring(root)


@pytest.mark.parametrize("data, reason", [
    (b"", "well-formed"),
    (b"<edXML><unclosed></edXML>", "well-formed"),
    (b"\xff\xfe garbage \x00\x01", "well-formed"),
    (b'<edXML xmlns="urn:other"/>', "not an edXML package"),
    (b"<edXML/>", "not an edXML package"),
])
def test_R_EO_16_broken_xml_and_foreign_namespaces_are_refused(data, reason):
    refused(data, reason)


@pytest.mark.parametrize("tag", ["From", "DocumentId", "Subject", "Code", "PromulgationInfo",
                                 "SignerInfo", "edXMLManifest", "TraceHeaderList"])
def test_R_EO_16_a_missing_required_element_is_named(tag):
    refused(_without(build(package()), tag), "does not follow edXML")


def test_R_EO_16_bad_values_are_refused():
    refused(_replace_text(build(package()), "PromulgationDate", "30/11/2026"), "edXML")
    refused(_replace_text(build(package()), "Priority", "9"), "edXML")
    refused(_replace_text(build(package()), "OrganId", "<script>"), "edXML")


def test_R_EO_16_base64_garbage_and_manifest_mismatches_are_refused():
    refused(_replace_text(build(package()), "ContentTransferEncoded", "@@not base64!!"),
            "not valid base64")
    refused(_replace_text(build(package()), "ContentTransferEncoded", "QUJ"), "base64")
    root = etree.fromstring(build(package()))
    reference = next(root.iter(f"{{{NAMESPACE}}}Reference"))
    reference.getparent().remove(reference)
    refused(etree.tostring(root), "not in the manifest")
    root = etree.fromstring(build(package()))
    attachment = next(root.iter(f"{{{NAMESPACE}}}Attachment"))
    attachment.getparent().remove(attachment)
    refused(etree.tostring(root), "does not carry")


def test_entities_are_never_expanded_nor_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu")
    data = build(package()).replace(
        b"<?xml version='1.0' encoding='UTF-8'?>",
        f'<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'.encode())
    data = data.replace("Đề nghị".encode(), b"&x;&b;")
    with pytest.raises(InvalidPackage):
        result = read(data)
        assert "mật khẩu" not in result.subject  # never reached: refused or unexpanded


def test_R_EO_16_a_200_mb_package_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.edxml"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written or read
    with translation.override("en"), pytest.raises(InvalidPackage, match="larger than 100 MB"):
        read_file(path)
    big = build(package(attachments=(Attachment("scan.pdf", b"%PDF" + b"0" * 3_000_000),)))
    with translation.override("en"), pytest.raises(InvalidPackage, match="larger than 2 MB"):
        read(big, max_mb=2)
    assert base64.b64decode(b"QUJD") == b"ABC"
