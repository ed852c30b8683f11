"""Registers (sổ văn bản) of an agency and the counters behind their gap-free numbers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet
from plugins.eoffice.documents.models.choices import RegisterKind


class RegisterAdminForm(AgencyScopedAdminForm):
    """Registers are kept by the agency's clerks and IT administrators."""

    def clean(self):
        from plugins.core.models import Role
        from plugins.eoffice.documents.access import role_agency_ids

        data = super().clean()
        agency = data.get("agency")
        user = self.for_user
        if agency is None or user is None or user.is_superuser:
            return data
        keepers = role_agency_ids(user, Role.CLERK) | role_agency_ids(user, Role.IT_ADMIN)
        if agency.pk not in keepers:
            raise ValidationError(_("Only the clerks and IT administrators of %(agency)s keep "
                                    "its registers.") % {"agency": agency.name})
        return data


class Register(models.Model):
    """A book of incoming or outgoing documents; its numbers run from 01 each year.

    An agency keeps several (ordinary, secret; one per field if it likes); the default
    incoming register is where documents sent by other agencies of this installation
    arrive."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="eoffice_registers")
    kind = models.CharField(_("kind"), max_length=10, choices=RegisterKind.choices)
    name = models.CharField(_("name"), max_length=200)
    is_secret = models.BooleanField(
        _("secret register"), default=False,
        help_text=_("Holds secret documents only: metadata without files, a series of its "
                    "own, seen only by the people they are assigned to."))
    is_default = models.BooleanField(
        _("default"), default=False,
        help_text=_("Documents from other agencies of this installation arrive in the "
                    "default incoming register."))
    is_active = models.BooleanField(_("in use"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    objects = AgencyQuerySet.as_manager()
    base_form_class = RegisterAdminForm
    history = HistoricalRecords()

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("is_secret"), FieldPanel("is_default"),
                       FieldPanel("is_active")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("register")
        verbose_name_plural = _("registers")
        ordering = ["agency", "kind", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "name"],
                                    name="eoffice_register_unique_name"),
            models.UniqueConstraint(fields=["agency", "kind"],
                                    condition=models.Q(is_default=True),
                                    name="eoffice_register_one_default"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.is_default and self.is_secret:
            raise ValidationError({"is_default": _(
                "A secret register cannot be the default one: secret documents are never "
                "exchanged electronically.")})


class NumberCounter(models.Model):
    """The last number given in one series of a register in one year.

    ``series`` is "" for the register's ordinary series, "secret" for secret documents in
    an ordinary register, and "normative:<type>" for legal normative documents, which are
    numbered per type per year. Rows are locked (``select_for_update``) while a number is
    taken, so numbers are never given twice nor skipped (:mod:`..numbering`)."""

    register = models.ForeignKey(Register, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveIntegerField()
    series = models.CharField(max_length=40, blank=True, default="")
    last_number = models.PositiveIntegerField(default=0)

    agency_lookup = "register__agency"
    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")
        constraints = [
            models.UniqueConstraint(fields=["register", "year", "series"],
                                    name="eoffice_counter_unique_series"),
        ]

    def __str__(self):
        return f"{self.register} {self.year} {self.series}: {self.last_number}"
