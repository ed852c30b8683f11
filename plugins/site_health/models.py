"""The links found on an agency's site and the result of their last check (R-SITE-8)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string

from plugins.core.scoping import AgencyQuerySet


class LinkKind(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    EXTERNAL = "external", _("Outside")


class LinkStatus(models.TextChoices):
    UNCHECKED = "unchecked", _("Not checked yet")
    OK = "ok", _("Working")
    BROKEN = "broken", _("Broken")
    UNREACHABLE = "unreachable", _("Unreachable")
    REFUSED = "refused", _("Not checked: address refused")


BAD_STATUSES = (LinkStatus.BROKEN, LinkStatus.UNREACHABLE)


class Link(models.Model):
    """One address linked from the agency's live pages or documents."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    url = models.CharField(_("address"), max_length=2000)
    kind = models.CharField(_("kind"), max_length=10, choices=LinkKind.choices)
    status = models.CharField(_("status"), max_length=12, choices=LinkStatus.choices,
                              default=LinkStatus.UNCHECKED, db_index=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    message = models.CharField(_("detail"), max_length=255, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    first_broken_at = models.DateTimeField(_("broken since"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last found"), auto_now_add=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [models.UniqueConstraint(fields=["agency", "url"],
                                               name="site_health_link_unique")]
        indexes = [models.Index(fields=["agency", "status"]),
                   models.Index(fields=["last_checked_at"])]

    def __str__(self):
        return self.url

    @property
    def is_bad(self):
        return self.status in BAD_STATUSES


class LinkOccurrence(models.Model):
    """Where a link appears: a live page's field, or a document's text."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="occurrences")
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(get_document_model_string(), null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="+")
    field = models.CharField(_("page field"), max_length=100, blank=True)

    agency_lookup = "link__agency"
    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("link occurrence")
        verbose_name_plural = _("link occurrences")
        constraints = [models.CheckConstraint(
            condition=models.Q(page__isnull=False) | models.Q(document__isnull=False),
            name="site_health_occurrence_has_source")]

    def __str__(self):
        return f"{self.link} @ {self.page_id or self.document_id}"
