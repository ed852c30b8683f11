"""Signing an agency's outgoing PDF with its PKCS#12 certificate (R-EO-16).

The signature is PAdES baseline B (``ETSI.CAdES.detached``, signing-certificate-v2
attribute, SHA-256), invisible, added as an incremental update so earlier signatures on
the PDF stay valid. Every reason not to sign is a :class:`SigningError` with a message
for the person who asked."""

import io
import uuid

from django.utils.translation import gettext as _

from plugins.eoffice.exchange.signing import certificates, passphrases


class SigningError(Exception):
    """The PDF could not be signed; ``str()`` is the translated reason."""


def agency_certificate(agency):
    from plugins.eoffice.exchange.signing.models import AgencySigningCertificate

    return AgencySigningCertificate.objects.filter(agency=agency).first()


def _signer(record):
    from pyhanko.sign.signers import SimpleSigner

    passphrase = passphrases.decrypt(record.passphrase_token)
    if passphrase is None:
        raise SigningError(_("The certificate's passphrase can no longer be read on this "
                             "installation; upload the certificate again."))
    try:
        with record.pkcs12_file.open("rb") as file:
            data = file.read()
    except OSError as error:
        raise SigningError(_("The agency's certificate file is missing; upload the "
                             "certificate again.")) from error
    try:
        certificates.open_pkcs12(data, passphrase)  # expired, wrong passphrase, no key
    except certificates.CertificateProblem as problem:
        raise SigningError(str(problem)) from problem
    return SimpleSigner.load_pkcs12_data(data, other_certs=[],
                                         passphrase=passphrase.encode("utf-8") or None)


def sign_pdf(agency, pdf_bytes, *, reason, location, signer_name):
    """``pdf_bytes`` signed with ``agency``'s certificate; the signed PDF's bytes.

    ``reason``, ``location`` and ``signer_name`` (the person who signs for the agency)
    are written in the signature dictionary, which readers show beside the certificate."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers

    record = agency_certificate(agency)
    if record is None:
        raise SigningError(_("%(agency)s has no signing certificate: its IT administrator "
                             "uploads one in the e-office's menu.") % {"agency": agency})
    signer = _signer(record)
    if b"%PDF-" not in bytes(pdf_bytes[:1024]):
        raise SigningError(_("The file is not a PDF document."))
    metadata = signers.PdfSignatureMetadata(
        field_name=f"Signature_{uuid.uuid4().hex[:8]}", md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES, reason=reason or None,
        location=location or None, name=signer_name or None)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(bytes(pdf_bytes)), strict=False)
        output = signers.PdfSigner(metadata, signer=signer).sign_pdf(writer)
    except (PdfError, ValueError, KeyError, TypeError) as error:
        raise SigningError(_("The PDF document is damaged or encrypted and cannot be "
                             "signed.")) from error
    return output.getvalue()
