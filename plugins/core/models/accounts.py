"""Personal accounts: a new account's password must be changed at first use (R-EO-1)."""

from django.conf import settings
from django.db import models
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
