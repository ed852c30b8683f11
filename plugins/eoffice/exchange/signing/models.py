"""The installation's trusted certificate authorities and each agency's signing
certificate (R-EO-16).

A signature is "valid" only when its chain reaches an active :class:`TrustedAuthority`:
the superuser enters the Government CA (Ban Cơ yếu Chính phủ) and the licensed public CAs
the installation accepts. An agency signs its outgoing PDFs with the PKCS#12 bundle of
its :class:`AgencySigningCertificate`, kept in the e-office's private storage; its
passphrase is stored encrypted (:mod:`.passphrases`)."""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from plugins.core.scoping import AgencyQuerySet
from plugins.eoffice.documents.storage import private_storage
from plugins.eoffice.exchange.signing.forms import (
    SigningCertificateForm,
    TrustedAuthorityForm,
)

__all__ = ["AgencySigningCertificate", "TrustedAuthority"]


class TrustedAuthority(models.Model):
    """A root or intermediate CA whose certificates the installation trusts."""

    name = models.CharField(_("name"), max_length=200)
    certificate_pem = models.TextField(_("certificate (PEM)"), editable=False)
    subject = models.CharField(_("certificate subject"), max_length=500, editable=False)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, unique=True,
                                   editable=False)
    not_valid_after = models.DateTimeField(_("valid until"), editable=False)
    is_active = models.BooleanField(
        _("trusted"), default=True,
        help_text=_("Signatures whose chain reaches this authority are shown as valid."))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    base_form_class = TrustedAuthorityForm
    panels = [FieldPanel("name"), FieldPanel("certificate_file"), FieldPanel("is_active")]

    class Meta:
        verbose_name = _("trusted certificate authority")
        verbose_name_plural = _("trusted certificate authorities")
        ordering = ["name"]

    def __str__(self):
        return self.name


def certificate_upload_to(instance, filename):
    """A name that says nothing of the uploader's file name (the folder is private)."""
    return f"chu-ky-so/{instance.agency_id}/{uuid.uuid4().hex}.p12"


class AgencySigningCertificate(models.Model):
    """The PKCS#12 certificate an agency signs its outgoing PDFs with (one per agency)."""

    agency = models.OneToOneField("core.Agency", verbose_name=_("agency"),
                                  on_delete=models.CASCADE,
                                  related_name="eoffice_signing_certificate")
    pkcs12_file = models.FileField(_("certificate file"), storage=private_storage,
                                   upload_to=certificate_upload_to, editable=False)
    passphrase_token = models.TextField(editable=False)
    subject = models.CharField(_("holder"), max_length=500, editable=False)
    organisation = models.CharField(_("organisation"), max_length=500, blank=True,
                                    editable=False)
    issuer = models.CharField(_("issued by"), max_length=500, editable=False)
    serial = models.CharField(_("serial number"), max_length=100, editable=False)
    not_valid_before = models.DateTimeField(_("valid from"), editable=False)
    not_valid_after = models.DateTimeField(_("valid until"), editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    objects = AgencyQuerySet.as_manager()
    base_form_class = SigningCertificateForm
    panels = [FieldPanel("agency"), FieldPanel("certificate_file"), FieldPanel("passphrase")]

    class Meta:
        verbose_name = _("signing certificate")
        verbose_name_plural = _("signing certificates")
        ordering = ["agency__name"]

    def __str__(self):
        return f"{self.subject} ({self.agency})"


@receiver(post_delete, sender=AgencySigningCertificate)
def _remove_key_file(sender, instance, **kwargs):
    """A deleted certificate's private key leaves the disk once the deletion is committed."""
    name, storage = instance.pkcs12_file.name, instance.pkcs12_file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
