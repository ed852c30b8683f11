"""Between documents and packages: an issued outgoing document as an edXML
:class:`~.edxml.package.Package`, and a received package's fields as the clerk's
registration takes them. The one place that maps the e-office's fields to edXML's."""

import mimetypes

from django.core.files.base import ContentFile
from django.utils import timezone

from plugins.core.calendar import OFFICE_TZ
from plugins.core.numbers import TYPE_CODES
from plugins.eoffice.documents.models import OutgoingFileKind, Urgency
from plugins.eoffice.documents.models.choices import type_name
from plugins.eoffice.exchange.edxml.package import (
    Attachment,
    BusinessType,
    Organ,
    Package,
    Priority,
    Signer,
    Trace,
)

PRIORITY_OF = {Urgency.NORMAL: Priority.NORMAL, Urgency.URGENT: Priority.URGENT,
               Urgency.VERY_URGENT: Priority.VERY_URGENT, Urgency.FLASH: Priority.FLASH}
URGENCY_OF = {priority: urgency for urgency, priority in PRIORITY_OF.items()}
TIMESTAMP = "%Y/%m/%d %H:%M:%S"


def organ_of(agency):
    return Organ(organ_id=agency.organ_id, name=agency.name, address=agency.address,
                 email=agency.email, telephone=agency.phone, fax=agency.fax)


def package_for(document, recipients, *, business=BusinessType.NEW, reason="",
                with_files=True):
    """The package of the issued ``document`` for ``recipients`` (Organs), with its signed
    copy and annexes (not for a recall)."""
    code_number, _slash, code_notation = document.number_notation.partition("/")
    if document.is_normative and "/" in code_notation:
        # 36/2016/QĐ-UBND: the number carries the year (edXML: CodeNumber "36/2016").
        year, _slash, code_notation = code_notation.partition("/")
        code_number = f"{code_number}/{year}"
    signer = document.signer
    prefix = f"{document.signing_prefix} " if document.signing_prefix else ""
    files = (document.files.filter(kind__in=[OutgoingFileKind.SIGNED, OutgoingFileKind.ANNEX])
             if with_files else [])
    now = timezone.localtime(timezone.now(), OFFICE_TZ)
    return Package(
        sender=organ_of(document.agency), recipients=tuple(recipients),
        code_number=code_number, code_notation=code_notation,
        promulgation_date=document.issue_date, subject=document.subject,
        type_name=type_name(document.type_code), type_detail=document.type_code,
        type_code=document.type_code or "CV", place=document.agency.address,
        signer=Signer(full_name=signer.get_full_name() if signer else "",
                      position=document.signer_title,
                      competence=f"{prefix}{document.signer_title}".strip().upper()),
        to_places=tuple(line.strip() for line in document.external_recipients.splitlines()
                        if line.strip()),
        priority=PRIORITY_OF.get(document.urgency, Priority.NORMAL),
        promulgation_amount=document.copies, page_amount=document.page_count,
        business_type=business, business_reason=reason,
        traces=(Trace(document.agency.organ_id, now.strftime(TIMESTAMP)),),
        attachments=tuple(_attachment(item) for item in files),
    )


def _attachment(item):
    with item.file.open("rb") as handle:
        content = handle.read()
    kind = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
    return Attachment(name=item.name, content=content, content_type=kind,
                      description=item.get_kind_display())


def type_code_of(package):
    """The e-office's type code for the package's type: its abbreviation when the sender
    wrote one we know, else by the type's name; "" (công văn) otherwise."""
    for candidate in (package.type_detail, package.type_code):
        if candidate in TYPE_CODES:
            return candidate
    by_name = {name.casefold(): code for code, name in TYPE_CODES.items()}
    return by_name.get((package.type_name or "").casefold(), "")


def registration_fields(package, sender_agency=None):
    """What the clerk's registration takes from a received package."""
    return {
        "sender_agency": sender_agency, "sender_name": package.sender.name,
        "sender_organ_id": package.sender.organ_id,
        "number_notation": package.number_notation, "issue_date": package.promulgation_date,
        "subject": package.subject, "type_code": type_code_of(package),
        "urgency": URGENCY_OF.get(package.priority, Urgency.NORMAL),
        "page_count": package.page_amount,
        "signer_name": package.signer.full_name,
    }


def files_of(package):
    return [ContentFile(attachment.content, name=attachment.name)
            for attachment in package.attachments]
