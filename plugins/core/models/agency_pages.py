"""The agency a page belongs to, kept on the page so public lists filter by it cheaply."""

from django.db import models


class AgencyPageMixin(models.Model):
    """An abstract page mixin: ``agency``, set on save from the site that holds the page
    (:func:`plugins.core.scoping.agency_for_page`) when it is not set yet."""

    agency = models.ForeignKey(
        "core.Agency", null=True, blank=True, editable=False, on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.assign_agency()
        return super().save(*args, **kwargs)

    def assign_agency(self):
        if self.agency_id is None and self.path:
            from plugins.core.scoping import agency_for_page

            agency = agency_for_page(self)
            self.agency_id = agency.pk if agency else None
