"""Opening and checking certificates uploaded by people: a CA certificate (PEM or DER) and
an agency's PKCS#12 bundle (.p12/.pfx). Every problem becomes a :class:`CertificateProblem`
with a message the uploader can act on, never a traceback."""

import datetime
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.utils import timezone
from django.utils.translation import gettext as _

#: Larger uploads are refused before parsing: a certificate is a few kilobytes.
MAX_CERTIFICATE_BYTES = 256 * 1024


class CertificateProblem(ValueError):
    """An uploaded certificate that cannot be used; ``str()`` is the translated reason."""


@dataclass(frozen=True)
class CertificateFacts:
    """What the admin shows of a certificate."""

    subject: str
    organisation: str
    issuer: str
    serial: str
    fingerprint: str
    not_valid_before: datetime.datetime
    not_valid_after: datetime.datetime


def name_part(name, oid):
    values = name.get_attributes_for_oid(oid)
    return values[0].value if values else ""


def readable_name(name):
    """The common name of an X.509 name, else its organisation, else the whole name."""
    return (name_part(name, NameOID.COMMON_NAME) or name_part(name, NameOID.ORGANIZATION_NAME)
            or name.rfc4514_string())


def facts(certificate):
    """:class:`CertificateFacts` of a ``cryptography`` certificate."""
    return CertificateFacts(
        subject=readable_name(certificate.subject)[:500],
        organisation=name_part(certificate.subject, NameOID.ORGANIZATION_NAME)[:500],
        issuer=readable_name(certificate.issuer)[:500],
        serial=format(certificate.serial_number, "X"),
        fingerprint=hashlib.sha256(
            certificate.public_bytes(serialization.Encoding.DER)).hexdigest(),
        not_valid_before=certificate.not_valid_before_utc,
        not_valid_after=certificate.not_valid_after_utc,
    )


def _check_size(data):
    if not data:
        raise CertificateProblem(_("The file is empty."))
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise CertificateProblem(_("The file is too large to be a certificate."))


def load_ca_certificate(data):
    """A CA certificate from PEM or DER bytes; refuses what is not a CA's certificate."""
    _check_size(data)
    try:
        if b"-----BEGIN" in data:
            certificate = x509.load_pem_x509_certificate(data)
        else:
            certificate = x509.load_der_x509_certificate(data)
    except ValueError as error:
        raise CertificateProblem(
            _("This file is not an X.509 certificate (PEM or DER).")) from error
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
        is_ca = constraints.value.ca
    except (x509.ExtensionNotFound, ValueError):
        is_ca = False
    if not is_ca:
        raise CertificateProblem(_("This certificate is not a certificate authority's "
                                   "(its basic constraints do not say CA)."))
    return certificate


def ca_pem(certificate):
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


@dataclass(frozen=True)
class Pkcs12Bundle:
    key: object
    certificate: x509.Certificate
    chain: tuple


def open_pkcs12(data, passphrase, *, now=None):
    """Open a PKCS#12 bundle and check that it can sign today: the passphrase opens it, it
    holds a private key and the certificate of that key, and the certificate is in force."""
    _check_size(data)
    secret = passphrase.encode("utf-8") if passphrase else None
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, secret)
    except ValueError as error:
        raise CertificateProblem(_("The passphrase does not open this certificate file, or "
                                   "the file is not a PKCS#12 (.p12, .pfx) file.")) from error
    if key is None:
        raise CertificateProblem(_("The certificate file holds no private key: export it "
                                   "again with its private key."))
    if certificate is None:
        raise CertificateProblem(_("The certificate file holds no certificate."))
    if key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ) != certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo):
        raise CertificateProblem(_("The private key in the file does not belong to its "
                                   "certificate."))
    check_in_force(certificate, now=now)
    return Pkcs12Bundle(key, certificate, tuple(chain or ()))


def check_in_force(certificate, *, now=None):
    """Refuse a certificate that has expired or is not yet valid."""
    now = now or timezone.now()
    local = timezone.localtime
    if certificate.not_valid_after_utc <= now:
        raise CertificateProblem(
            _("The certificate expired on %(date)s.")
            % {"date": local(certificate.not_valid_after_utc).strftime("%d/%m/%Y")})
    if certificate.not_valid_before_utc > now:
        raise CertificateProblem(
            _("The certificate is valid only from %(date)s.")
            % {"date": local(certificate.not_valid_before_utc).strftime("%d/%m/%Y")})
