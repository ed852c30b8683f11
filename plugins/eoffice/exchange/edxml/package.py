"""What an edXML package says, as plain data: the document's metadata, its sender and
recipients, the trace of the agencies it passed, the business kind (new, recall, update,
replace) and its attachments. :mod:`.build` writes it, :mod:`.read` reads it back."""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"


class Priority(StrEnum):
    """OtherInfo/Priority: thường, khẩn, thượng khẩn, hỏa tốc."""

    NORMAL = "0"
    URGENT = "1"
    VERY_URGENT = "2"
    FLASH = "3"


class BusinessType(StrEnum):
    """TraceHeaderList/Bussiness/BussinessDocType."""

    NEW = "0"
    RECALL = "1"
    UPDATE = "2"
    REPLACE = "3"


@dataclass(frozen=True)
class Organ:
    organ_id: str  # 000.00.00.G22
    name: str
    in_charge: str = ""
    address: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass(frozen=True)
class Signer:
    full_name: str = ""
    position: str = ""  # Phó Trưởng ban
    competence: str = ""  # KT. TRƯỞNG BAN


@dataclass(frozen=True)
class Attachment:
    name: str
    content: bytes
    content_type: str = "application/pdf"
    description: str = ""
    content_id: str = ""  # given by build() when empty


@dataclass(frozen=True)
class Trace:
    organ_id: str
    timestamp: str  # yyyy/MM/dd HH:mm:ss, as sent


@dataclass(frozen=True)
class ResponseFor:
    organ_id: str
    code: str
    promulgation_date: datetime.date
    document_id: str = ""


@dataclass(frozen=True)
class Package:
    sender: Organ
    recipients: tuple[Organ, ...]
    code_number: str  # 15 (or 15/2026 for a normative document)
    code_notation: str  # QĐ-BQL
    promulgation_date: datetime.date
    subject: str
    type_name: str  # Quyết định, Công văn …
    type_code: str = ""  # 1 … as the implementations number types; "" when unknown
    type_detail: str = ""
    place: str = ""
    content: str = ""
    signer: Signer = field(default_factory=Signer)
    due_date: datetime.date | None = None
    to_places: tuple[str, ...] = ()
    priority: Priority = Priority.NORMAL
    promulgation_amount: int | None = None
    page_amount: int | None = None
    steering_type: str = "0"
    response_for: tuple[ResponseFor, ...] = ()
    business_type: BusinessType = BusinessType.NEW
    business_reason: str = ""
    traces: tuple[Trace, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    document_id: str = ""  # given by build() when empty

    @property
    def number_notation(self):
        """``15/QĐ-BQL`` as the registers write it."""
        return "/".join(part for part in (self.code_number, self.code_notation) if part)

    def make_document_id(self):
        """``<OrganId>,<yyyy/MM/dd>,<number/notation>``: the same document always gets the
        same id, so a package delivered twice is recognised (idempotent receiving)."""
        return (f"{self.sender.organ_id},{self.promulgation_date:%Y/%m/%d},"
                f"{self.number_notation}")
