"""What incoming and outgoing documents share: agency, register, type, trích yếu, urgency,
secrecy, and the dossier they are filed in (never removed from it, R-EO-4)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import nfc
from plugins.eoffice.documents.models.choices import TYPE_CHOICES, Secrecy, Urgency
from plugins.eoffice.documents.search import folded_text
from plugins.eoffice.documents.storage import private_storage


class DocumentBase(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.PROTECT, related_name="+")
    register = models.ForeignKey("eoffice_documents.Register", verbose_name=_("register"),
                                 null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    year = models.PositiveIntegerField(_("year"), null=True, blank=True, editable=False)
    type_code = models.CharField(_("document type"), max_length=10, blank=True,
                                 choices=TYPE_CHOICES)
    subject = models.TextField(
        _("summary (trích yếu)"), max_length=500,
        help_text=_("Specific, as in “UBND tỉnh mời họp ngày 12/3 về việc …”, not a generic "
                    "“V/v mời họp”."))
    # The words the lists search by, folded (:mod:`..search`): number, trích yếu, sender.
    search_text = models.TextField(editable=False, blank=True, default="")
    urgency = models.CharField(_("urgency"), max_length=12, choices=Urgency.choices,
                               default=Urgency.NORMAL)
    secrecy = models.CharField(_("secrecy"), max_length=12, choices=Secrecy.choices,
                               default=Secrecy.NONE)
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    dossier = models.ForeignKey("eoffice_documents.WorkDossier", verbose_name=_("work dossier"),
                                null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", editable=False)
    filed_at = models.DateTimeField(_("filed"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.subject = nfc(self.subject or "").strip()
        self.search_text = folded_text(*self.search_parts())
        self._guard_dossier()
        super().save(*args, **kwargs)

    def search_parts(self):
        return (getattr(self, "number_notation", ""), self.subject)

    @property
    def is_secret(self):
        return self.secrecy != Secrecy.NONE

    @property
    def is_urgent(self):
        return Urgency.is_urgent(self.urgency)

    def _guard_dossier(self):
        """A filed document cannot leave its dossier, nor change while the dossier is
        closed (seed 004 Đ9.5: no "remove from dossier")."""
        if self.pk is None:
            return
        stored = type(self)._default_manager.filter(pk=self.pk).values_list(
            "dossier_id", "dossier__state").first()
        if stored is None or stored[0] is None:
            return
        if self.dossier_id != stored[0]:
            raise ValidationError(_("A filed document cannot be removed from its dossier."))
        if stored[1] != "open":
            raise ValidationError(_("The dossier is closed: its documents are read-only."))


def document_upload_to(instance, filename):
    """``incoming/<agency>/<document>/<name>`` (or ``outgoing/…``), in private storage."""
    document = instance.document
    return f"{instance.folder}/{document.agency_id}/{document.pk}/{filename}"


class DocumentFileBase(models.Model):
    """A file of a document, kept in private storage and served only to those who may see
    the document. Subclasses add ``document`` and set ``folder``."""

    folder = ""
    file = models.FileField(_("file"), storage=private_storage, upload_to=document_upload_to,
                            max_length=255)
    name = models.CharField(_("name"), max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    agency_lookup = "document__agency"
    objects = AgencyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return self.name
