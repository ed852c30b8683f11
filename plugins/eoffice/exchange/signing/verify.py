"""Reading and judging the signatures of a PDF (R-EO-16).

For each signature: who signed (common name and organisation of the signer's
certificate), when (a trusted timestamp's time if the signature carries one, else the
time the signer's software declared), whether the document changed after signing, and a
verdict:

- ``valid``: the signature is intact, the document was not modified after signing
  (later incremental updates that only add signatures or fill forms are allowed), and the
  signer's certificate chains to a trusted authority (:mod:`.trust`);
- ``invalid``: the signature is broken or the signed content was modified;
- ``not_trusted``: intact, but the chain does not reach a trusted authority (or the
  certificate was not in force at the time of verification).

Verification is offline: no certificate, CRL or OCSP answer is fetched, so **revocation is
not checked**; a revoked certificate still shows as valid until its CA is withdrawn.
"""

import io
import logging
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.eoffice.exchange.signing import trust

logger = logging.getLogger(__name__)


class Verdict(models.TextChoices):
    VALID = "valid", gettext_lazy("Valid signature")
    INVALID = "invalid", gettext_lazy("Invalid signature")
    NOT_TRUSTED = "not_trusted", gettext_lazy("Signer not trusted")


#: Why a signature got its verdict (codes are cached; the words follow the reader's language).
REASONS = {
    "valid": gettext_lazy("The signature is valid and the signed content is unchanged."),
    "modified": gettext_lazy("The document was modified after it was signed."),
    "broken": gettext_lazy("The signature is broken."),
    "unchecked": gettext_lazy("The signature cannot be checked."),
    "untrusted": gettext_lazy(
        "The document is intact, but the signer's certificate does not lead to a trusted "
        "certificate authority, or was not in force."),
    "untrusted_timestamp": gettext_lazy(
        "The document is intact, but its timestamp is not trusted."),
}


class UnreadablePdf(ValueError):
    """The bytes are not a PDF that can be read; ``str()`` is the translated reason."""


@dataclass(frozen=True)
class SignatureResult:
    field_name: str
    signer_name: str
    organisation: str
    signed_at: object  # an aware datetime, or None when the signature states no time
    time_from_timestamp: bool
    modified_after_signing: bool
    status: str  # a Verdict value
    reason_code: str  # a key of REASONS

    @property
    def status_label(self):
        return Verdict(self.status).label

    @property
    def reason(self):
        return REASONS.get(self.reason_code, "")


def read_bytes(source):
    """The bytes of ``source``: bytes, a Django file or field file, or a file object."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    opened_here = getattr(source, "closed", False)
    if opened_here:
        source.open("rb")
    try:
        if hasattr(source, "seek"):
            source.seek(0)
        return source.read()
    finally:
        if opened_here:
            source.close()


def verify_pdf(source, *, roots=None):
    """The signatures of a PDF, judged against the trusted roots (:mod:`.trust`).

    Returns ``[]`` for a PDF without signatures; raises :class:`UnreadablePdf` for what is
    not a readable PDF. A signature that cannot be checked is reported ``invalid`` with its
    reason, never raised."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = read_bytes(source)
    if b"%PDF-" not in data[:1024]:
        raise UnreadablePdf(_("The file is not a PDF document."))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception as error:  # noqa: BLE001 - a hostile file must not break a page
        logger.info("PDF not readable for its signatures: %s", error)
        raise UnreadablePdf(_("The PDF document is damaged and cannot be read.")) from error
    if not signatures:
        return []
    context_roots = trust.trusted_roots() if roots is None else roots
    return [_judge(signature, context_roots) for signature in signatures]


def _signer(signature):
    try:
        subject = signature.signer_cert.subject.native
    except Exception:  # noqa: BLE001 - a signature without a usable certificate
        return "", ""
    name = subject.get("common_name") or subject.get("organization_name") or ""
    organisation = subject.get("organization_name") or ""
    return str(name), str(organisation)


def _judge(signature, roots):
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    name, organisation = _signer(signature)
    try:
        field_name = signature.field_name or ""
    except Exception:  # noqa: BLE001
        field_name = ""
    usage = KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"})
    try:
        status = validate_pdf_signature(signature, trust.validation_context(roots),
                                        key_usage_settings=usage)
    except Exception as error:  # noqa: BLE001 - pyHanko raises many kinds on bad input
        logger.info("PDF signature %s could not be validated: %s", field_name, error)
        return SignatureResult(field_name, name, organisation, None, False, False,
                               Verdict.INVALID, "unchecked")
    signed_at, from_timestamp = _signing_time(status)
    modified = _modified(status)
    verdict, reason = _verdict(status)
    return SignatureResult(field_name, name, organisation, signed_at, from_timestamp,
                           modified, verdict, reason)


def _signing_time(status):
    stamp = status.timestamp_validity
    if stamp is not None and stamp.intact and stamp.valid:
        return stamp.timestamp, True
    return status.signer_reported_dt, False


def _modified(status):
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    return not status.intact or status.coverage != SignatureCoverageLevel.ENTIRE_FILE


def _verdict(status):
    from pyhanko.sign.diff_analysis import ModificationLevel

    if not status.intact:
        return Verdict.INVALID, "modified"
    if not status.valid:
        return Verdict.INVALID, "broken"
    if status.modification_level == ModificationLevel.OTHER or status.docmdp_ok is False:
        return Verdict.INVALID, "modified"
    if not status.trusted:
        return Verdict.NOT_TRUSTED, "untrusted"
    stamp = status.timestamp_validity
    if stamp is not None and not (stamp.intact and stamp.valid and stamp.trusted):
        return Verdict.NOT_TRUSTED, "untrusted_timestamp"
    return Verdict.VALID, "valid"
