"""Per-agency role groups: which Django group carries which role of which agency."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.scoping import AgencyQuerySet


class Role(models.TextChoices):
    AGENCY_LEADER = "agency_leader", _("Agency leader")
    UNIT_LEADER = "unit_leader", _("Unit leader")
    CLERK = "clerk", _("Clerk")
    SPECIALIST = "specialist", _("Specialist")
    IT_ADMIN = "it_admin", _("IT administrator")


class AgencyRole(models.Model):
    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="agency_role"
    )

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency role")
        verbose_name_plural = _("agency roles")
        constraints = [
            models.UniqueConstraint(fields=["agency", "role"], name="core_agencyrole_unique")
        ]

    def __str__(self):
        return self.group.name
