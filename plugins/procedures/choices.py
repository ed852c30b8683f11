"""The national database's code lists for a procedure (DOMAIN.md "Administrative procedures")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """CAPTHUCHIEN: the level of government that carries the procedure out."""

    CENTRAL = "central", _("Central level")
    PROVINCE = "province", _("Province level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")


class Channel(models.IntegerChoices):
    """CACHTHUCTHUCHIEN.KENH: how a dossier reaches the agency."""

    IN_PERSON = 1, _("In person")
    ONLINE = 2, _("Online")
    POST = 3, _("By post")


class TimeUnit(models.TextChoices):
    """THOIGIAN.DONVITINH: how the processing time is counted."""

    WORKING_DAYS = "working_days", _("working days")
    DAYS = "days", _("days")
    HOURS = "hours", _("working hours")


class OnlineLevel(models.IntegerChoices):
    """Online public service level (Decree 43/2011 levels 1–4; Decree 42/2022 calls level 3
    "partly online" and level 4 "fully online")."""

    INFORMATION = 1, _("Level 1 — information online")
    FORMS = 2, _("Level 2 — forms to download")
    PARTLY_ONLINE = 3, _("Level 3 — submit online (partly online service)")
    FULLY_ONLINE = 4, _("Level 4 — submit, pay and receive online (fully online service)")


class Status(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    ABOLISHED = "abolished", _("Abolished")
