"""Writing an edXML package (lxml), checked against the schema before it leaves."""

import base64
from dataclasses import replace

from lxml import etree

from plugins.eoffice.exchange.edxml.package import NAMESPACE
from plugins.eoffice.exchange.edxml.schema_check import check

_NS = f"{{{NAMESPACE}}}"


def _add(parent, name, text=None):
    element = etree.SubElement(parent, _NS + name)
    if text is not None:
        element.text = str(text)
    return element


def _date(value):
    return f"{value:%Y/%m/%d}"


def _organ(parent, name, organ):
    element = _add(parent, name)
    _add(element, "OrganId", organ.organ_id)
    if organ.in_charge:
        _add(element, "OrganizationInCharge", organ.in_charge)
    _add(element, "OrganName", organ.name)
    for tag, value in (("OrganAdd", organ.address), ("Email", organ.email),
                       ("Telephone", organ.telephone), ("Fax", organ.fax),
                       ("Website", organ.website)):
        if value:
            _add(element, tag, value)


def _header(envelope, package):
    header = _add(envelope, "edXMLHeader")
    message = _add(header, "MessageHeader")
    _organ(message, "From", package.sender)
    for organ in package.recipients:
        _organ(message, "To", organ)
    _add(message, "DocumentId", package.document_id)
    code = _add(message, "Code")
    _add(code, "CodeNumber", package.code_number)
    _add(code, "CodeNotation", package.code_notation)
    info = _add(message, "PromulgationInfo")
    _add(info, "Place", package.place)
    _add(info, "PromulgationDate", _date(package.promulgation_date))
    kind = _add(message, "DocumentType")
    _add(kind, "Type", package.type_code)
    _add(kind, "TypeDetail", package.type_detail)
    _add(kind, "TypeName", package.type_name)
    _add(message, "Subject", package.subject)
    if package.content:
        _add(message, "Content", package.content)
    signer = _add(message, "SignerInfo")
    _add(signer, "Competence", package.signer.competence)
    _add(signer, "Position", package.signer.position)
    _add(signer, "FullName", package.signer.full_name)
    if package.due_date:
        _add(message, "DueDate", _date(package.due_date))
    places = _add(message, "ToPlaces")
    for place in package.to_places:
        _add(places, "Place", place)
    other = _add(message, "OtherInfo")
    _add(other, "Priority", package.priority.value)
    if package.promulgation_amount is not None:
        _add(other, "PromulgationAmount", package.promulgation_amount)
    if package.page_amount is not None:
        _add(other, "PageAmount", package.page_amount)
    _add(message, "SteeringType", package.steering_type)
    for response in package.response_for:
        element = _add(message, "ResponseFor")
        _add(element, "OrganId", response.organ_id)
        _add(element, "Code", response.code)
        _add(element, "PromulgationDate", _date(response.promulgation_date))
        if response.document_id:
            _add(element, "DocumentId", response.document_id)
    traces = _add(header, "TraceHeaderList")
    for trace in package.traces:
        element = _add(traces, "TraceHeader")
        _add(element, "OrganId", trace.organ_id)
        _add(element, "Timestamp", trace.timestamp)
    business = _add(traces, "Bussiness")  # (sic) the standard's spelling
    _add(business, "BussinessDocType", package.business_type.value)
    if package.business_reason:
        _add(business, "BussinessDocReason", package.business_reason)


def build(package):
    """The package as edXML bytes (UTF-8), valid against the shipped schema."""
    attachments = tuple(
        attachment if attachment.content_id else replace(attachment, content_id=f"cid:{i}")
        for i, attachment in enumerate(package.attachments, 1))
    package = replace(package, attachments=attachments,
                      document_id=package.document_id or package.make_document_id())
    root = etree.Element(_NS + "edXML", nsmap={None: NAMESPACE})
    envelope = _add(root, "edXMLEnvelope")
    _header(envelope, package)
    manifest = _add(_add(envelope, "edXMLBody"), "edXMLManifest")
    for attachment in attachments:
        reference = _add(manifest, "Reference")
        _add(reference, "ContentId", attachment.content_id)
        _add(reference, "ContentType", attachment.content_type)
        if attachment.description:
            _add(reference, "Description", attachment.description)
        _add(reference, "AttachmentName", attachment.name)
    encoded = _add(root, "AttachmentEncoded")
    for attachment in attachments:
        element = _add(encoded, "Attachment")
        _add(element, "ContentId", attachment.content_id)
        _add(element, "AttachmentName", attachment.name)
        if attachment.description:
            _add(element, "Description", attachment.description)
        _add(element, "ContentType", attachment.content_type)
        _add(element, "ContentTransferEncoded",
             base64.b64encode(attachment.content).decode("ascii"))
    check(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
