"""Who documents are exchanged with: organs outside this installation and how to reach them,
and the keys other systems use to deliver to an agency of this installation."""

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.models.agency import organ_id_validator
from plugins.core.scoping import AgencyQuerySet


class Transport(models.TextChoices):
    DIRECT = "direct", _("Direct (an agency of this installation)")
    FOLDER = "folder", _("Folder drop (a gateway program collects and delivers)")
    HTTP = "http", _("HTTP endpoint")


class HttpsURLField(models.URLField):
    """A URL typed without a scheme is taken as https (Django 6's default, asked now)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class Organ(models.Model):
    """An organ outside this installation, by its organ id, and the transport that reaches
    it. Agencies of this installation need no entry: they are reached directly."""

    organ_id = models.CharField(_("organ id"), max_length=20, unique=True,
                                validators=[organ_id_validator])
    name = models.CharField(_("name"), max_length=255)
    transport = models.CharField(_("transport"), max_length=8, choices=Transport.choices,
                                 default=Transport.FOLDER)
    endpoint_url = HttpsURLField(
        _("endpoint URL"), blank=True,
        help_text=_("For the HTTP transport: where packages are posted."))
    endpoint_key = models.CharField(
        _("key for the endpoint"), max_length=200, blank=True,
        help_text=_("For the HTTP transport: the key the other side gave this installation."))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("organ")
        verbose_name_plural = _("organs")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organ_id})"


def hash_key(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ExchangeKey(models.Model):
    """A key another system presents to deliver packages to ``agency`` over HTTP. Only its
    hash is kept; the key itself is shown once, when it is made."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("used by"), max_length=150,
                             help_text=_("Who holds the key, e.g. the national platform's "
                                         "connector."))
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("starts with"), max_length=8, editable=False)
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("exchange key")
        verbose_name_plural = _("exchange keys")
        ordering = ["agency", "-created_at"]

    def __str__(self):
        return f"{self.label} ({self.prefix}…)"

    @classmethod
    def make(cls, agency, label):
        """A new key for ``agency``: returns (row, the key in clear, to show once)."""
        key = secrets.token_urlsafe(32)
        row = cls.objects.create(agency=agency, label=label, key_hash=hash_key(key),
                                 prefix=key[:8])
        return row, key

    @classmethod
    def agency_for(cls, key):
        """The active key row matching ``key``, or None."""
        if not key:
            return None
        return cls.objects.filter(key_hash=hash_key(key), is_active=True).select_related(
            "agency").first()
