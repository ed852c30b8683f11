"""The system log: logins, logouts, failed logins, permission and configuration changes
(R-EO-19; seed 004 Đ3.4), kept per agency and shown to its IT administrators (R-SEC-2).

Append-only: an event is written once and never changed; only the daily retention purge
(:mod:`plugins.core.audit.retention`) removes events, once they are older than
``PORTAL_AUDIT_RETENTION_DAYS``. The model has a "view" permission only, so nobody can be
given the right to add, change or delete events.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from plugins.core.scoping import AgencyQuerySet


class AuditEventQuerySet(AgencyQuerySet):
    def visible_to(self, user):
        """The events of the agencies ``user`` administers (IT administrator role); every
        event, those without an agency too, for a superuser."""
        from plugins.core.accounts.scope import administered_agency_ids

        ids = administered_agency_ids(user)
        if ids is None:
            return self
        return self.filter(agency_id__in=ids)


class AuditEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", pgettext_lazy("audit event", "Login")
        LOGOUT = "logout", pgettext_lazy("audit event", "Logout")
        LOGIN_FAILED = "login_failed", pgettext_lazy("audit event", "Failed login")
        ACCOUNT_LOCKED = "account_locked", pgettext_lazy("audit event", "Account locked")
        PERMISSION_CHANGE = "permission_change", pgettext_lazy("audit event",
                                                                "Permission change")
        CONFIGURATION_CHANGE = "configuration_change", pgettext_lazy("audit event",
                                                                      "Configuration change")

    occurred_at = models.DateTimeField(pgettext_lazy("audit event", "when"),
                                       default=timezone.now, db_index=True)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("agency"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(pgettext_lazy("audit event", "event"), max_length=30,
                            choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("audit event", "account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(pgettext_lazy("audit event", "user name"), max_length=150,
                                blank=True)
    address = models.GenericIPAddressField(pgettext_lazy("audit event", "client address"),
                                           null=True, blank=True)
    description = models.CharField(pgettext_lazy("audit event", "what"), max_length=500)
    details = models.JSONField(pgettext_lazy("audit event", "details"), default=dict,
                               blank=True, encoder=DjangoJSONEncoder)

    agency_lookup = "agency"
    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("audit event", "system log entry")
        verbose_name_plural = pgettext_lazy("audit event", "system log")
        ordering = ["-occurred_at", "-pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["agency", "-occurred_at"], name="core_audit_agency_time"),
        ]

    def __str__(self):
        when = timezone.localtime(self.occurred_at)
        return f"{when:%d/%m/%Y %H:%M} {self.get_kind_display()}: {self.description}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("An audit event is never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("An audit event is removed only by the retention purge.")

    @property
    def kind_label(self):
        return self.get_kind_display()
