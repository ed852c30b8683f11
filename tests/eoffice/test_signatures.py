"""Signed PDFs in the exchange between agencies (R-EO-16, issue 18 item 5): an agency's
IT administrator uploads its PKCS#12 certificate, outgoing PDFs are signed with it, and a
received PDF shows each signer, signing time and verdict (valid, invalid, not trusted)
against the installation's trusted authorities — offline. The tests make their own
certificate authorities and certificates (tests/eoffice/signing_pki.py)."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from plugins.core.models import Role
from plugins.eoffice.exchange.signing import certificates, passphrases
from plugins.eoffice.exchange.signing.models import AgencySigningCertificate, TrustedAuthority
from plugins.eoffice.exchange.signing.sign import SigningError, sign_pdf
from plugins.eoffice.exchange.signing.summary import signature_summary
from plugins.eoffice.exchange.signing.verify import UnreadablePdf, Verdict, verify_pdf
from tests.eoffice.signing_pki import PASSPHRASE, make_pdf, make_pki


@pytest.fixture(scope="module")
def pki():
    return make_pki()


@pytest.fixture(scope="module")
def pdf_bytes():
    return make_pdf()


@pytest.fixture
def it_admin(staff):
    return staff["it_admin"]


@pytest.fixture
def skh_it_admin(skh, units, make_staff):
    return make_staff("quantri.skh", skh, Role.IT_ADMIN, units["skh_office"])


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("sieuquantri", "su@example.test", "x")


@pytest.fixture
def government_ca(pki, db):
    facts = certificates.facts(pki.root.certificate)
    return TrustedAuthority.objects.create(
        name="Ban Cơ yếu Chính phủ", certificate_pem=pki.root.pem.decode(),
        subject=facts.subject, fingerprint=facts.fingerprint,
        not_valid_after=facts.not_valid_after)


def upload(client, agency, content, passphrase=PASSPHRASE, url=None):
    url = url or reverse("eoffice_signing_certificate:add")
    return client.post(url, {
        "agency": agency.pk, "passphrase": passphrase,
        "certificate_file": SimpleUploadedFile("chu-ky.p12", content,
                                               content_type="application/x-pkcs12")})


@pytest.fixture
def uploaded(client, bql, it_admin, pki):
    """The agency's certificate, uploaded by its IT administrator through the admin."""
    client.force_login(it_admin)
    response = upload(client, bql, pki.agency.pkcs12(chain=[pki.root]))
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return AgencySigningCertificate.objects.get(agency=bql)


def signed(agency, pdf_bytes):
    return sign_pdf(agency, pdf_bytes, reason="Phát hành văn bản", location="Tiền Giang",
                    signer_name="Nguyễn Văn A")


# --- Sign and verify -----------------------------------------------------------------------


def test_R_EO_16_signed_with_the_uploaded_certificate_verifies_as_valid(
        bql, uploaded, government_ca, pdf_bytes):
    before = timezone.now()
    signed_pdf = signed(bql, pdf_bytes)

    [result] = verify_pdf(signed_pdf)
    assert result.status == Verdict.VALID
    assert result.signer_name == "Ban Quản lý các Khu công nghiệp Tiền Giang"
    assert result.organisation == "UBND tỉnh Tiền Giang"
    assert before - datetime.timedelta(seconds=5) <= result.signed_at <= timezone.now()
    assert not result.modified_after_signing
    assert result.reason  # words for the reader


def test_R_EO_16_verification_reads_a_field_file_and_a_file_object(bql, uploaded, government_ca,
                                                                  pdf_bytes):
    signed_pdf = signed(bql, pdf_bytes)
    assert verify_pdf(io.BytesIO(signed_pdf))[0].status == Verdict.VALID
    uploaded.pkcs12_file.storage.save("thu/van-ban.pdf", io.BytesIO(signed_pdf))
    with uploaded.pkcs12_file.storage.open("thu/van-ban.pdf") as file:
        assert verify_pdf(file)[0].status == Verdict.VALID


def test_R_EO_16_a_byte_changed_after_signing_makes_the_signature_invalid(
        bql, uploaded, government_ca, pdf_bytes):
    signed_pdf = signed(bql, pdf_bytes)
    tampered = signed_pdf.replace(b"moi hop", b"hoan ho", 1)
    assert tampered != signed_pdf

    [result] = verify_pdf(tampered)
    assert result.status == Verdict.INVALID
    assert result.modified_after_signing
    assert "modified" in str(result.reason)


def test_R_EO_16_content_changed_in_a_later_revision_makes_it_invalid(
        bql, uploaded, government_ca, pdf_bytes):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed(bql, pdf_bytes)))
    forged = writer.add_object(generic.StreamObject(
        stream_data=b"BT /F1 14 Tf 72 760 Td (So 99: noi dung khac) Tj ET"))
    page_ref = writer.root["/Pages"].raw_get("/Kids")[0]
    page = page_ref.get_object()
    page["/Contents"] = forged
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)

    [result] = verify_pdf(out.getvalue())
    assert result.status == Verdict.INVALID
    assert result.modified_after_signing


def test_R_EO_16_a_second_signature_keeps_the_first_valid(bql, uploaded, government_ca,
                                                         pdf_bytes):
    twice = signed(bql, signed(bql, pdf_bytes))
    first, second = verify_pdf(twice)
    assert first.status == second.status == Verdict.VALID
    assert first.modified_after_signing and not second.modified_after_signing


def test_R_EO_16_a_chain_to_an_untrusted_root_is_not_trusted(
        bql, skh, client, skh_it_admin, uploaded, government_ca, pki, pdf_bytes):
    client.force_login(skh_it_admin)
    assert upload(client, skh, pki.stranger.pkcs12(chain=[pki.other_root])).status_code == 302
    [result] = verify_pdf(signed(skh, pdf_bytes))
    assert result.status == Verdict.NOT_TRUSTED
    assert result.signer_name == "Người ký lạ"
    assert not result.modified_after_signing

    # Without an active trusted authority even the agency's own signature is not trusted …
    TrustedAuthority.objects.update(is_active=False)
    assert verify_pdf(signed(bql, pdf_bytes))[0].status == Verdict.NOT_TRUSTED


def test_R_EO_16_a_deployment_may_trust_ca_files_from_settings(
        bql, uploaded, pki, pdf_bytes, settings, tmp_path):
    signed_pdf = signed(bql, pdf_bytes)
    assert verify_pdf(signed_pdf)[0].status == Verdict.NOT_TRUSTED  # no authority yet
    (tmp_path / "ca.pem").write_bytes(pki.other_root.pem + pki.root.pem)
    settings.EOFFICE_TRUSTED_CA_FILES = [str(tmp_path / "missing.pem"),
                                         str(tmp_path / "ca.pem")]
    assert verify_pdf(signed_pdf)[0].status == Verdict.VALID


def test_R_EO_16_an_unsigned_pdf_has_no_signatures(pdf_bytes, db):
    assert verify_pdf(pdf_bytes) == []
    summary = signature_summary(pdf_bytes)
    assert not summary.is_signed and not summary.problem
    html = render_to_string("eoffice_exchange/includes/pdf_signatures.html",
                            {"summary": summary})
    assert "This PDF carries no digital signature." in html


@pytest.mark.parametrize("garbage", [b"", b"not a pdf at all", b"%PDF-1.7\n\x00\xff garbage",
                                     b"\x89PNG\r\n\x1a\n" + bytes(range(256))])
def test_R_EO_16_garbage_gives_a_clear_message_never_a_crash(garbage, db):
    with pytest.raises(UnreadablePdf) as raised:
        verify_pdf(garbage)
    assert str(raised.value).startswith("The ")
    summary = signature_summary(garbage)
    assert not summary.is_signed
    html = render_to_string("eoffice_exchange/includes/pdf_signatures.html",
                            {"summary": summary})
    assert "its signatures cannot be read" in html


def test_R_EO_16_the_page_shows_signer_time_in_vietnam_and_the_verdict_in_words(
        bql, uploaded, government_ca, pdf_bytes, skh, client, skh_it_admin, pki):
    signed_pdf = signed(bql, pdf_bytes)
    summary = signature_summary(signed_pdf)
    html = render_to_string("eoffice_exchange/includes/pdf_signatures.html",
                            {"summary": summary})
    local = summary.signatures[0].signed_at.astimezone(datetime.timezone(
        datetime.timedelta(hours=7)))
    assert "Ban Quản lý các Khu công nghiệp Tiền Giang" in html
    assert local.strftime("%d/%m/%Y %H:%M") in html
    assert "Valid signature" in html and "w-status" in html

    tampered = signature_summary(signed_pdf.replace(b"moi hop", b"hoan ho", 1))
    html = render_to_string("eoffice_exchange/includes/pdf_signatures.html",
                            {"summary": tampered})
    assert "Invalid signature" in html and "eoffice-signature--invalid" in html

    client.force_login(skh_it_admin)
    upload(client, skh, pki.stranger.pkcs12(chain=[pki.other_root]))
    from django.template import Context, Template

    html = Template("{% load eoffice_signatures %}{% pdf_signatures pdf %}").render(
        Context({"pdf": signed(skh, pdf_bytes)}))
    assert "Signer not trusted" in html and "eoffice-signature--not-trusted" in html


def test_R_EO_16_results_are_cached_per_file_and_refreshed_by_new_trust(
        bql, uploaded, pki, pdf_bytes, monkeypatch, superuser, client):
    from plugins.eoffice.exchange.signing import summary as summary_module

    signed_pdf = signed(bql, pdf_bytes)
    calls = []
    real = summary_module.verify_pdf
    monkeypatch.setattr(summary_module, "verify_pdf",
                        lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    first = signature_summary(signed_pdf)
    again = signature_summary(io.BytesIO(signed_pdf))
    assert len(calls) == 1
    assert first == again and first.signatures[0].status == Verdict.NOT_TRUSTED

    client.force_login(superuser)
    response = client.post(reverse("eoffice_trusted_ca:add"), {
        "name": "Ban Cơ yếu Chính phủ", "is_active": "on",
        "certificate_file": SimpleUploadedFile("root.cer", pki.root.der)})
    assert response.status_code == 302
    assert signature_summary(signed_pdf).signatures[0].status == Verdict.VALID
    assert len(calls) == 2


# --- Signing refused -----------------------------------------------------------------------


def test_R_EO_16_signing_without_a_certificate_is_refused_clearly(bql, pdf_bytes):
    with pytest.raises(SigningError, match="has no signing certificate"):
        signed(bql, pdf_bytes)


def test_R_EO_16_signing_with_an_expired_certificate_is_refused(bql, pki, pdf_bytes):
    facts = certificates.facts(pki.expired.certificate)
    record = AgencySigningCertificate(
        agency=bql, passphrase_token=passphrases.encrypt(PASSPHRASE), subject=facts.subject,
        issuer=facts.issuer, serial=facts.serial, not_valid_before=facts.not_valid_before,
        not_valid_after=facts.not_valid_after)
    record.pkcs12_file.save("old.p12", io.BytesIO(pki.expired.pkcs12()), save=True)
    with pytest.raises(SigningError, match="expired on"):
        signed(bql, pdf_bytes)


def test_R_EO_16_a_passphrase_that_no_longer_opens_the_file_is_refused(bql, uploaded,
                                                                      pdf_bytes):
    uploaded.passphrase_token = passphrases.encrypt("something else")
    uploaded.save()
    with pytest.raises(SigningError, match="passphrase does not open"):
        signed(bql, pdf_bytes)
    uploaded.passphrase_token = "not a token"
    uploaded.save()
    with pytest.raises(SigningError, match="can no longer be read"):
        signed(bql, pdf_bytes)


def test_R_EO_16_what_is_not_a_pdf_is_not_signed(bql, uploaded):
    with pytest.raises(SigningError, match="not a PDF"):
        signed(bql, b"hello")
    with pytest.raises(SigningError, match="damaged"):
        signed(bql, b"%PDF-1.7\nnothing else")


def test_R_EO_16_the_passphrase_is_stored_encrypted_and_survives_key_rotation(
        uploaded, settings):
    assert PASSPHRASE not in uploaded.passphrase_token
    assert passphrases.decrypt(uploaded.passphrase_token) == PASSPHRASE
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-the-test"
    assert passphrases.decrypt(uploaded.passphrase_token) == PASSPHRASE
    settings.SECRET_KEY_FALLBACKS = []
    assert passphrases.decrypt(uploaded.passphrase_token) is None


# --- Upload checks -------------------------------------------------------------------------


def _stored_files():
    from plugins.eoffice.documents.storage import private_storage

    folder = Path(private_storage().location) / "chu-ky-so"
    return sorted(folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("case, message", [
    ("wrong passphrase", "The passphrase does not open this certificate file"),
    ("no key", "holds no private key"),
    ("expired", "The certificate expired on"),
    ("not pkcs12", "not a PKCS#12"),
])
def test_R_EO_16_a_certificate_that_cannot_sign_is_refused_on_upload_and_nothing_saved(
        case, message, client, bql, it_admin, pki):
    content = {"wrong passphrase": pki.agency.pkcs12(),
               "no key": pki.agency.pkcs12(with_key=False),
               "expired": pki.expired.pkcs12(),
               "not pkcs12": pki.agency.pem}[case]
    files_before = _stored_files()
    client.force_login(it_admin)
    response = upload(client, bql, content,
                      passphrase="sai" if case == "wrong passphrase" else PASSPHRASE)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AgencySigningCertificate.objects.exists()
    assert _stored_files() == files_before


def test_R_EO_16_the_upload_message_is_in_vietnamese_for_a_vietnamese_admin(
        client, bql, it_admin, pki, settings):
    settings.LANGUAGE_CODE = "vi"
    client.force_login(it_admin)
    response = client.post(reverse("eoffice_signing_certificate:add"), {
        "agency": bql.pk, "passphrase": "sai",
        "certificate_file": SimpleUploadedFile("a.p12", pki.agency.pkcs12())},
        HTTP_ACCEPT_LANGUAGE="vi")
    assert "Mật khẩu không mở được tệp chứng thư số" in response.content.decode()


def test_R_EO_16_replacing_the_certificate_removes_the_old_file(client, bql, it_admin, pki,
                                                              uploaded):
    old = uploaded.pkcs12_file.name
    client.force_login(it_admin)
    response = upload(client, bql, pki.agency.pkcs12(passphrase="mới"), passphrase="mới",
                      url=reverse("eoffice_signing_certificate:edit", args=[uploaded.pk]))
    assert response.status_code == 302
    uploaded.refresh_from_db()
    assert uploaded.pkcs12_file.name != old
    assert not uploaded.pkcs12_file.storage.exists(old)
    assert passphrases.decrypt(uploaded.passphrase_token) == "mới"
    assert uploaded.agency == bql and uploaded.uploaded_by == it_admin


# --- Permissions ---------------------------------------------------------------------------


def test_R_EO_16_another_agencys_it_admin_cannot_see_or_change_our_certificate(
        client, bql, skh, uploaded, skh_it_admin, pki):
    before = AgencySigningCertificate.objects.values().get()
    client.force_login(skh_it_admin)
    listing = client.get(reverse("eoffice_signing_certificate:index"))
    assert listing.status_code == 200
    assert "Ban Quản lý các Khu công nghiệp Tiền Giang" not in listing.content.decode()
    for name in ("edit", "inspect", "delete"):
        url = reverse(f"eoffice_signing_certificate:{name}", args=[uploaded.pk])
        assert client.get(url).status_code == 404
    edit = reverse("eoffice_signing_certificate:edit", args=[uploaded.pk])
    assert upload(client, skh, pki.stranger.pkcs12(), url=edit).status_code == 404
    assert client.post(reverse("eoffice_signing_certificate:delete",
                               args=[uploaded.pk])).status_code == 404
    # Nor can they upload one for our agency: the agency is not a choice for them.
    response = upload(client, bql, pki.stranger.pkcs12())
    assert response.status_code == 200
    assert AgencySigningCertificate.objects.values().get() == before


def test_R_EO_16_other_roles_of_the_agency_cannot_manage_its_certificate(
        client, bql, uploaded, staff, pki):
    before = AgencySigningCertificate.objects.values().get()
    client.force_login(staff["clerk"])
    for url in (reverse("eoffice_signing_certificate:index"),
                reverse("eoffice_signing_certificate:edit", args=[uploaded.pk])):
        assert client.get(url).status_code in (302, 403, 404)
    edit = reverse("eoffice_signing_certificate:edit", args=[uploaded.pk])
    assert upload(client, bql, pki.stranger.pkcs12(), url=edit).status_code in (302, 403, 404)
    assert AgencySigningCertificate.objects.values().get() == before


def test_R_EO_16_trusted_authorities_are_managed_by_superusers_only(
        client, it_admin, superuser, pki, government_ca):
    before = list(TrustedAuthority.objects.values())
    client.force_login(it_admin)
    for url in (reverse("eoffice_trusted_ca:index"), reverse("eoffice_trusted_ca:add"),
                reverse("eoffice_trusted_ca:edit", args=[government_ca.pk])):
        assert client.get(url).status_code in (302, 403)
    refused = [
        client.post(reverse("eoffice_trusted_ca:add"), {
            "name": "CA lạ", "is_active": "on",
            "certificate_file": SimpleUploadedFile("x.pem", pki.other_root.pem)}),
        client.post(reverse("eoffice_trusted_ca:edit", args=[government_ca.pk]),
                    {"name": "Đổi tên", "is_active": ""}),
        client.post(reverse("eoffice_trusted_ca:delete", args=[government_ca.pk])),
    ]
    assert all(response.status_code in (302, 403) for response in refused)
    assert list(TrustedAuthority.objects.values()) == before

    client.force_login(superuser)
    response = client.post(reverse("eoffice_trusted_ca:add"), {
        "name": "CA công cộng", "is_active": "on",
        "certificate_file": SimpleUploadedFile("x.pem", pki.other_root.pem)})
    assert response.status_code == 302
    added = TrustedAuthority.objects.get(name="CA công cộng")
    assert added.subject == "Unrelated Test CA" and "BEGIN CERTIFICATE" in added.certificate_pem


@pytest.mark.parametrize("content, message", [
    ("agency", "not a certificate authority"),
    ("garbage", "not an X.509 certificate"),
    ("duplicate", "already in the list"),
])
def test_R_EO_16_an_unusable_authority_certificate_is_refused(content, message, client,
                                                             superuser, pki, government_ca):
    data = {"agency": pki.agency.pem, "garbage": b"hello", "duplicate": pki.root.der}[content]
    client.force_login(superuser)
    response = client.post(reverse("eoffice_trusted_ca:add"), {
        "name": "Thử", "is_active": "on", "certificate_file": SimpleUploadedFile("c.pem", data)})
    assert response.status_code == 200 and message in response.content.decode()
    assert TrustedAuthority.objects.count() == 1


def _certificate_row(agency, issued):
    facts = certificates.facts(issued.certificate)
    return AgencySigningCertificate.objects.create(
        agency=agency, pkcs12_file=f"chu-ky-so/{agency.pk}/x.p12",
        passphrase_token=passphrases.encrypt(PASSPHRASE), subject=facts.subject,
        issuer=facts.issuer, serial=facts.serial, not_valid_before=facts.not_valid_before,
        not_valid_after=facts.not_valid_after)


def _authority_row(issued, name):
    facts = certificates.facts(issued.certificate)
    return TrustedAuthority.objects.create(
        name=name, certificate_pem=issued.pem.decode(), subject=facts.subject,
        fingerprint=facts.fingerprint, not_valid_after=facts.not_valid_after)


def test_R_EO_16_the_lists_cost_a_constant_number_of_queries(client, superuser, bql, pki,
                                                            make_agency):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(name):
        client.get(reverse(name))  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    client.force_login(superuser)
    _certificate_row(bql, pki.agency)
    _authority_row(pki.root, "Ban Cơ yếu Chính phủ")
    few = {name: queries(name) for name in ("eoffice_signing_certificate:index",
                                            "eoffice_trusted_ca:index")}
    for symbol in ("SXD", "STC", "SYT"):
        _certificate_row(make_agency(symbol), pki.stranger)
    _authority_row(pki.other_root, "CA công cộng")
    _authority_row(pki.agency, "Trung gian")
    many = {name: queries(name) for name in few}
    assert many == few
    listing = client.get(reverse("eoffice_signing_certificate:index")).content.decode()
    assert all(f"Cơ quan {symbol}" in listing for symbol in ("SXD", "STC", "SYT"))


def test_R_EO_16_a_file_too_large_is_not_verified_on_a_page_view(settings, pdf_bytes, db):
    settings.EOFFICE_SIGNATURE_MAX_BYTES = len(pdf_bytes) - 1
    summary = signature_summary(pdf_bytes)
    assert summary.problem_code == "too_large" and "too large" in str(summary.problem)


def test_R_EO_16_deleting_the_certificate_removes_its_key_file(
        client, it_admin, uploaded, django_capture_on_commit_callbacks):
    name, storage = uploaded.pkcs12_file.name, uploaded.pkcs12_file.storage
    assert storage.exists(name)
    client.force_login(it_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("eoffice_signing_certificate:delete",
                                       args=[uploaded.pk]))
    assert response.status_code == 302
    assert not AgencySigningCertificate.objects.exists()
    assert not storage.exists(name)


def _menu_labels(client):
    import json

    from bs4 import BeautifulSoup

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = BeautifulSoup(html, "html.parser").find("script", id="wagtail-sidebar-props")
    return json.dumps(json.loads(props.string), ensure_ascii=False)


def test_R_EO_16_the_menu_shows_each_screen_to_whom_it_serves(client, it_admin, superuser,
                                                              staff):
    client.force_login(superuser)
    labels = _menu_labels(client)
    assert "Trusted certificate authorities" in labels and "Signing certificates" in labels
    client.force_login(it_admin)
    labels = _menu_labels(client)
    assert "Signing certificates" in labels
    assert "Trusted certificate authorities" not in labels
    client.force_login(staff["clerk"])
    labels = _menu_labels(client)
    assert "Signing certificates" not in labels


def test_R_EO_16_the_clerk_signs_the_approved_pdfs_before_issue_and_the_receiver_sees_it(
        client, staff, bql, skh, registers, uploaded, government_ca, pdf_bytes,
        django_capture_on_commit_callbacks):
    """Issue 18 item 5: an agency signs its outgoing PDFs with its PKCS#12 certificate
    before issue; the receiving agency's page shows the signer, the time and "valid"."""
    from plugins.eoffice.documents.services import outgoing
    from plugins.eoffice.exchange import receiving
    from plugins.eoffice.exchange.models import Envelope

    document = outgoing.create_draft(
        staff["specialist"], bql, type_code="QĐ", recipient_agencies=[skh],
        subject="Quyết định phê duyệt kế hoạch xúc tiến đầu tư vào các khu công nghiệp 2027")
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    outgoing.attach(staff["clerk"], document, SimpleUploadedFile(
        "quyet-dinh.pdf", pdf_bytes, content_type="application/pdf"), kind="signed")
    url = reverse("eoffice_exchange:sign", args=[document.pk])
    client.force_login(staff["specialist"])  # not a clerk: refused, nothing signed
    client.post(url)
    assert document.files.get().file.read() == pdf_bytes
    client.force_login(staff["clerk"])
    page = client.get(reverse("eoffice_outgoing:inspect", args=[document.pk])).content.decode()
    assert "Sign the PDFs with the agency" in page
    client.post(url)
    signed = document.files.get()
    assert verify_pdf(signed.file.read())[0].status == Verdict.VALID
    assert document.steps.last().action == "sign"
    with django_capture_on_commit_callbacks(execute=True):
        outgoing.issue(staff["clerk"], document, register=registers["out"],
                       signer=staff["director"])
    envelope = Envelope.objects.get(agency=skh, direction="in", kind="document")
    with django_capture_on_commit_callbacks(execute=True):
        received = receiving.accept(staff["skh_clerk"], envelope, registers["skh_in"]).document
    client.force_login(staff["skh_clerk"])
    page = client.get(reverse("eoffice_incoming:inspect", args=[received.pk])).content.decode()
    assert "Digital signatures" in page and "Valid signature" in page
    assert "Ban Quản lý các Khu công nghiệp Tiền Giang" in page
