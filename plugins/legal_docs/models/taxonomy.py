"""The lists a legal document is classified by: type, issuing body, field (lĩnh vực).

Each is a shared list (:mod:`plugins.core.shared_lists`): national entries kept by the
superusers, and each agency's own entries kept by that agency's IT administrator; an
agency's forms, filters, public pages and imports offer the national entries and its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.shared_lists import SharedListEntry, unique_per_agency
from plugins.core.text import fold, slugify


class DocumentType(SharedListEntry):
    """A document type with its Decree 30 abbreviation (QĐ, NQ, TT…); extendable in the admin."""

    code = models.CharField(_("abbreviation"), max_length=12)
    name = models.CharField(_("name"), max_length=120)
    is_normative = models.BooleanField(
        _("legal normative type"), default=False,
        help_text=_("Legal normative documents carry the year in their number: 36/2016/QĐ-UBND."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    unique_with_national = ("code",)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        constraints = unique_per_agency("legal_docs_type", "code")

    def __str__(self):
        return self.name


class IssuerLevel(models.TextChoices):
    CENTRAL = "central", _("Central")
    PROVINCIAL = "provincial", _("Provincial")
    AGENCY = "agency", _("This agency")


class IssuingBody(SharedListEntry):
    name = models.CharField(_("name"), max_length=255)
    abbreviation = models.CharField(
        _("abbreviation"), max_length=40,
        help_text=_("As written in document numbers: UBND, CP, BTTTT, BQL."),
    )
    level = models.CharField(_("level"), max_length=12, choices=IssuerLevel.choices)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    unique_with_national = ("name",)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        constraints = unique_per_agency("legal_docs_issuer", "name")

    def __str__(self):
        return self.name


class LegalField(SharedListEntry):
    """A field (lĩnh vực) such as investment, environment, construction."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, blank=True)

    unique_with_national = ("name", "slug")

    class Meta:
        ordering = ["name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        constraints = [*unique_per_agency("legal_docs_field", "name"),
                       *unique_per_agency("legal_docs_field", "slug")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def sort_key(self):
        return fold(self.name)
