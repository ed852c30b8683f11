"""Status messages: what a receiver tells the sender about a package it got (received,
refused, accepted, assigned, in progress, completed), written and read against
``schema/status.xsd``. :func:`is_status` tells a status message from a document package
so that one endpoint takes both."""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from plugins.eoffice.exchange.edxml.package import NAMESPACE
from plugins.eoffice.exchange.edxml.read import parse_root
from plugins.eoffice.exchange.edxml.schema_check import InvalidPackage, check

_NS = f"{{{NAMESPACE}}}"
TIME_FORMAT = "%Y/%m/%d %H:%M:%S"


class StatusCode(StrEnum):
    RECEIVED = "01"
    REFUSED = "02"
    ACCEPTED = "03"
    ASSIGNED = "04"
    IN_PROGRESS = "05"
    COMPLETED = "06"

    @property
    def label(self):
        return STATUS_LABELS[self]


STATUS_LABELS = {
    StatusCode.RECEIVED: gettext_lazy("Receipt acknowledged"),
    StatusCode.REFUSED: gettext_lazy("Refused by the recipient"),
    StatusCode.ACCEPTED: gettext_lazy("Accepted and registered"),
    StatusCode.ASSIGNED: gettext_lazy("Assigned for handling"),
    StatusCode.IN_PROGRESS: gettext_lazy("Being handled"),
    StatusCode.COMPLETED: gettext_lazy("Handling completed"),
}


@dataclass(frozen=True)
class Status:
    document_id: str  # the DocumentId of the package this answers
    sender_organ_id: str  # who sent that package
    code_notation: str  # its number and notation, 15/QĐ-BQL
    promulgation_date: datetime.date
    from_organ_id: str  # who answers
    from_name: str
    code: StatusCode
    at: datetime.datetime  # aware
    description: str = ""
    staff: str = ""
    department: str = ""


def _add(parent, name, text=None):
    element = etree.SubElement(parent, _NS + name)
    if text is not None:
        element.text = str(text)
    return element


def build_status(status, timezone_for_text):
    """The status message as bytes; ``timezone_for_text`` is the zone its time is written in
    (the agencies' own, Asia/Ho_Chi_Minh)."""
    root = etree.Element(_NS + "Status", nsmap={None: NAMESPACE})
    header = _add(root, "Header")
    answers = _add(header, "ResponseFor")
    _add(answers, "OrganId", status.sender_organ_id)
    _add(answers, "Code", status.code_notation)
    _add(answers, "PromulgationDate", f"{status.promulgation_date:%Y/%m/%d}")
    _add(answers, "DocumentId", status.document_id)
    sender = _add(header, "From")
    _add(sender, "OrganId", status.from_organ_id)
    _add(sender, "OrganName", status.from_name)
    _add(header, "StatusCode", status.code.value)
    if status.description:
        _add(header, "Description", status.description[:2000])
    _add(header, "Timestamp", status.at.astimezone(timezone_for_text).strftime(TIME_FORMAT))
    if status.staff or status.department:
        staff = _add(header, "StaffInfo")
        if status.department:
            _add(staff, "Department", status.department)
        if status.staff:
            _add(staff, "Staff", status.staff)
    check(root, "status.xsd")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def is_status(root):
    return root.tag == _NS + "Status"


def read_status(data, timezone_for_text):
    """The :class:`Status` in ``data``, or InvalidPackage with the reason."""
    root = parse_root(data)
    if not is_status(root):
        raise InvalidPackage(_("This is not a status message."))
    return status_from(root, timezone_for_text)


def status_from(root, timezone_for_text):
    check(root, "status.xsd")
    ns = {"ed": NAMESPACE}

    def text(path):
        found = root.find(path, ns)
        return (found.text or "").strip() if found is not None else ""

    try:
        at = datetime.datetime.strptime(text("ed:Header/ed:Timestamp"), TIME_FORMAT)
        day = datetime.datetime.strptime(text("ed:Header/ed:ResponseFor/ed:PromulgationDate"),
                                         "%Y/%m/%d").date()
    except ValueError as error:
        raise InvalidPackage(_("The status message's dates are not dates.")) from error
    return Status(
        document_id=text("ed:Header/ed:ResponseFor/ed:DocumentId"),
        sender_organ_id=text("ed:Header/ed:ResponseFor/ed:OrganId"),
        code_notation=text("ed:Header/ed:ResponseFor/ed:Code"), promulgation_date=day,
        from_organ_id=text("ed:Header/ed:From/ed:OrganId"),
        from_name=text("ed:Header/ed:From/ed:OrganName"),
        code=StatusCode(text("ed:Header/ed:StatusCode")),
        at=at.replace(tzinfo=timezone_for_text), description=text("ed:Header/ed:Description"),
        staff=text("ed:Header/ed:StaffInfo/ed:Staff"),
        department=text("ed:Header/ed:StaffInfo/ed:Department"))
