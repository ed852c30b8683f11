"""A consultation on a draft, inside one agency (R-EO-12; seed 004 Đ7.5).

The drafter names the people and units asked, adds the draft's files and a deadline in
working days, then opens it. Those asked respond until the deadline; at the deadline the
scheduled job (:mod:`.deadlines`) closes it and flags who did not respond. A closed
consultation is kept one month, then purged (:mod:`.retention`). States change only in
:mod:`.services`:

    draft ──open──▶ open ──close (at the deadline)──▶ closed
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from plugins.core.files.private import private_storage
from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import nfc


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", pgettext_lazy("consultation", "Open for opinions")
    CLOSED = "closed", pgettext_lazy("consultation", "Closed")


class Verdict(models.TextChoices):
    AGREE = "agree", _("Agree")
    AGREE_WITH_COMMENTS = "comments", _("Agree, with comments")
    DISAGREE = "disagree", _("Disagree")


class Consultation(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title of the draft"), max_length=255)
    summary = models.TextField(_("what is asked"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("drafter"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    working_days = models.PositiveSmallIntegerField(
        _("working days to respond"), default=3,
        help_text=_("Counted from the day it is opened, by the agency's working-day "
                    "calendar."))
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True,
                                help_text=_("The last day to respond."))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Set when the retention job has told the drafter it will be purged (R-EO-12).
    purge_reported_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["purge_reported_at"])

    class Meta:
        verbose_name = _("consultation on a draft")
        verbose_name_plural = _("consultations on drafts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "deadline"], name="eoffice_consult_due")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title or "").strip()
        self.summary = nfc(self.summary or "").strip()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not 1 <= (self.working_days or 0) <= 60:
            raise ValidationError({"working_days": _("Between 1 and 60 working days.")})


class DraftFile(models.Model):
    """A file of the draft (private: served only through the permission-checked view)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="files")
    file = models.FileField(_("file"), storage=private_storage,
                            upload_to="consultations/drafts/%Y/%m")
    name = models.CharField(_("name"), max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    agency_lookup = "consultation__agency"
    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("file of the draft")
        verbose_name_plural = _("files of the draft")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Invitee(models.Model):
    """One person, or one unit, asked. A unit answers through its leader (:mod:`.access`).
    ``flagged_at`` is set when the consultation closed without its response."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="invitees")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True,
                             blank=True, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("core.Unit", verbose_name=_("unit"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    flagged_at = models.DateTimeField(_("flagged as not responding"), null=True, blank=True)

    agency_lookup = "consultation__agency"
    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("person or unit asked")
        verbose_name_plural = _("people and units asked")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(user__isnull=False, unit__isnull=True)
                           | models.Q(user__isnull=True, unit__isnull=False)),
                name="eoffice_consult_invitee_one"),
            models.UniqueConstraint(fields=["consultation", "user"],
                                    name="eoffice_consult_invitee_user"),
            models.UniqueConstraint(fields=["consultation", "unit"],
                                    name="eoffice_consult_invitee_unit"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.unit.name


class Response(models.Model):
    """The answer of one person or unit asked; changed until the deadline."""

    invitee = models.OneToOneField(Invitee, on_delete=models.CASCADE, related_name="response")
    verdict = models.CharField(_("opinion"), max_length=10, choices=Verdict.choices)
    text = models.TextField(_("comments on the draft"), blank=True)
    file = models.FileField(_("file"), storage=private_storage,
                            upload_to="consultations/responses/%Y/%m",
                            blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("responded by"),
                                     null=True, on_delete=models.SET_NULL, related_name="+")
    responded_at = models.DateTimeField(_("responded"))

    agency_lookup = "invitee__consultation__agency"
    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["file"])

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.invitee} — {self.get_verdict_display()}"

    def save(self, *args, **kwargs):
        self.text = nfc(self.text or "").strip()
        super().save(*args, **kwargs)
