"""Announcements, extension requests, internal messages and the unions' boards.

An announcement passes states changed only by :mod:`.services`: drafted, published (it
shows on the board of its audience until it expires, one quarter after publication by
default), then expired (by the daily job) or withdrawn by its author or an agency leader.
A staff member may ask for it to be kept longer; its author or an agency leader grants or
refuses (seed 004 Đ7.4). A message is sent once to people and units of one agency; each
recipient has a receipt that records when they opened it. A board (party cell, trade union,
youth union) has a committee that writes and members who read (seed 004 Đ7.6–7.8).
"""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plugins.core.files.private import private_storage
from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import nfc


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    EXPIRED = "expired", _("No longer current")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def attachment_upload_to(instance, filename):
    """A random folder per file: names never collide and are never guessed."""
    return f"{instance.folder}/{uuid.uuid4().hex}/{os.path.basename(filename)}"


class Announcement(models.Model):
    """A notice of the agency's leaders, office or a unit's leader (seed 004 Đ7.4)."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        "core.Unit", verbose_name=_("issuing unit"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Empty for an announcement of the agency."))
    title = models.CharField(_("title of the announcement"), max_length=255)
    body = models.TextField(_("content"))
    to_everyone = models.BooleanField(
        _("whole agency"), default=True,
        help_text=_("Uncheck to address only the units chosen below."))
    audience_units = models.ManyToManyField("core.Unit", verbose_name=_("units addressed"),
                                            blank=True, related_name="+")
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.DRAFT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_at = models.DateTimeField(_("kept until"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdraw_reason = models.CharField(_("reason for withdrawal"), max_length=500, blank=True)
    # Set when the retention job has reported this announcement as due for purging.
    purge_reported_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["purge_reported_at"])

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["agency", "state", "expires_at"],
                                name="eoffice_notice_board")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title or "").strip()
        self.body = nfc(self.body or "").strip()
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.state == State.PUBLISHED


class ExtensionState(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class ExtensionRequest(models.Model):
    """A staff member's request to keep an announcement longer (seed 004 Đ7.4)."""

    announcement = models.ForeignKey(Announcement, verbose_name=_("announcement"),
                                     on_delete=models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("reason"))
    until = models.DateField(_("keep until"))
    state = models.CharField(_("state"), max_length=10, choices=ExtensionState.choices,
                             default=ExtensionState.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    agency_lookup = "announcement__agency"
    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.announcement} → {self.until:%d/%m/%Y}"


class Attachment(models.Model):
    """A file of an announcement, a message or a board post, kept out of the public media."""

    file = models.FileField(_("file"), storage=private_storage,
                            upload_to=attachment_upload_to, max_length=255)
    name = models.CharField(_("name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return self.name


class AnnouncementFile(Attachment):
    folder = "notices/announcements"
    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE,
                                     related_name="files")

    class Meta(Attachment.Meta):
        verbose_name = _("announcement file")
        verbose_name_plural = _("announcement files")


class Message(models.Model):
    """An internal message to people and units of the sender's agency (seed 004 Đ7.2)."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sender"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("message"))
    to_units = models.ManyToManyField("core.Unit", verbose_name=_("units"), blank=True,
                                      related_name="+")
    sent_at = models.DateTimeField(_("sent"))

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("internal message")
        verbose_name_plural = _("internal messages")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.subject = nfc(self.subject or "").strip()
        self.body = nfc(self.body or "").strip()
        super().save(*args, **kwargs)


class Receipt(models.Model):
    """One recipient of a message: when they opened it (the sender sees it)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="receipts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"),
                             on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [models.UniqueConstraint(fields=["message", "user"],
                                               name="eoffice_notice_one_receipt")]
        indexes = [models.Index(fields=["user", "read_at"], name="eoffice_notice_inbox")]

    def __str__(self):
        return f"{self.message} → {self.user}"


class MessageFile(Attachment):
    folder = "notices/messages"
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="files")

    class Meta(Attachment.Meta):
        verbose_name = _("message file")
        verbose_name_plural = _("message files")


class BoardKind(models.TextChoices):
    PARTY_CELL = "party_cell", _("Party cell")
    TRADE_UNION = "trade_union", _("Trade union")
    YOUTH_UNION = "youth_union", _("Youth union")


class Board(models.Model):
    """The board of the agency's party cell, trade union or youth union (seed 004 Đ7.6–7.8):
    its committee writes, its members read; nobody else sees it."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=BoardKind.choices)
    name = models.CharField(_("name"), max_length=255)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("union board")
        verbose_name_plural = _("union boards")
        ordering = ["agency", "kind"]
        constraints = [models.UniqueConstraint(fields=["agency", "kind"],
                                               name="eoffice_notice_one_board_per_kind")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name or "").strip() or str(self.get_kind_display())
        super().save(*args, **kwargs)


class Membership(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("member"),
                             on_delete=models.CASCADE, related_name="+")
    is_committee = models.BooleanField(_("committee member"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        constraints = [models.UniqueConstraint(fields=["board", "user"],
                                               name="eoffice_notice_one_membership")]

    def __str__(self):
        return f"{self.board}: {self.user}"


class Post(models.Model):
    """A post on a board, written by a committee member, who alone edits or deletes it."""

    board = models.ForeignKey(Board, verbose_name=_("board"), on_delete=models.CASCADE,
                              related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("title of the post"), max_length=255)
    body = models.TextField(_("content"))
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    agency_lookup = "board__agency"
    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("board post")
        verbose_name_plural = _("board posts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title or "").strip()
        self.body = nfc(self.body or "").strip()
        super().save(*args, **kwargs)
