"""Account security: first-login password changes (R-EO-1), lost or shared account reports
(R-SEC-1) and password-reset limits (R-SEC-2)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccountSecurity(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="account_security",
        primary_key=True,
    )
    must_change_password = models.BooleanField(_("must change password"), default=False)
    password_changed_at = models.DateTimeField(_("password changed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("account security")
        verbose_name_plural = _("account security")

    def __str__(self):
        return str(self.user)

    @classmethod
    def require_change(cls, user):
        cls.objects.update_or_create(user=user, defaults={"must_change_password": True})

    @classmethod
    def must_change(cls, user):
        return cls.objects.filter(user=user, must_change_password=True).exists()


class AccountReport(models.Model):
    """A user's own report that their account is lost or shared (R-SEC-1; 003 Đ11.1,
    004 Đ6.5, Đ17.2). The account is locked when the report is made; the report stays open
    until an IT administrator unlocks the account with a new one-time password."""

    class Kind(models.TextChoices):
        LOST = "lost", _("I lost control of it (password or phone lost, stolen or seen)")
        SHARED = "shared", _("Someone else has used it or knows its password")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="account_reports",
    )
    kind = models.CharField(_("what happened"), max_length=10, choices=Kind.choices)
    note = models.TextField(_("details"), blank=True)
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    address = models.GenericIPAddressField(_("reported from"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("unlocked at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("unlocked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lost or shared account report")
        verbose_name_plural = _("lost or shared account reports")
        ordering = ["-reported_at"]
        indexes = [models.Index(fields=["user", "resolved_at"], name="core_accountreport_open")]

    def __str__(self):
        return f"{self.user} — {self.get_kind_display()}"


class PasswordResetRequest(models.Model):
    """One request of the password-reset form, counted to limit them (R-SEC-2).

    The address typed is kept only as a digest: enough to count the requests for one
    account, whether or not it exists, without keeping a list of addresses people tried.
    """

    address = models.GenericIPAddressField(_("client address"))
    account_digest = models.CharField(_("account digest"), max_length=64)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("password reset request")
        verbose_name_plural = _("password reset requests")
        indexes = [
            models.Index(fields=["address", "requested_at"], name="core_pwreset_address"),
            models.Index(fields=["account_digest", "requested_at"], name="core_pwreset_account"),
        ]

    def __str__(self):
        return f"{self.address} {self.requested_at:%Y-%m-%d %H:%M}"
