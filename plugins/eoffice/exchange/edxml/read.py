"""Reading a received edXML package: size, XML, schema, attachments — each refused with a
clear reason (:class:`InvalidPackage`), never half read. Nothing here writes anything: the
registering service takes a :class:`Package` only when the whole of it is sound."""

import base64
import binascii
import datetime

from django.utils.translation import gettext as _
from lxml import etree

from plugins.eoffice.exchange.edxml.package import (
    NAMESPACE,
    Attachment,
    BusinessType,
    Organ,
    Package,
    Priority,
    ResponseFor,
    Signer,
    Trace,
)
from plugins.eoffice.exchange.edxml.schema_check import InvalidPackage, check

MAX_PACKAGE_MB = 100
_NS = {"ed": NAMESPACE}


def _parser():
    # No DTDs, entities or network: a package is data, never instructions to the parser.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=True, remove_comments=True)


def parse_root(data, max_mb=MAX_PACKAGE_MB):
    """The root element of the XML in ``data``: size, well-formedness and no DTD checked."""
    if len(data) > max_mb * 1024 * 1024:
        raise InvalidPackage(_("The package is larger than %(size)s MB.") % {"size": max_mb})
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise InvalidPackage(_("The package is not well-formed XML: %(error)s")
                             % {"error": error}) from error
    if root.getroottree().docinfo.doctype:
        raise InvalidPackage(_("The package declares a document type (DTD): edXML has none, "
                               "and it is refused."))
    return root


def read(data, max_mb=MAX_PACKAGE_MB):
    """The :class:`Package` in ``data`` (bytes), or InvalidPackage with the reason."""
    return package_from(parse_root(data, max_mb))


def package_from(root):
    """The :class:`Package` of a parsed edXML root element, checked against the schema."""
    if root.tag != f"{{{NAMESPACE}}}edXML":
        raise InvalidPackage(_("This is not an edXML package: its root is %(tag)s, not edXML "
                               "in the namespace %(namespace)s.")
                             % {"tag": root.tag, "namespace": NAMESPACE})
    check(root)
    return _package(root)


def _text(element, path, default=""):
    found = element.find(path, _NS)
    return (found.text or "").strip() if found is not None and found.text else default


def _date(element, path):
    value = _text(element, path)
    if not value:
        return None
    try:
        return datetime.datetime.strptime(value, "%Y/%m/%d").date()
    except ValueError as error:
        raise InvalidPackage(_("%(value)s is not a date.") % {"value": value}) from error


def _organ(element):
    return Organ(organ_id=_text(element, "ed:OrganId"), name=_text(element, "ed:OrganName"),
                 in_charge=_text(element, "ed:OrganizationInCharge"),
                 address=_text(element, "ed:OrganAdd"), email=_text(element, "ed:Email"),
                 telephone=_text(element, "ed:Telephone"), fax=_text(element, "ed:Fax"),
                 website=_text(element, "ed:Website"))


def _int(element, path):
    value = _text(element, path)
    return int(value) if value else None


def _package(root):
    header = root.find("ed:edXMLEnvelope/ed:edXMLHeader", _NS)
    message = header.find("ed:MessageHeader", _NS)
    business = header.find("ed:TraceHeaderList/ed:Bussiness", _NS)
    return Package(
        sender=_organ(message.find("ed:From", _NS)),
        recipients=tuple(_organ(e) for e in message.findall("ed:To", _NS)),
        document_id=_text(message, "ed:DocumentId"),
        code_number=_text(message, "ed:Code/ed:CodeNumber"),
        code_notation=_text(message, "ed:Code/ed:CodeNotation"),
        place=_text(message, "ed:PromulgationInfo/ed:Place"),
        promulgation_date=_date(message, "ed:PromulgationInfo/ed:PromulgationDate"),
        type_code=_text(message, "ed:DocumentType/ed:Type"),
        type_detail=_text(message, "ed:DocumentType/ed:TypeDetail"),
        type_name=_text(message, "ed:DocumentType/ed:TypeName"),
        subject=_text(message, "ed:Subject"), content=_text(message, "ed:Content"),
        signer=Signer(full_name=_text(message, "ed:SignerInfo/ed:FullName"),
                      position=_text(message, "ed:SignerInfo/ed:Position"),
                      competence=_text(message, "ed:SignerInfo/ed:Competence")),
        due_date=_date(message, "ed:DueDate"),
        to_places=tuple((e.text or "").strip()
                        for e in message.findall("ed:ToPlaces/ed:Place", _NS)),
        priority=Priority(_text(message, "ed:OtherInfo/ed:Priority", "0")),
        promulgation_amount=_int(message, "ed:OtherInfo/ed:PromulgationAmount"),
        page_amount=_int(message, "ed:OtherInfo/ed:PageAmount"),
        steering_type=_text(message, "ed:SteeringType", "0"),
        response_for=tuple(
            ResponseFor(organ_id=_text(e, "ed:OrganId"), code=_text(e, "ed:Code"),
                        promulgation_date=_date(e, "ed:PromulgationDate"),
                        document_id=_text(e, "ed:DocumentId"))
            for e in message.findall("ed:ResponseFor", _NS)),
        business_type=BusinessType(_text(business, "ed:BussinessDocType", "0")
                                   if business is not None else "0"),
        business_reason=_text(business, "ed:BussinessDocReason") if business is not None
        else "",
        traces=tuple(Trace(organ_id=_text(e, "ed:OrganId"), timestamp=_text(e, "ed:Timestamp"))
                     for e in header.findall("ed:TraceHeaderList/ed:TraceHeader", _NS)),
        attachments=_attachments(root),
    )


def _attachments(root):
    listed = {}
    for reference in root.findall("ed:edXMLEnvelope/ed:edXMLBody/ed:edXMLManifest/"
                                  "ed:Reference", _NS):
        content_id = _text(reference, "ed:ContentId")
        if content_id in listed:
            raise InvalidPackage(_("The manifest lists %(id)s twice.") % {"id": content_id})
        listed[content_id] = reference
    attachments = []
    for element in root.findall("ed:AttachmentEncoded/ed:Attachment", _NS):
        content_id = _text(element, "ed:ContentId")
        name = _text(element, "ed:AttachmentName")
        if content_id not in listed:
            raise InvalidPackage(_("The attachment %(name)s is not in the manifest.")
                                 % {"name": name})
        del listed[content_id]
        encoded = "".join((_text(element, "ed:ContentTransferEncoded")).split())
        try:
            content = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError) as error:
            raise InvalidPackage(_("The attachment %(name)s is not valid base64.")
                                 % {"name": name}) from error
        attachments.append(Attachment(name=name, content=content, content_id=content_id,
                                      content_type=_text(element, "ed:ContentType"),
                                      description=_text(element, "ed:Description")))
    if listed:
        raise InvalidPackage(_("The manifest lists attachments the package does not carry: "
                               "%(ids)s.") % {"ids": ", ".join(sorted(listed))})
    return tuple(attachments)


def read_file(path, max_mb=MAX_PACKAGE_MB):
    """Read the package in the file at ``path``, refusing a too large one before reading."""
    import os

    if os.stat(path).st_size > max_mb * 1024 * 1024:
        raise InvalidPackage(_("The package is larger than %(size)s MB.") % {"size": max_mb})
    with open(path, "rb") as handle:
        return read(handle.read(), max_mb)
