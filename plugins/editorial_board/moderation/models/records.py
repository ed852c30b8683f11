"""One editorial record per page that goes through the board (any page type).

It holds what the board's work needs whatever the page type is: the responsible unit, the
staff authors, the kind of information and the event date the deadline counts from, and
what happened (submitted, first published, directly or through the workflow). Pages with
:class:`EditorialMetadataMixin` fill it from their own fields; for other pages editors set
it in the admin (*Ban biên tập → Thông tin biên tập*), and the event their page type
registered in the core (:mod:`plugins.core.content_kinds`) fills the gaps.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from plugins.core.admin.scoping import AgencyScopedAdminForm
from plugins.core.scoping import AgencyQuerySet
from plugins.editorial_board.moderation.models.kinds import ContentKind


class EditorialRecord(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE,
        primary_key=True, related_name="editorial_record",
    )
    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), null=True, blank=True, editable=False,
        on_delete=models.CASCADE, related_name="+",
    )
    unit = models.ForeignKey(
        "core.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The unit that supplies the item; its leader approves it first."),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff authors"), blank=True, related_name="+",
    )
    kind = models.CharField(_("kind of information"), max_length=20,
                            choices=ContentKind.choices, blank=True)
    event_at = models.DateTimeField(
        _("event or signing date"), null=True, blank=True,
        help_text=_("The publication deadline counts from it."),
    )
    source = models.CharField(_("source"), max_length=255, blank=True)
    trusted_source = models.ForeignKey(
        "editorial_board.TrustedSource", verbose_name=_("trusted source"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("An item taken from a trusted source may be published directly by an "
                    "administrator and is reported to the board weekly."),  # R-ED-5
    )
    is_translation = models.BooleanField(_("translated article"), default=False)
    original_source = models.CharField(_("original source"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True,
                                        editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="+",
    )
    published_at = models.DateTimeField(_("first published at"), null=True, blank=True,
                                        editable=False, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="+",
    )
    due_at = models.DateTimeField(_("publication due"), null=True, blank=True, editable=False,
                                  db_index=True)
    reminders_due_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminders_sent = models.JSONField(default=list, blank=True, editable=False)
    published_directly = models.BooleanField(_("published without the workflow"),
                                              default=False, editable=False)

    objects = AgencyQuerySet.as_manager()
    base_form_class = AgencyScopedAdminForm

    panels = [
        FieldPanel("unit"),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("event_at")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("trusted_source")]),
        FieldRowPanel([FieldPanel("is_translation"), FieldPanel("original_source")]),
    ]

    class Meta:
        verbose_name = _("editorial record")
        verbose_name_plural = _("editorial records")
        indexes = [models.Index(fields=["agency", "published_at"])]

    def __str__(self):
        return str(self.page)

    @property
    def is_late(self):
        """Published after its due time, or still unpublished past it."""
        from django.utils import timezone

        if self.due_at is None:
            return False
        return (self.published_at or timezone.now()) > self.due_at
