"""Handover of an agency or unit mailbox when the person responsible changes (R-EM-2).

Seed 003 Đ7.2: when staff change, the unit head has the mailbox, its password and all its
data handed over to the new person. A handover is recorded (from, to, date) and becomes
effective when the new holder confirms they received the data and changed the password;
the transitions live in :mod:`plugins.email_directory.handover`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet


class HandoverStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class HandoverForm(AgencyScopedAdminForm):
    """Offers the mailboxes whose handover the user may record (their agency's, for the IT
    unit; their own unit's, for a unit leader), and people of the same agencies."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None or "mailbox" not in self.fields:
            return
        from plugins.email_directory.handover import recordable_mailboxes

        mailboxes = recordable_mailboxes(self.for_user)
        self.fields["mailbox"].queryset = mailboxes.select_related("agency")
        agencies = mailboxes.values("agency_id")
        for name in ("from_holder", "to_holder"):
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.filter(
                    agency_id__in=agencies)


class MailboxHandover(models.Model):
    mailbox = models.ForeignKey(
        "email_directory.Mailbox", verbose_name=_("mailbox"), on_delete=models.CASCADE,
        related_name="handovers",
    )
    from_holder = models.ForeignKey(
        "email_directory.DirectoryEntry", verbose_name=_("handed over by"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    to_holder = models.ForeignKey(
        "email_directory.DirectoryEntry", verbose_name=_("handed over to"),
        on_delete=models.PROTECT, related_name="+",
    )
    handover_date = models.DateField(_("handover date"))
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=HandoverStatus.choices,
        default=HandoverStatus.PENDING, editable=False,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    data_received = models.BooleanField(_("mail and data received"), default=False,
                                        editable=False)
    password_changed = models.BooleanField(_("password changed by the new holder"),
                                           default=False, editable=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"), null=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, editable=False)
    confirmed_on_paper = models.BooleanField(
        _("confirmed on paper"), default=False, editable=False,
        help_text=_("The new holder has no account: the IT unit recorded their signed "
                    "handover minutes."),
    )

    agency_lookup = "mailbox__agency"
    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()
    base_form_class = HandoverForm

    panels = [
        FieldPanel("mailbox"),
        FieldRowPanel([FieldPanel("to_holder"), FieldPanel("handover_date")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("mailbox handover")
        verbose_name_plural = _("mailbox handovers")
        ordering = ["-handover_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailbox"], condition=models.Q(status="pending"),
                name="email_directory_one_pending_handover_per_mailbox",
            ),
        ]

    def __str__(self):
        return _("%(mailbox)s to %(person)s, %(date)s") % {
            "mailbox": self.mailbox, "person": self.to_holder,
            "date": self.handover_date.strftime("%d/%m/%Y") if self.handover_date else "",
        }

    @property
    def agency_id(self):
        return self.mailbox.agency_id

    def clean(self):
        from plugins.email_directory.handover import check_handover

        super().clean()
        check_handover(self)
