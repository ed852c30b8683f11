"""Outgoing documents (văn bản đi): drafted, reviewed, numbered and issued (R-EO-6…R-EO-8)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plugins.core.scoping import AgencyQuerySet
from plugins.eoffice.documents.models.base import DocumentBase, DocumentFileBase
from plugins.eoffice.documents.models.choices import OutgoingState, SigningPrefix


class OutgoingDocument(DocumentBase):
    state = models.CharField(_("state"), max_length=16, choices=OutgoingState.choices,
                             default=OutgoingState.DRAFT, editable=False)
    body_text = models.TextField(
        _("text of the draft"), blank=True,
        help_text=_("Reviewers' edits of this text are kept and shown per reviewer."))
    drafting_unit = models.ForeignKey("core.Unit", verbose_name=_("drafting unit"),
                                      on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("drafted by"),
                               on_delete=models.PROTECT, related_name="+", editable=False)
    proposed_signer = models.ForeignKey(settings.AUTH_USER_MODEL,
                                        verbose_name=_("proposed signer"), null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="+")
    in_reply_to = models.ForeignKey("eoffice_documents.IncomingDocument",
                                    verbose_name=_("in reply to"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="replies")
    recipient_agencies = models.ManyToManyField(
        "core.Agency", verbose_name=_("recipients on this installation"), blank=True,
        related_name="+", help_text=_("They receive the issued document at once as an "
                                      "incoming document."))
    recipient_units = models.ManyToManyField("core.Unit", verbose_name=_("internal recipients"),
                                             blank=True, related_name="+")
    external_recipients = models.TextField(_("other recipients"), blank=True,
                                           help_text=_("One per line."))
    is_normative = models.BooleanField(
        _("legal normative document"), default=False,
        help_text=_("Numbered per type per year, with the year: 36/2016/QĐ-UBND."))
    review_due_at = models.DateTimeField(_("review due"), null=True, blank=True, editable=False)
    series = models.CharField(max_length=40, blank=True, editable=False)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    number_notation = models.CharField(_("number and notation"), max_length=80, blank=True,
                                       editable=False)
    number_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    signing_prefix = models.CharField(_("signing authority"), max_length=5, blank=True,
                                      choices=SigningPrefix.choices, editable=False)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signer"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="+",
                               editable=False)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True,
                                    editable=False)
    issue_date = models.DateField(_("issue date"), null=True, blank=True, editable=False)
    copies = models.PositiveIntegerField(_("copies"), null=True, blank=True, editable=False)
    withdrawn_note = models.TextField(_("withdrawal note"), blank=True, editable=False)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "number_key"])

    class Meta:
        verbose_name = _("outgoing document")
        verbose_name_plural = _("outgoing documents")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["register", "year", "series", "number"],
                                    condition=models.Q(number__isnull=False),
                                    name="eoffice_outgoing_unique_number"),
        ]
        indexes = [
            models.Index(fields=["agency", "state"], name="eoffice_outgoing_state_idx"),
        ]

    def __str__(self):
        label = self.number_notation or self.get_state_display()
        return f"{label}: {self.subject[:80]}"


class OutgoingFileKind(models.TextChoices):
    BODY = "body", _("Body (DOCX/ODT)")
    SIGNED = "signed", _("Signed copy (PDF)")
    ANNEX = "annex", _("Annex")


class OutgoingFile(DocumentFileBase):
    folder = "outgoing"
    document = models.ForeignKey(OutgoingDocument, on_delete=models.CASCADE,
                                 related_name="files")
    kind = models.CharField(_("kind"), max_length=8, choices=OutgoingFileKind.choices)

    class Meta(DocumentFileBase.Meta):
        verbose_name = _("file of an outgoing document")
        verbose_name_plural = _("files of outgoing documents")
