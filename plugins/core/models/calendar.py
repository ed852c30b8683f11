"""Days declared off or declared working, on top of weekends and public holidays (R-ORG-4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet


class DayKind(models.TextChoices):
    OFF = "off", _("Day off")
    WORKING = "working", _("Working day")


class DayOverride(models.Model):
    """A day that differs from the national calendar.

    With no agency, it applies to every agency (a day the government moves for the whole
    country, such as an extra Tết day and the Saturday swapped for it); with an agency,
    only to that agency. An agency's own declaration wins over a national one.
    """

    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="day_overrides",
        help_text=_("Leave empty for a day that applies to the whole country."),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=DayKind.choices)
    reason = models.CharField(_("reason"), max_length=255)

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("reason"),
    ]

    class Meta:
        verbose_name = _("declared day")
        verbose_name_plural = _("declared days")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "date"],
                condition=models.Q(agency__isnull=False),
                name="core_dayoverride_one_per_agency_day",
            ),
            models.UniqueConstraint(
                fields=["date"],
                condition=models.Q(agency__isnull=True),
                name="core_dayoverride_one_national_per_day",
            ),
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}: {self.reason}"
