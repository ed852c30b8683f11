"""The board's figures of an agency: quotas (R-ED-7)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet


class EditorialSettings(models.Model):
    agency = models.OneToOneField("core.Agency", verbose_name=_("agency"),
                                  on_delete=models.CASCADE, related_name="+")
    unit_monthly_minimum = models.PositiveSmallIntegerField(
        _("items per unit per month"), default=2,
        help_text=_("Each unit supplies at least this many published items a month."))
    site_monthly_news_minimum = models.PositiveSmallIntegerField(
        _("news items per month for the site"), default=2)
    daily_update = models.BooleanField(
        _("something published every working day"), default=True)

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm
    panels = [FieldPanel("agency"), FieldPanel("unit_monthly_minimum"),
              FieldPanel("site_monthly_news_minimum"), FieldPanel("daily_update")]

    class Meta:
        verbose_name = _("quotas of the editorial board")
        verbose_name_plural = _("quotas of the editorial board")

    def __str__(self):
        return str(self.agency)

    @classmethod
    def for_agency(cls, agency_id):
        return cls.objects.filter(agency_id=agency_id).first() or cls(agency_id=agency_id)
