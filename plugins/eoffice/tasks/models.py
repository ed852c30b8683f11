"""Assigned tasks, their progress reports, deadline extensions and the reminders sent.

A task is an official order (seed 004 Đ8): an agency leader (or a unit leader within their
unit) assigns it to one main unit — and optionally one main person of it — with other
units and people co-operating, a content, a source and a deadline that is a working day.
Its state changes only through :mod:`.services`::

    in progress ──report completion──▶ reported ──accept──▶ done
        ▲                                  │
        └──────── send back (reason) ◀─────┘
    in progress / reported ──cancel (reason)──▶ cancelled

The deadline may be extended by the assigner (every extension is kept); history of every
change with django-simple-history.
"""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from plugins.core.files.private import private_storage
from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import nfc


class State(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Being carried out")
    REPORTED = "reported", _("Completion reported")
    DONE = "done", pgettext_lazy("assigned task", "Done")
    CANCELLED = "cancelled", pgettext_lazy("assigned task", "Cancelled")


OPEN_STATES = (State.IN_PROGRESS, State.REPORTED)


class Task(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("name of the task"), max_length=255)
    content = models.TextField(_("content"))
    source = models.CharField(
        _("source of the task"), max_length=255, blank=True,
        help_text=_("Where the task comes from: a meeting's conclusion, a document, an "
                    "instruction of the province…"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assigned by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    main_unit = models.ForeignKey("core.Unit", verbose_name=_("main unit"),
                                  on_delete=models.PROTECT, related_name="+")
    main_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("main person"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Empty: the main unit's leader answers for it."))
    co_units = models.ManyToManyField("core.Unit", verbose_name=_("co-operating units"),
                                      blank=True, related_name="+")
    co_people = models.ManyToManyField(settings.AUTH_USER_MODEL,
                                       verbose_name=_("co-operating people"), blank=True,
                                       related_name="+")
    deadline = models.DateField(_("deadline"))
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.IN_PROGRESS)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    reported_on = models.DateField(_("completion reported on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    return_reason = models.TextField(_("reason for sending back"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    # An optional link to another record (an incoming document when the documents part of
    # the e-office is installed): a generic reference, never a foreign key to it.
    linked_type = models.ForeignKey("contenttypes.ContentType", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    linked_id = models.PositiveBigIntegerField(null=True, blank=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assigned task")
        verbose_name_plural = _("assigned tasks")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["agency", "state", "deadline"],
                                name="eoffice_task_agency_state")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for field in ("title", "content", "source"):
            setattr(self, field, nfc(getattr(self, field) or "").strip())
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def is_overdue(self, today=None):
        return self.is_open and self.deadline < (today or timezone.localdate())

    @property
    def done_late(self):
        return self.state == State.DONE and self.reported_on and self.reported_on > self.deadline


class DeadlineChange(models.Model):
    """One extension of a task's deadline, kept for good."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="deadline_changes")
    old_deadline = models.DateField(_("old deadline"))
    new_deadline = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.old_deadline:%d/%m/%Y} → {self.new_deadline:%d/%m/%Y}"


def report_upload_to(instance, filename):
    return f"tasks/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/{os.path.basename(filename)}"


class ProgressReport(models.Model):
    """What an assignee reports: how far, what was done, optionally a file."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    percent = models.PositiveSmallIntegerField(_("progress (%)"))
    text = models.TextField(_("report"))
    file = models.FileField(_("file"), storage=private_storage, upload_to=report_upload_to,
                            max_length=255, blank=True)
    is_completion = models.BooleanField(_("completion report"), default=False)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.percent}% — {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.text = nfc(self.text or "").strip()
        super().save(*args, **kwargs)

    @property
    def file_name(self):
        return os.path.basename(self.file.name) if self.file else ""


class ReminderKind(models.TextChoices):
    SOON = "soon", _("Deadline approaching")
    DUE = "due", _("Due today")
    OVERDUE = "overdue", _("Overdue")


class ReminderSent(models.Model):
    """A reminder sent, so that the daily job never sends the same one twice: ``day`` is the
    deadline it was about (approaching, due) or the day it was sent (overdue: once per
    working day)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "user", "kind", "day"],
                                               name="eoffice_task_reminder_once")]

    def __str__(self):
        return f"{self.kind} {self.day:%d/%m/%Y}"
