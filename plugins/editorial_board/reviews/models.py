"""Periodic review of pages that must stay current (R-ED-8; 000 Đ9.2b, 001 Đ8.3).

An agency lists the page types whose content goes out of date (organisation, directory,
procedures, projects …) with a period in months. A page of such a type is due for review
when neither its last publication nor an explicit "reviewed, still correct" record is
younger than the period. Page types are stored as content types, so pages of any plugin can
be chosen without this plugin importing them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.scoping import AgencyQuerySet


class ReviewRule(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    page_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("page type"), on_delete=models.CASCADE,
        related_name="+",
    )
    months = models.PositiveSmallIntegerField(
        _("review every (months)"), default=6,
        help_text=_("A page not published or confirmed for this many months is listed to its "
                    "unit for review."),
    )

    objects = AgencyQuerySet.as_manager()
    panels = [FieldPanel("agency"), FieldRowPanel([FieldPanel("page_type"),
                                                   FieldPanel("months")])]

    class Meta:
        verbose_name = _("periodic review rule")
        verbose_name_plural = _("periodic review rules")
        ordering = ["agency", "page_type"]
        constraints = [models.UniqueConstraint(fields=["agency", "page_type"],
                                               name="editorial_review_rule_once")]

    def __str__(self):
        model = self.page_type.model_class()
        label = model._meta.verbose_name if model else self.page_type.model
        return _("%(type)s: every %(months)s months") % {"type": label, "months": self.months}


class PageReview(models.Model):
    """A person confirmed that a page is still correct (who and when)."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"),
                             on_delete=models.CASCADE, related_name="editorial_reviews")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), db_index=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("page review")
        verbose_name_plural = _("page reviews")
        ordering = ["-reviewed_at"]
        indexes = [models.Index(fields=["page", "reviewed_at"])]

    def __str__(self):
        return f"{self.page_id} {self.reviewed_at:%Y-%m-%d}"
