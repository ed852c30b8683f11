"""The agency: the state body that one Wagtail Site serves (R-ORG-2, R-ORG-3)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet

symbol_validator = RegexValidator(
    r"^[A-ZĐ0-9]{1,20}$",
    _("Use capital letters and digits only, for example BQL or SKHĐT."),
)
organ_id_validator = RegexValidator(
    r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$",
    _("An organ id looks like 000.00.00.H41."),
)


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=255)
    symbol = models.CharField(
        _("symbol"),
        max_length=20,
        unique=True,
        validators=[symbol_validator],
        help_text=_("Short symbol used in document numbers, for example BQL or SKH."),
    )
    organ_id = models.CharField(
        _("organ id"),
        max_length=20,
        blank=True,
        validators=[organ_id_validator],
        help_text=_("Identifier for inter-agency document exchange, for example 000.00.00.H41."),
    )
    email_domain = models.CharField(_("email domain"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency",
        help_text=_("The Wagtail site that serves this agency's public pages."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    morning_start = models.TimeField(_("morning starts"), default=datetime.time(7, 30))
    morning_end = models.TimeField(_("morning ends"), default=datetime.time(11, 30))
    afternoon_start = models.TimeField(_("afternoon starts"), default=datetime.time(13, 0))
    afternoon_end = models.TimeField(_("afternoon ends"), default=datetime.time(17, 0))

    agency_lookup = "pk"
    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm


    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("symbol"), FieldPanel("organ_id")]),
                FieldPanel("site"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("email_domain")]),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("morning_start"), FieldPanel("morning_end")]),
                FieldRowPanel([FieldPanel("afternoon_start"), FieldPanel("afternoon_end")]),
            ],
            heading=_("Office hours"),
        ),
    ]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not (self.morning_start < self.morning_end <= self.afternoon_start < self.afternoon_end):
            raise ValidationError(
                _("Office hours must run in order: morning start, morning end, "
                  "afternoon start, afternoon end.")
            )

    @property
    def office_hours(self):
        """The agency's working intervals of a day, as (start, end) time pairs."""
        return (
            (self.morning_start, self.morning_end),
            (self.afternoon_start, self.afternoon_end),
        )
