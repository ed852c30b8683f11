"""Mail waiting to go out, kept until it has (R-SEC-3): a mail server that is down delays
a mail, it never loses it, nor the record the mail is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    from_email = models.CharField(_("sender"), max_length=254, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True,
                                           db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def given_up(self):
        return self.sent_at is None and self.next_attempt_at is None and self.attempts > 0
