"""Units of an agency as a tree, and people's positions in them (R-ORG-1, R-ORG-2)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet


class UnitKind(models.TextChoices):
    LEADERSHIP = "leadership", _("Leadership")
    DEPARTMENT = "department", _("Department")
    AFFILIATED = "affiliated", _("Affiliated unit")
    PARTY_UNION = "party_union", _("Party or union organisation")


class Unit(models.Model):
    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=255)
    symbol = models.CharField(
        _("symbol"),
        max_length=20,
        blank=True,
        help_text=_("Abbreviation used in document numbers, for example VP."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=UnitKind.choices, default=UnitKind.DEPARTMENT
    )
    functions = models.TextField(_("functions and duties"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm


    panels = [
        FieldPanel("agency"),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("symbol")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("functions"),
    ]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["agency", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "parent", "name"], name="core_unit_unique_name_in_parent"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent.agency_id != self.agency_id:
            raise ValidationError(
                {"parent": _("The parent unit must belong to the same agency.")}
            )
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A unit cannot be placed under itself.")})
            ancestor = ancestor.parent

    @property
    def head(self):
        """The unit's head: its first leader position in display order, or None."""
        return next((p for p in self.positions.all() if p.is_leader), None)


class Position(models.Model):
    """A person's place in a unit: title, leader flag, contacts and duties."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="positions",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="positions"
    )
    title = models.CharField(_("job title"), max_length=150)
    is_leader = models.BooleanField(
        _("leader"), default=False, help_text=_("Head or deputy head of the unit.")
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("official email"), blank=True)
    duties = models.TextField(_("duties"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    agency_lookup = "unit__agency"
    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm

    panels = [
        FieldPanel("user"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("is_leader"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("duties"),
    ]

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["unit", "-is_leader", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="core_position_one_per_unit")
        ]

    def __str__(self):
        return f"{self.full_name} — {self.title}, {self.unit}"

    @property
    def full_name(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def contact_email(self):
        return self.email or self.user.email
