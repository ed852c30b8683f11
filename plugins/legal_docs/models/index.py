"""The public library of legal documents: search, facets, feeds and exports (R-LD-1…4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from plugins.core.listing.pages import FacetedIndexPageMixin
from plugins.core.search.highlight import snippet
from plugins.legal_docs.models.documents import LegalDocumentPage


class LegalDocumentIndexPage(FacetedIndexPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("documents per page"), default=20)

    subpage_types = ["legal_docs.LegalDocumentPage"]
    max_count_per_parent = 1
    template = "legal_docs/legal_document_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]

    class Meta:
        verbose_name = _("legal document library")

    # --- the list (plugins.core.listing) ---------------------------------------------------

    listing_model = LegalDocumentPage

    @staticmethod
    def get_listing_form_class():
        from plugins.legal_docs.library import LibraryForm

        return LibraryForm

    # What a row, a feed item and an export line show, and nothing else: the files, the
    # body and the text extracted from the files (a few hundred thousand characters a law)
    # are on the document's own page, and each field left out of the ~60 of a document's
    # page is Django's work saved on every row (a page of the library loads ~1 ms sooner).
    LISTING_FIELDS = (
        "title", "url_path", "number", "summary", "signer_name", "issue_date",
        "effective_date", "status", "first_published_at", "doc_type__name",
        "issuing_body__name",
    )

    def get_listing_queryset(self):
        return LegalDocumentPage.objects.select_related(
            "doc_type", "issuing_body").only(*self.LISTING_FIELDS)

    def get_listing_hit(self, page, words):
        return {**super().get_listing_hit(page, words), "summary": snippet(page.summary, words)}

    # --- feeds and exports of the same selection -----------------------------------------

    @path("rss/")
    def rss(self, request):
        from plugins.legal_docs.feeds import LegalDocumentsRss

        return LegalDocumentsRss(self)(request)

    @path("atom/")
    def atom(self, request):
        from plugins.legal_docs.feeds import LegalDocumentsAtom

        return LegalDocumentsAtom(self)(request)

    @path("xuat/<str:fmt>/")
    def export(self, request, fmt):
        from plugins.legal_docs.exports import export_response

        return export_response(self, request, fmt)
