"""The lists a legal document is classified by: type, issuing body, field (lĩnh vực)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.text import fold, slugify


class DocumentType(models.Model):
    """A document type with its Decree 30 abbreviation (QĐ, NQ, TT…); extendable in the admin."""

    code = models.CharField(_("abbreviation"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=120)
    is_normative = models.BooleanField(
        _("legal normative type"), default=False,
        help_text=_("Legal normative documents carry the year in their number: 36/2016/QĐ-UBND."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self):
        return self.name


class IssuerLevel(models.TextChoices):
    CENTRAL = "central", _("Central")
    PROVINCIAL = "provincial", _("Provincial")
    AGENCY = "agency", _("This agency")


class IssuingBody(models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    abbreviation = models.CharField(
        _("abbreviation"), max_length=40,
        help_text=_("As written in document numbers: UBND, CP, BTTTT, BQL."),
    )
    level = models.CharField(_("level"), max_length=12, choices=IssuerLevel.choices)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")

    def __str__(self):
        return self.name


class LegalField(models.Model):
    """A field (lĩnh vực) such as investment, environment, construction."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def sort_key(self):
        return fold(self.name)
