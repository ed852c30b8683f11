"""Legal normative documents issued through an office plugin (the e-office) arrive here as
drafts of the agency's library, for its editors to complete and publish (core's
:mod:`plugins.core.issued_documents`; R-LD-5: the agency's own documents are published).

Nothing is published by itself: the draft goes through the library's usual review. A
document already in the library (same number) is not drafted twice; an agency without a
library, or a type the library does not list, is skipped and logged."""

import logging

from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model

from plugins.core import numbers
from plugins.core.text import slugify
from plugins.legal_docs.models import (
    DocumentType,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)
from plugins.legal_docs.models.taxonomy import IssuerLevel

logger = logging.getLogger(__name__)


def library_of(agency):
    """The agency's legal library: the shallowest one under its site's home page."""
    site = getattr(agency, "site", None)
    if site is None:
        return None
    return (LegalDocumentIndexPage.objects.descendant_of(site.root_page, inclusive=True)
            .order_by("depth", "path").first())


def issuing_body_of(agency):
    """The agency itself as an issuing body of its list (made on first use)."""
    offered = IssuingBody.objects.offered_to(agency)
    found = (offered.filter(name=agency.name).first()
             or (offered.filter(abbreviation=agency.symbol, level=IssuerLevel.AGENCY).first()
                 if agency.symbol else None))
    if found is None:
        found = IssuingBody.objects.create(agency=agency, name=agency.name,
                                           abbreviation=agency.symbol or "",
                                           level=IssuerLevel.AGENCY)
    return found


@transaction.atomic
def draft_from_issued(document):
    """A draft page for ``document`` (an IssuedDocument) in its agency's library, or None."""
    from plugins.core.roles import agency_collection

    library = library_of(document.agency)
    if library is None:
        logger.info("no legal library for %s: %s not drafted", document.agency, document.number)
        return None
    key = numbers.search_key(document.number) or ""
    if LegalDocumentPage.objects.child_of(library).filter(number_key=key).exists():
        return None
    doc_type = DocumentType.objects.offered_to(document.agency).filter(
        code=document.type_code).first()
    if doc_type is None:
        logger.warning("legal library of %s lists no type %r: %s not drafted",
                       document.agency, document.type_code, document.number)
        return None
    title = f"{doc_type.name} {document.number}"
    page = LegalDocumentPage(
        title=title, slug=slugify(f"{document.number} {doc_type.name}", max_length=80),
        live=False, owner=document.issued_by, number=document.number, number_key=key,
        doc_type=doc_type, issuing_body=issuing_body_of(document.agency),
        signer_name=document.signer_name, signer_title=document.signer_title,
        issue_date=document.issue_date, summary=document.subject, issued_here=True)
    Document = get_document_model()
    collection = agency_collection(document.agency)
    files = []
    for issued_file in document.files:
        with issued_file.open() as handle:
            stored = Document(title=issued_file.name[:255], collection=collection,
                              uploaded_by_user=document.issued_by)
            stored.file.save(issued_file.name, File(handle), save=False)
            stored.save()
        files.append(LegalDocumentFile(document=stored, kind="main"))
    page.files = files
    library.add_child(instance=page)
    page.save_revision(user=document.issued_by, log_action=True)
    logger.info("%s drafted in the legal library of %s", document.number, document.agency)
    return page
