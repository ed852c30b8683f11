"""Mail waiting to go out, kept until it has (R-SEC-3): a mail server that is down delays
a mail, it never loses it, nor the record the mail is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.models.outbox import Retried


class OutgoingMail(Retried):
    done_field = "sent_at"
    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    from_email = models.CharField(_("sender"), max_length=254, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"
