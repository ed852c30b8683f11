"""Prohibited expressions of an agency and the flags they raise on pages (R-ED-14).

Seed 002 Đ6 lists what may not be published; prohibited content is refused. Each agency
keeps its own list of expressions; they are matched accent- and case-insensitively
(``plugins.core.text.fold``) on word boundaries. A match does not stop an author from
submitting (the board judges the context: an article may quote an expression to warn
against it), but it raises a :class:`ContentFlag` the board sees, and the item cannot be
published — by the chief's step or directly — while a flag is open, unless the acting
chief records an override with a reason. The rules live in
:mod:`plugins.editorial_board.checks.services`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import nfc


class ProhibitedExpression(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    expression = models.CharField(
        _("expression"), max_length=200,
        help_text=_("Matched as whole words, with or without accents, in any case."))
    reason = models.CharField(
        _("why it is prohibited"), max_length=255, blank=True,
        help_text=_("For example: advertising a prohibited service (seed 002 Đ6.2)."))
    active = models.BooleanField(_("active"), default=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = AgencyScopedAdminForm
    panels = [FieldPanel("agency"), FieldPanel("expression"), FieldPanel("reason"),
              FieldPanel("active")]

    class Meta:
        verbose_name = _("prohibited expression")
        verbose_name_plural = _("prohibited expressions")
        ordering = ["agency", "expression"]
        constraints = [models.UniqueConstraint(fields=["agency", "expression"],
                                               name="editorial_prohibited_once")]

    def __str__(self):
        return self.expression

    def save(self, *args, **kwargs):
        self.expression = " ".join(nfc(self.expression).split())
        super().save(*args, **kwargs)


class ContentFlag(models.Model):
    """A prohibited expression found in a page's latest revision."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"),
                             on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    expression = models.ForeignKey(ProhibitedExpression, verbose_name=_("expression"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    matched = models.CharField(_("expression"), max_length=200)
    field_label = models.CharField(_("page field"), max_length=150)
    excerpt = models.CharField(_("excerpt"), max_length=300)
    found_at = models.DateTimeField(_("found at"), auto_now_add=True)
    overridden_at = models.DateTimeField(_("overridden at"), null=True, blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("overridden by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+")
    override_reason = models.TextField(_("reason of the override"), blank=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("flagged expression")
        verbose_name_plural = _("flagged expressions")
        ordering = ["-found_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["page", "matched", "field_label"],
                                               name="editorial_flag_once")]

    def __str__(self):
        return f"{self.matched} — {self.field_label}"

    @property
    def is_open(self):
        return self.overridden_at is None
