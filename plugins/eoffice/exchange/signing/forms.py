"""Upload forms: a CA certificate (PEM/DER) and an agency's PKCS#12 bundle with its
passphrase. Each file is opened and checked while the form validates, so a wrong
passphrase, a file without a private key or an expired certificate is refused with a
message and nothing is saved."""

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.eoffice.exchange.signing import certificates, passphrases


def _read(upload):
    """At most one byte more than a certificate may have (certificates checks the size)."""
    upload.seek(0)
    return upload.read(certificates.MAX_CERTIFICATE_BYTES + 1)


class TrustedAuthorityForm(WagtailAdminModelForm):
    certificate_file = forms.FileField(
        label=_("Certificate file"),
        help_text=_("The authority's certificate, PEM (.pem, .crt) or DER (.cer, .der)."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["certificate_file"].required = False
            self.fields["certificate_file"].help_text = _(
                "Leave empty to keep the certificate: %(subject)s.") % {
                    "subject": self.instance.subject}

    def clean_certificate_file(self):
        upload = self.cleaned_data.get("certificate_file")
        if not upload:
            return None
        try:
            certificate = certificates.load_ca_certificate(_read(upload))
        except certificates.CertificateProblem as problem:
            raise forms.ValidationError(str(problem)) from problem
        facts = certificates.facts(certificate)
        others = type(self.instance).objects.exclude(pk=self.instance.pk)
        if others.filter(fingerprint=facts.fingerprint).exists():
            raise forms.ValidationError(_("This certificate authority is already in the list."))
        self._certificate = certificate
        return upload

    def save(self, commit=True):
        certificate = getattr(self, "_certificate", None)
        if certificate is not None:
            facts = certificates.facts(certificate)
            self.instance.certificate_pem = certificates.ca_pem(certificate)
            self.instance.subject = facts.subject
            self.instance.fingerprint = facts.fingerprint
            self.instance.not_valid_after = facts.not_valid_after
        return super().save(commit=commit)


class SigningCertificateForm(AgencyScopedAdminForm):
    """Upload (or replace) the agency's PKCS#12 certificate. Only the agency's IT
    administrators (and superusers) choose the agency; it is fixed once uploaded."""

    certificate_file = forms.FileField(
        label=_("Certificate file (.p12, .pfx)"),
        help_text=_("The agency's digital signature certificate with its private key, "
                    "exported as PKCS#12."))
    passphrase = forms.CharField(
        label=_("Passphrase of the certificate file"), strip=False, required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("Kept encrypted; used only to sign the agency's documents."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agency = self.fields.get("agency")
        if agency is None:
            return
        if self.for_user is not None and not self.for_user.is_superuser:
            from plugins.eoffice.exchange.signing.permissions import it_admin_agency_ids

            agency.queryset = agency.queryset.filter(
                pk__in=it_admin_agency_ids(self.for_user))
        if self.instance.pk:
            agency.disabled = True  # a certificate is replaced, never moved

    def clean(self):
        data = super().clean()
        upload = data.get("certificate_file")
        if upload and not self.has_error("certificate_file"):
            content = _read(upload)
            try:
                self._bundle = certificates.open_pkcs12(content, data.get("passphrase"))
            except certificates.CertificateProblem as problem:
                self.add_error("certificate_file", str(problem))
            else:
                self._pkcs12 = content
        return data

    def save(self, commit=True):
        instance = self.instance
        facts = certificates.facts(self._bundle.certificate)
        old_name = instance.pkcs12_file.name if instance.pk else None
        instance.passphrase_token = passphrases.encrypt(self.cleaned_data.get("passphrase") or "")
        for field in ("subject", "organisation", "issuer", "serial", "not_valid_before",
                      "not_valid_after"):
            setattr(instance, field, getattr(facts, field))
        if self.for_user is not None:
            instance.uploaded_by = self.for_user
        instance.pkcs12_file.save("certificate.p12", ContentFile(self._pkcs12), save=False)
        saved = super().save(commit=commit)
        if old_name and old_name != instance.pkcs12_file.name:
            instance.pkcs12_file.storage.delete(old_name)  # the replaced key leaves the disk
        return saved
