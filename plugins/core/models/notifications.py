"""The notification centre's records: what a person was told, and how they want to be told.

A :class:`Notification` is one message to one person (R-EO-14): it stays in their list in
the admin until they have read it, then is purged after a while (``notifications.purge``).
Its subject and body are written once, in the recipient's own admin language.
:class:`NotificationSettings` keeps a person's choices per kind of notification (by email,
by SMS) and the mobile number SMS go to; a kind not chosen yet follows its default."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The one place a person's notifications are picked: nobody sees another's."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"),
                             on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=100)
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # "My unread ones, newest first" and the unread count of the menu.
            models.Index(fields=["user", "read_at", "-created_at"],
                         name="core_notif_user_unread"),
            # The retention purge: read ones older than the limit.
            models.Index(fields=["read_at"], name="core_notif_read_at"),
        ]

    def __str__(self):
        return self.subject

    @property
    def is_read(self):
        return self.read_at is not None


class NotificationSettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                                on_delete=models.CASCADE,
                                related_name="notification_settings")
    phone = models.CharField(
        _("mobile phone for SMS"), max_length=20, blank=True,
        help_text=_("Only used to send you the notifications you chose to get by SMS."))
    # {kind: {"email": bool, "sms": bool}}; a kind missing here follows its default.
    choices = models.JSONField(_("choices"), default=dict, blank=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return str(self.user)

    def wants(self, kind, channel):
        """Does this person want ``kind`` (a registered :class:`Kind`) by ``channel``
        ("email" or "sms")?"""
        chosen = (self.choices or {}).get(kind.name, {})
        if channel in chosen:
            return bool(chosen[channel])
        return kind.default(channel)
