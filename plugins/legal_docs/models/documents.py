"""The legal document page, its files and its relations."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from plugins.core import numbers
from plugins.core.i18n import LocaleCopyMixin
from plugins.core.models.agency_pages import AgencyPageMixin
from plugins.core.text import fold
from plugins.legal_docs.forms import LegalDocumentPageForm
from plugins.legal_docs.relations import RelationKind, inverse_label
from plugins.legal_docs.status import Status


class Secrecy(models.TextChoices):
    NONE = "", _("Not secret")
    SECRET = "mat", _("Secret (Mật)")
    TOP_SECRET = "toi_mat", _("Top secret (Tối mật)")
    ABSOLUTE = "tuyet_mat", _("Absolute secret (Tuyệt mật)")


def secret_refusal():
    # R-LD-6
    return ValidationError(
        _("A secret document (Mật, Tối mật, Tuyệt mật) can never be published."),
        code="secret",
    )


class LegalDocumentPage(RoutablePageMixin, LocaleCopyMixin, AgencyPageMixin, Page):
    number = models.CharField(
        _("number and symbol"), max_length=80,
        help_text=_("As printed on the document: 36/2016/QĐ-UBND, 29/QĐ-BQL, 05/BQL-VP."),
    )
    number_key = models.CharField(max_length=120, editable=False, db_index=True, default="")
    doc_type = models.ForeignKey(
        "legal_docs.DocumentType", verbose_name=_("document type"), on_delete=models.PROTECT,
        related_name="+",
    )
    issuing_body = models.ForeignKey(
        "legal_docs.IssuingBody", verbose_name=_("issuing body"), on_delete=models.PROTECT,
        related_name="+",
    )
    signer_title = models.CharField(
        _("signer's title"), max_length=150, blank=True,
        help_text=_("With the signing authority: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."),
    )
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    issue_date = models.DateField(_("issue date"))
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    gazette_date = models.DateField(_("official gazette date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    legal_fields = ParentalManyToManyField(
        "legal_docs.LegalField", verbose_name=_("fields"), blank=True, related_name="+"
    )
    summary = models.TextField(_("summary (trích yếu)"), max_length=1000)
    body = RichTextField(_("full text"), blank=True)
    scope = models.CharField(_("scope"), max_length=255, blank=True)
    secrecy = models.CharField(
        _("secrecy"), max_length=12, choices=Secrecy.choices, blank=True, default=Secrecy.NONE
    )
    issued_here = models.BooleanField(
        _("issued by this agency"), default=False,
        help_text=_("Counts towards the publication deadline report."),  # R-LD-5
    )
    status = models.CharField(
        _("validity status"), max_length=20, choices=Status.choices, default=Status.IN_FORCE,
        editable=False,
    )
    status_cause = models.ForeignKey(
        "self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    status_override = models.CharField(
        _("status set by hand"), max_length=20, choices=Status.choices, blank=True
    )
    status_override_reason = models.TextField(_("reason for the status set by hand"), blank=True)
    extracted_text = models.TextField(editable=False, blank=True, default="")
    # What only the document's own page and the search index read: lists leave them out.
    FULL_TEXT_FIELDS = ("body", "extracted_text")

    api_fields = [
        APIField("number"),
        APIField("doc_type", serializer=serializers.StringRelatedField()),
        APIField("issuing_body", serializer=serializers.StringRelatedField()),
        APIField("signer_title"),
        APIField("signer_name"),
        APIField("issue_date"),
        APIField("effective_date"),
        APIField("gazette_date"),
        APIField("expiry_date"),
        APIField("legal_fields", serializer=serializers.StringRelatedField(many=True)),
        APIField("summary"),
        APIField("scope"),
        APIField("status"),
        APIField("body"),
    ]
    base_form_class = LegalDocumentPageForm
    parent_page_types = ["legal_docs.LegalDocumentIndexPage"]
    subpage_types = []
    template = "legal_docs/legal_document_page.html"

    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("search_folded"),
        index.FilterField("status"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("issued_here")]),
                FieldRowPanel([FieldPanel("signer_title"), FieldPanel("signer_name")]),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
                FieldRowPanel([FieldPanel("gazette_date"), FieldPanel("expiry_date")]),
                FieldPanel("legal_fields", widget=forms.CheckboxSelectMultiple),
                FieldPanel("scope"),
                FieldPanel("secrecy"),
            ],
            heading=_("Metadata"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", heading=_("Files"), label=_("File")),
        InlinePanel("relations", heading=_("Relations"), label=_("Relation")),
        MultiFieldPanel(
            [FieldPanel("status_override"), FieldPanel("status_override_reason")],
            heading=_("Validity status"),
        ),
    ]

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        constraints = [
            # Once per agency and language: an English version (R-ED-16) keeps the number.
            models.UniqueConstraint(
                fields=["agency", "page_locale", "number_key"], condition=~Q(number_key=""),
                name="legal_docs_number_once_per_agency_locale",
            ),
        ]

    def __str__(self):
        return f"{self.number} — {self.title}" if self.number else self.title

    def get_status_display(self):
        """The status's label, as Django's ``get_status_display`` gives it without building
        the field's choices again (each row of the library asks it)."""
        return Status(self.status).label if self.status in Status.values else self.status

    @property
    def search_folded(self):
        """The folded texts, so Wagtail's admin search finds them without accents."""
        return fold(" ".join([self.number, self.title, self.summary, self.extracted_text]))

    @property
    def is_secret(self):
        return bool(self.secrecy)

    @property
    def parsed_number(self):
        try:
            return numbers.parse(self.number, extra_types=[self.doc_type.code])
        except (numbers.InvalidNumber, LegalDocumentPage.doc_type.RelatedObjectDoesNotExist):
            return None

    def clean(self):
        super().clean()
        errors = {}
        if self.number:
            extra = [self.doc_type.code] if self.doc_type_id else []
            try:
                parsed = numbers.parse(self.number, extra_types=extra)
            except numbers.InvalidNumber as error:
                errors["number"] = error.message
            else:
                self.number = str(parsed)
                self.number_key = parsed.search_key
        if self.status_override and not self.status_override_reason.strip():
            errors["status_override_reason"] = _("Say why the status is set by hand.")
        if self.effective_date and self.issue_date and self.effective_date < self.issue_date:
            errors["effective_date"] = _("A document cannot take effect before it is issued.")
        if self.expiry_date and self.effective_date and self.expiry_date < self.effective_date:
            errors["expiry_date"] = _("The expiry date is before the effective date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.live and self.is_secret:
            raise secret_refusal()
        if self.number and not self.number_key:
            key = numbers.search_key(self.number)
            self.number_key = key or ""
        return super().save(*args, **kwargs)

    # --- public page ---------------------------------------------------------------------

    @path("")
    def detail(self, request):
        return self.serve_page(request)

    def serve_page(self, request):
        from django.template.response import TemplateResponse

        return TemplateResponse(request, self.template, self.get_context(request))

    @path("tai-ve/<int:file_id>/")
    def download(self, request, file_id):
        """Count a download, then hand over to Wagtail's document serving (R-LD-3)."""
        from django.db.models import F
        from django.http import Http404
        from django.shortcuts import redirect

        attachment = self.files.select_related("document").filter(pk=file_id).first()
        if attachment is None:
            raise Http404
        updated = DownloadCount.objects.filter(document_id=attachment.document_id).update(
            count=F("count") + 1
        )
        if not updated:
            DownloadCount.objects.get_or_create(document_id=attachment.document_id)
            DownloadCount.objects.filter(document_id=attachment.document_id).update(
                count=F("count") + 1
            )
        return redirect(attachment.document.url)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        files = list(self.files.select_related("document"))
        counts = dict(
            DownloadCount.objects.filter(document_id__in=[f.document_id for f in files])
            .values_list("document_id", "count")
        )
        for attachment in files:
            attachment.downloads = counts.get(attachment.document_id, 0)
        context.update(
            files=files,
            pdf=next((f for f in files if f.document.filename.lower().endswith(".pdf")), None),
            outgoing=self.outgoing(),
            incoming=self.incoming(),
            json_ld=self.json_ld_script(request),
        )
        return context

    def json_ld_script(self, request=None):
        """The JSON-LD, safe inside a <script> element."""
        import json

        from django.utils.safestring import mark_safe

        text = json.dumps(self.json_ld(request), ensure_ascii=False)
        escapes = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
        return mark_safe(text.translate(escapes))

    def json_ld(self, request=None):
        """schema.org Legislation (DOMAIN.md)."""
        from plugins.legal_docs.status import LEGAL_FORCE

        data = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": self.title,
            "legislationIdentifier": self.number,
            "legislationType": self.doc_type.name,
            "legislationDate": self.issue_date.isoformat() if self.issue_date else None,
            "legislationDateVersion": (
                self.effective_date.isoformat() if self.effective_date else None
            ),
            "legislationLegalForce": {"@id": LEGAL_FORCE[self.status]},
            "legislationPassedBy": {"@type": "GovernmentOrganization",
                                    "name": self.issuing_body.name},
            "abstract": self.summary,
            "inLanguage": "vi",
            "url": self.get_full_url(request),
        }
        if self.expiry_date:
            data["expires"] = self.expiry_date.isoformat()
        changes = [
            relation.target.get_full_url(request)
            for relation in self.relations.select_related("target")
            if relation.target_id and relation.kind in ("amends", "supplements", "replaces",
                                                        "abrogates")
        ]
        if changes:
            data["legislationChanges"] = changes
        return {key: value for key, value in data.items() if value is not None}

    # --- relations, both directions --------------------------------------------------------

    def outgoing(self):
        return [
            (relation.get_kind_display(), relation)
            for relation in self.relations.select_related("target")
        ]

    def incoming(self):
        return [
            (inverse_label(relation.kind), relation)
            for relation in LegalRelation.objects.filter(target=self, page__live=True)
            .select_related("page")
            .order_by("kind", "page__issue_date")
        ]

    def is_published_late(self, deadline_days):
        """Published later than ``deadline_days`` working days after signing (R-LD-5)."""
        from plugins.legal_docs.deadlines import publication_deadline

        if not (self.issued_here and self.first_published_at):
            return False
        deadline = publication_deadline(self.agency, self.issue_date, deadline_days)
        return timezone.localtime(self.first_published_at).date() > deadline


class FileKind(models.TextChoices):
    MAIN = "main", _("Main text")
    APPENDIX = "appendix", _("Appendix")
    OTHER = "other", _("Other")


class LegalDocumentFile(Orderable):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=FileKind.choices,
                            default=FileKind.MAIN)
    label = models.CharField(_("label"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("kind"), FieldPanel("label")]

    def clean(self):
        from plugins.legal_docs.files import check_file

        if self.document_id:
            check_file(self.document.file, self.document.filename)

    @property
    def format(self):
        from plugins.legal_docs.files import file_format

        return file_format(self.document.filename)


class LegalRelation(Orderable):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage, verbose_name=_("document in this library"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="incoming_relations",
    )
    target_number = models.CharField(
        _("number of a document not in this library"), max_length=80, blank=True
    )
    target_title = models.CharField(_("its title"), max_length=500, blank=True)
    partial = models.BooleanField(
        _("in part only"), default=False,
        help_text=_("For an abrogation: only some articles lose effect."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("partial")]),
        FieldPanel("target"),
        FieldRowPanel([FieldPanel("target_number"), FieldPanel("target_title")]),
    ]

    def clean(self):
        if not self.target_id and not self.target_number.strip():
            raise ValidationError(
                _("Choose a document of this library or write the number of another one.")
            )
        if self.target_number.strip():
            try:
                self.target_number = numbers.normalize(self.target_number)
            except numbers.InvalidNumber as error:
                raise ValidationError({"target_number": error.message}) from error

    def save(self, *args, **kwargs):
        if self.target_number.strip():
            try:
                self.target_number = numbers.normalize(self.target_number)
            except numbers.InvalidNumber:
                self.target_number = self.target_number.strip()
        return super().save(*args, **kwargs)

    @property
    def target_label(self):
        if self.target_id:
            return str(self.target)
        return " — ".join(part for part in (self.target_number, self.target_title) if part)


class DownloadCount(models.Model):
    """Downloads of a document file from the public pages (kept apart from page revisions)."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    count = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.document_id}: {self.count}"
