"""The certificate authorities a signature's chain must reach to be shown as valid.

Two sources, both read at each verification: the active :class:`TrustedAuthority` rows a
superuser keeps in the admin, and the files a deployment lists in
``EOFFICE_TRUSTED_CA_FILES`` (paths of PEM files, possibly holding several certificates,
or DER files). Nothing is fetched from the network: the validation context never
downloads certificates, CRLs or OCSP answers, so verification works offline and in
tests; revocation is therefore not checked (see :mod:`.verify`)."""

import hashlib
import logging
from pathlib import Path

from asn1crypto import pem, x509
from django.conf import settings

logger = logging.getLogger(__name__)


def _from_bytes(data):
    if pem.detect(data):
        return [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
    return [x509.Certificate.load(data)]


def _setting_roots():
    roots = []
    for path in getattr(settings, "EOFFICE_TRUSTED_CA_FILES", ()) or ():
        try:
            certificates = _from_bytes(Path(path).read_bytes())
            for certificate in certificates:
                _ = certificate.native  # parse now: a broken file is skipped, not a crash later
        except (OSError, ValueError, TypeError) as error:
            logger.warning("EOFFICE_TRUSTED_CA_FILES: %s is not usable (%s)", path, error)
            continue
        roots.extend(certificates)
    return roots


def trusted_roots():
    """The trusted CA certificates (asn1crypto) of the installation and the deployment."""
    from plugins.eoffice.exchange.signing.models import TrustedAuthority

    roots = []
    for text in TrustedAuthority.objects.filter(is_active=True).values_list(
            "certificate_pem", flat=True):
        try:
            roots.extend(_from_bytes(text.encode("ascii")))
        except (ValueError, TypeError):  # rows are checked on upload; be safe anyway
            logger.warning("A trusted certificate authority's PEM could not be read")
    roots.extend(_setting_roots())
    return roots


def roots_digest(roots):
    """A short fingerprint of a set of roots: cached verdicts are keyed by it, so adding or
    withdrawing an authority gives fresh verdicts."""
    fingerprints = sorted(root.sha256.hex() for root in roots)
    return hashlib.sha256("|".join(fingerprints).encode()).hexdigest()[:16]


def validation_context(roots):
    """An offline validation context: the trust anchors are ``roots`` (never the operating
    system's list), nothing is fetched, revocation is not required."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=list(roots), allow_fetching=False,
                             revocation_mode="soft-fail")
