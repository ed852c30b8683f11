"""Signing an approved document's PDFs with the agency's certificate before it is issued,
so that what leaves — on paper's behalf or through the exchange — carries the agency's
digital signature (R-EO-16; issue 18 item 5)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import (
    OutgoingDocument,
    OutgoingFileKind,
    OutgoingState,
    StepAction,
)
from plugins.eoffice.documents.services.common import TransitionError, refuse, step
from plugins.eoffice.exchange.signing.sign import SigningError, agency_certificate, sign_pdf

SIGNABLE_KINDS = (OutgoingFileKind.SIGNED, OutgoingFileKind.ANNEX)


def signable_files(document):
    return [item for item in document.files.filter(kind__in=SIGNABLE_KINDS)
            if item.name.lower().endswith(".pdf")]


def may_sign(user, document):
    return (document.state == OutgoingState.APPROVED and not document.is_secret
            and access.is_clerk(user, document.agency_id)
            and agency_certificate(document.agency) is not None)


@transaction.atomic
def sign_files(user, document):
    """The clerk signs the approved document's PDFs (signed copy, annexes) with the agency's
    certificate; each file is replaced by its signed version. Returns the files signed."""
    document = OutgoingDocument.objects.select_for_update(of=("self",)).select_related(
        "agency", "proposed_signer").get(pk=document.pk)
    if not access.is_clerk(user, document.agency_id):
        refuse(_("Only a clerk of %(agency)s signs its documents with its certificate."),
               agency=document.agency.name)
    if document.is_secret:
        refuse(_("A secret document's files are kept on paper, never in the system."))
    if document.state != OutgoingState.APPROVED:
        refuse(_("Sign the files once the document is approved, before it is issued."))
    files = signable_files(document)
    if not files:
        refuse(_("Add the signed copy (PDF) first."))
    signer = document.proposed_signer
    for item in files:
        with item.file.open("rb") as handle:
            data = handle.read()
        try:
            signed = sign_pdf(document.agency, data,
                              reason=_("Issue of: %(subject)s") % {
                                  "subject": document.subject[:120]},
                              location=document.agency.address or document.agency.name,
                              signer_name=signer.get_full_name() if signer else
                              document.agency.name)
        except SigningError as error:
            raise TransitionError(str(error)) from error
        old = item.file.name
        item.file.save(item.name, ContentFile(signed), save=True)
        item.file.storage.delete(old)
    step(document, StepAction.SIGN, user, note=", ".join(item.name for item in files))
    return files
