"""Reminders sent about review and processing deadlines (R-EO-18): one row per person,
document, kind and due time, so that each reminder goes out once however often, and
however many workers at once, the job runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from plugins.core.scoping import AgencyQuerySet


class ReminderKind(models.TextChoices):
    REVIEW_DUE = "review_due", _("Review due soon")
    REVIEW_OVERDUE = "review_overdue", _("Review overdue")
    HANDLING_DUE = "handling_due", _("Processing due soon")
    HANDLING_OVERDUE = "handling_overdue", _("Processing overdue")


class Reminder(models.Model):
    agency = models.ForeignKey("core.Agency", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind.choices)
    outgoing = models.ForeignKey("eoffice_documents.OutgoingDocument", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="reminders")
    incoming = models.ForeignKey("eoffice_documents.IncomingDocument", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent to"),
                                  on_delete=models.CASCADE, related_name="+")
    # The review's due time or the end of the processing deadline's day: a new review step
    # or a new deadline is a new occasion to remind.
    due_at = models.DateTimeField(_("due"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(incoming__isnull=False, outgoing__isnull=True)
                           | models.Q(incoming__isnull=True, outgoing__isnull=False)),
                name="eoffice_reminder_one_document"),
            models.UniqueConstraint(fields=["kind", "outgoing", "recipient", "due_at"],
                                    condition=models.Q(outgoing__isnull=False),
                                    name="eoffice_reminder_once_outgoing"),
            models.UniqueConstraint(fields=["kind", "incoming", "recipient", "due_at"],
                                    condition=models.Q(incoming__isnull=False),
                                    name="eoffice_reminder_once_incoming"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"
