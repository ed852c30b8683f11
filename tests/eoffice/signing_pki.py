"""A small PKI made at run time for the signature tests (R-EO-16): a root CA standing for
the Government CA, an agency's certificate under it, an expired one, and an unrelated CA
with its own signer. EC P-256 keys: quick to make and to sign with."""

import datetime
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSPHRASE = "mật-khẩu 2026"


def _name(common_name, organisation):
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


@dataclass(frozen=True)
class Issued:
    key: object
    certificate: x509.Certificate

    @property
    def pem(self):
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def der(self):
        return self.certificate.public_bytes(serialization.Encoding.DER)

    def pkcs12(self, passphrase=PASSPHRASE, chain=(), with_key=True):
        encryption = (serialization.BestAvailableEncryption(passphrase.encode())
                      if passphrase else serialization.NoEncryption())
        return pkcs12.serialize_key_and_certificates(
            b"agency", self.key if with_key else None, self.certificate,
            [item.certificate for item in chain] or None, encryption)


def _issue(subject, key, issuer=None, *, ca, days=(-30, 365)):
    now = datetime.datetime.now(datetime.UTC)
    issuer_name = issuer.certificate.subject if issuer else subject
    signing_key = issuer.key if issuer else key
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now + datetime.timedelta(days=days[0]))
               .not_valid_after(now + datetime.timedelta(days=days[1]))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                              critical=False))
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False)
    usage = dict(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                 data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                 encipher_only=False, decipher_only=False)
    builder = builder.add_extension(x509.KeyUsage(**usage), critical=True)
    return Issued(key, builder.sign(signing_key, hashes.SHA256()))


def _key():
    return ec.generate_private_key(ec.SECP256R1())


@dataclass(frozen=True)
class Pki:
    root: Issued
    agency: Issued
    expired: Issued
    other_root: Issued
    stranger: Issued


def make_pki():
    root = _issue(_name("Cục Chứng thực số (thử nghiệm)", "Ban Cơ yếu Chính phủ"), _key(),
                  ca=True, days=(-365, 3650))
    other_root = _issue(_name("Unrelated Test CA", "Nobody Trusts Us Ltd"), _key(), ca=True,
                        days=(-365, 3650))
    return Pki(
        root=root,
        agency=_issue(_name("Ban Quản lý các Khu công nghiệp Tiền Giang",
                            "UBND tỉnh Tiền Giang"), _key(), root, ca=False),
        expired=_issue(_name("Chứng thư đã hết hạn", "UBND tỉnh Tiền Giang"), _key(), root,
                       ca=False, days=(-400, -10)),
        other_root=other_root,
        stranger=_issue(_name("Người ký lạ", "Nobody Trusts Us Ltd"), _key(), other_root,
                        ca=False),
    )


def make_pdf(text=b"So 12/UBND-VP: moi hop ngay 12/3/2026"):
    """A one-page PDF with an uncompressed content stream (so a test can alter its text)."""
    content = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return out
