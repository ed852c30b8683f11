"""What a document's page shows of a signed PDF, cached per file content.

Verifying a signature parses the PDF and builds certificate paths; a page that lists the
files of a document would do it on every view. The result is cached under the file's
SHA-256 and a fingerprint of the trusted roots (a newly trusted authority gives fresh
results), for ``EOFFICE_SIGNATURE_CACHE_SECONDS`` (a day by default: a certificate that
expires meanwhile shows as not trusted on the next day's look). Files larger than
``EOFFICE_SIGNATURE_MAX_BYTES`` (50 MB by default) are not verified on a page view."""

import dataclasses
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from plugins.eoffice.exchange.signing import trust
from plugins.eoffice.exchange.signing.verify import (
    SignatureResult,
    UnreadablePdf,
    read_bytes,
    verify_pdf,
)

_PREFIX = "eoffice_exchange:pdf_signatures:v1"
_PROBLEMS = {
    "unreadable": _("The file is not a PDF document, or it is damaged; its signatures "
                    "cannot be read."),
    "too_large": _("The file is too large for its signatures to be checked here."),
}


@dataclasses.dataclass(frozen=True)
class SignatureSummary:
    """The signatures of one file (``signatures`` empty: unsigned), or a ``problem``."""

    signatures: tuple = ()
    problem_code: str = ""

    @property
    def problem(self):
        return _PROBLEMS.get(self.problem_code, "")

    @property
    def is_signed(self):
        return bool(self.signatures)


def _verify(data, roots):
    try:
        return SignatureSummary(tuple(verify_pdf(data, roots=roots)))
    except UnreadablePdf:
        return SignatureSummary(problem_code="unreadable")


def signature_summary(source):
    """The :class:`SignatureSummary` of ``source`` (bytes, a file or a FileField's file).
    Never raises for what the file holds; a missing file is a problem too."""
    limit = getattr(settings, "EOFFICE_SIGNATURE_MAX_BYTES", 50 * 1024 * 1024)
    try:
        size = len(source) if isinstance(source, bytes | bytearray) else source.size
    except (AttributeError, OSError, TypeError, ValueError):
        size = None
    if size is not None and size > limit:
        return SignatureSummary(problem_code="too_large")
    try:
        data = read_bytes(source)
    except (AttributeError, OSError, ValueError):
        return SignatureSummary(problem_code="unreadable")
    if len(data) > limit:
        return SignatureSummary(problem_code="too_large")
    roots = trust.trusted_roots()
    key = f"{_PREFIX}:{hashlib.sha256(data).hexdigest()}:{trust.roots_digest(roots)}"
    cached = cache.get(key)
    if cached is not None:
        return SignatureSummary(tuple(SignatureResult(**item) for item in cached["signatures"]),
                                cached["problem_code"])
    summary = _verify(data, roots)
    cache.set(key, {"signatures": [dataclasses.asdict(item) for item in summary.signatures],
                    "problem_code": summary.problem_code},
              getattr(settings, "EOFFICE_SIGNATURE_CACHE_SECONDS", 24 * 3600))
    return summary
