"""Bidding and public procurement notices (seed 002 Đ3.7: "thông tin về dự án, hạng mục
đầu tư, đấu thầu, mua sắm công"): a page per notice — its kind, the package, the procuring
entity, the form of contractor selection, the closing time (entered and shown in Vietnam
time, stored in UTC), documents, and the results published after the closing.

Whether a notice is still open is read against the clock at each request (never stored,
never a scheduled job): after its closing time the page and the list say "closed".
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from plugins.core.calendar import OFFICE_TZ
from plugins.core.files.attachments import PageAttachment, attachments
from plugins.core.listing.pages import FacetedIndexPageMixin
from plugins.core.models.agency_pages import AgencyPageMixin
from plugins.core.money import format_vnd
from plugins.core.page_cache import expires_at
from plugins.core.text import nfc
from plugins.investment.forms import NoticePageForm


class NoticeKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation to bid")
    INTEREST = "interest", _("Invitation for expressions of interest")
    PREQUALIFICATION = "prequalification", _("Invitation to prequalify")
    QUOTATION = "quotation", _("Request for quotations")


class SelectionMethod(models.TextChoices):
    """The forms of contractor selection of the Law on Bidding."""

    OPEN = "open", _("Open bidding")
    LIMITED = "limited", _("Limited bidding")
    COMPETITIVE = "competitive", _("Competitive offer")
    DIRECT_PROCUREMENT = "direct_procurement", _("Direct procurement")
    DIRECT_APPOINTMENT = "direct_appointment", _("Direct appointment")


class NoticeState(models.TextChoices):
    OPEN = "open", _("Open for bids")
    CLOSED = "closed", _("Bids closed")


class NoticePage(AgencyPageMixin, Page):
    kind = models.CharField(_("kind of notice"), max_length=20, choices=NoticeKind.choices,
                            default=NoticeKind.INVITATION)
    reference = models.CharField(
        _("notice number"), max_length=40, blank=True,
        help_text=_("The number on the national e-procurement system, e.g. IB2600123456."))
    package_name = models.CharField(_("bid package"), max_length=255)
    procuring_entity = models.CharField(_("procuring entity"), max_length=255)
    selection_method = models.CharField(_("form of contractor selection"), max_length=30,
                                        choices=SelectionMethod.choices,
                                        default=SelectionMethod.OPEN)
    package_price = models.DecimalField(
        _("package price (VND)"), max_digits=20, decimal_places=0, null=True, blank=True,
        help_text=_("In đồng, digits only; leave empty if not announced."))
    closing = models.DateTimeField(_("bid closing"), help_text=_("Vietnam time (UTC+7)."))
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("content"), blank=True,
                         help_text=_("Scope, eligibility, where and how to obtain and "
                                     "submit the bidding documents."))
    results = RichTextField(
        _("selection results"), blank=True,
        help_text=_("The selected contractor, price and time, published after the "
                    "closing."))

    search_fields = [
        *Page.search_fields,
        index.SearchField("package_name"),
        index.SearchField("procuring_entity"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("closing"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("reference")]),
        FieldPanel("package_name"),
        FieldRowPanel([FieldPanel("procuring_entity"), FieldPanel("selection_method")]),
        FieldRowPanel([FieldPanel("package_price"), FieldPanel("closing")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([InlinePanel("documents", label=_("document"))],
                        heading=_("Bidding documents")),
        MultiFieldPanel([FieldPanel("results"),
                         InlinePanel("result_documents", label=_("result document"))],
                        heading=_("Results (after the closing)")),
    ]
    parent_page_types = ["investment.NoticeIndexPage"]
    subpage_types = []
    template = "investment/notice_page.html"
    base_form_class = NoticePageForm

    class Meta:
        verbose_name = _("bidding or procurement notice")
        verbose_name_plural = _("bidding and procurement notices")

    def clean(self):
        super().clean()
        if self.has_results_text and self.closing and not self.is_closed():
            raise ValidationError({"results": _(
                "Results are published after the bid closing time.")})

    def save(self, *args, **kwargs):
        for name in ("title", "package_name", "procuring_entity", "summary"):
            setattr(self, name, nfc(getattr(self, name)))
        self.reference = "".join(self.reference.split()).upper()
        return super().save(*args, **kwargs)

    @property
    def has_results_text(self):
        """Whether the results field holds words (an emptied editor leaves ``<p></p>``)."""
        return bool(strip_tags(self.results or "").strip())

    @property
    def local_closing(self):
        return timezone.localtime(self.closing, OFFICE_TZ)

    def is_closed(self, now=None):
        """Read against the clock at each call: closed from the closing time on."""
        return (now or timezone.now()) >= self.closing

    def next_change(self, now=None):
        """When "open" turns "closed" (None once closed)."""
        return None if self.is_closed(now) else self.closing

    @property
    def state(self):
        return NoticeState.CLOSED if self.is_closed() else NoticeState.OPEN

    @property
    def state_label(self):
        return NoticeState(self.state).label

    @property
    def price_display(self):
        return "" if self.package_price is None else format_vnd(self.package_price)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        closed = self.is_closed()
        expires_at(request, self.next_change())  # a cached copy says "closed" on time
        context["closed"] = closed
        context["documents"] = attachments(self.documents)
        # Results are shown once the bids are closed, whatever was typed before.
        context["result_documents"] = attachments(self.result_documents) if closed else []
        return context


class NoticeDocument(PageAttachment):
    """A document of the notice: the invitation, the bidding documents, a corrigendum."""

    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="documents")

    class Meta(PageAttachment.Meta):
        verbose_name = _("notice document")
        verbose_name_plural = _("notice documents")


class NoticeResultDocument(PageAttachment):
    """A document of the results (the decision approving the selection, the minutes)."""

    page = ParentalKey(NoticePage, on_delete=models.CASCADE,
                       related_name="result_documents")

    class Meta(PageAttachment.Meta):
        verbose_name = _("result document")
        verbose_name_plural = _("result documents")


class NoticeIndexPage(FacetedIndexPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("notices per page"), default=20)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    subpage_types = ["investment.NoticePage"]
    template = "investment/notice_index_page.html"

    class Meta:
        verbose_name = _("list of bidding and procurement notices")

    listing_model = NoticePage

    @staticmethod
    def get_listing_form_class():
        from plugins.investment.listing import NoticeSearchForm

        return NoticeSearchForm

    def get_listing_hit(self, page, words):
        hit = super().get_listing_hit(page, words)
        hit["closed"] = page.is_closed()
        return hit
