"""Publication deadlines per kind of information, configurable per agency (R-ED-6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet
from plugins.editorial_board.moderation.models.kinds import ContentKind


class DeadlineUnit(models.TextChoices):
    WORKING_HOURS = "working_hours", _("working hours after the event")
    WORKING_DAYS = "working_days", _("working days after the event (end of that day)")
    DAY_OF_MONTH = "day_of_month", _("by this day of the month (0: its last day)")


class DeadlineRule(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of information"), max_length=20,
                            choices=ContentKind.choices)
    amount = models.PositiveSmallIntegerField(_("amount"))
    unit = models.CharField(_("counted in"), max_length=20, choices=DeadlineUnit.choices)

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm
    panels = [FieldPanel("agency"), FieldPanel("kind"),
              FieldRowPanel([FieldPanel("amount"), FieldPanel("unit")])]

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["agency", "kind"]
        constraints = [models.UniqueConstraint(fields=["agency", "kind"],
                                               name="editorial_deadline_rule_once")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount} {self.get_unit_display()}"
