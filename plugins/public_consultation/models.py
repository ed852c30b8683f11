"""Public consultation on draft documents (R-SITE-6; seed 000 Đ7.9, seed 001 Đ7.2h).

A consultation page says what the agency asks citizens about: the topic, its content, the
draft files (Wagtail documents, open formats marked), the address that receives comments
and the time window (entered and shown in Vietnam time, stored in UTC). Its state —
upcoming, open, closed — is read from the window at each request, so a consultation closes
by itself when its window ends. Citizens comment through the page's form
(:mod:`plugins.public_consultation.views`); a comment is shown publicly only once approved
in the admin, without the sender's contacts. After the close the agency publishes a summary
of the comments and its answers. The index page is a faceted list of the core
(``plugins.core.listing``): state, subject area, year.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from plugins.core.calendar import OFFICE_TZ
from plugins.core.files.attachments import PageAttachment
from plugins.core.listing.pages import FacetedIndexPageMixin
from plugins.core.models.agency_pages import AgencyPageMixin
from plugins.core.page_cache import expires_at
from plugins.core.scoping import AgencyQuerySet
from plugins.core.text import nfc


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Comments closed")


def state_at(opens, closes, now):
    """The state of a window ``[opens, closes)`` at ``now``: comments are taken from the
    opening moment until just before the closing one."""
    if now < opens:
        return ConsultationState.UPCOMING
    if now < closes:
        return ConsultationState.OPEN
    return ConsultationState.CLOSED


class ConsultationPage(RoutablePageMixin, AgencyPageMixin, Page):
    subject_area = models.CharField(
        _("subject area"), max_length=120, blank=True,
        help_text=_("For example: Investment, Environment, Labour. Lists group by it."))
    intro = models.TextField(_("summary"), blank=True,
                             help_text=_("One or two sentences shown in the list."))
    body = RichTextField(_("content"), blank=True,
                         help_text=_("What the draft is about and what the agency asks."))
    drafting_unit = models.CharField(_("drafting unit"), max_length=255, blank=True)
    email = models.EmailField(_("address receiving comments"),
                              help_text=_("Comments sent through the site are copied there; "
                                          "citizens may also write to it."))
    opens = models.DateTimeField(_("comments open"), help_text=_("Vietnam time (UTC+7)."))
    closes = models.DateTimeField(_("comments close"), help_text=_("Vietnam time (UTC+7). "
                                                                    "No comment is accepted "
                                                                    "from this moment."))
    outcome = RichTextField(
        _("summary of comments and answers"), blank=True,
        help_text=_("After the close: what the comments said and how the agency took them "
                    "into account."))
    publish_answers = models.BooleanField(
        _("publish the summary and the answers"), default=False,
        help_text=_("Shown on the page once the consultation is closed and this page is "
                    "published."))

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("opens"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("subject_area"), FieldPanel("drafting_unit")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([InlinePanel("draft_files", label=_("draft file"))],
                        heading=_("Draft files")),
        MultiFieldPanel([FieldPanel("email"),
                         FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")])],
                        heading=_("Receiving comments")),
        MultiFieldPanel([FieldPanel("outcome"), FieldPanel("publish_answers")],
                        heading=_("After the close")),
    ]
    parent_page_types = ["public_consultation.ConsultationIndexPage"]
    subpage_types = []
    template = "public_consultation/consultation_page.html"

    class Meta:
        verbose_name = _("draft open for public comment")
        verbose_name_plural = _("drafts open for public comment")

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Comments must close after they open.")})

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.intro = nfc(self.intro)
        self.subject_area = nfc(self.subject_area).strip()
        self.drafting_unit = nfc(self.drafting_unit)
        return super().save(*args, **kwargs)

    # --- the window, in Vietnam's time zone --------------------------------------------------

    @property
    def local_opens(self):
        return timezone.localtime(self.opens, OFFICE_TZ)

    @property
    def local_closes(self):
        return timezone.localtime(self.closes, OFFICE_TZ)

    def state(self, now=None):
        return state_at(self.opens, self.closes, now or timezone.now())

    def next_change(self, now=None):
        """When the state shown now changes (None once closed)."""
        now = now or timezone.now()
        return self.opens if now < self.opens else self.closes if now < self.closes else None

    @property
    def current_state(self):
        return self.state()

    @property
    def state_label(self):
        return ConsultationState(self.state()).label

    @property
    def results_shown(self):
        """The summary and the answers are public once closed and published."""
        return self.publish_answers and self.current_state == ConsultationState.CLOSED

    # --- the public page ---------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from plugins.public_consultation.views import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        expires_at(request, self.next_change())  # a cached copy opens and closes on time
        return context

    @path("gop-y/", name="comment")
    def comment(self, request):
        from plugins.public_consultation.views import comment_view

        return comment_view(self, request)


class DraftFile(PageAttachment):
    """A draft or an explanatory document put up for comments."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="draft_files")

    class Meta(PageAttachment.Meta):
        verbose_name = _("draft file")
        verbose_name_plural = _("draft files")


class ConsultationIndexPage(FacetedIndexPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("consultations per page"), default=20)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    subpage_types = ["public_consultation.ConsultationPage"]
    template = "public_consultation/consultation_index_page.html"

    class Meta:
        verbose_name = _("list of consultations on drafts")

    listing_model = ConsultationPage

    @staticmethod
    def get_listing_form_class():
        from plugins.public_consultation.listing import ConsultationSearchForm

        return ConsultationSearchForm

    def get_listing_hit(self, page, words):
        hit = super().get_listing_hit(page, words)
        hit["state"] = page.state()
        return hit


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved: shown on the site")
    REFUSED = "refused", _("Refused: not shown")


class CommentQuerySet(AgencyQuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)


class Comment(models.Model):
    """A citizen's comment on a consultation, sent through the site. The sender's email
    and phone are for the agency only: never shown publicly."""

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"),
                               on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(ConsultationPage, verbose_name=_("consultation"),
                             on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    section = models.CharField(_("article or section"), max_length=120, blank=True)
    text = models.TextField(_("comment"))
    status = models.CharField(_("state"), max_length=10, choices=CommentStatus.choices,
                              default=CommentStatus.PENDING)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("moderated by"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    answer = models.TextField(_("the agency's answer"), blank=True,
                              help_text=_("Shown under the comment with the summary, once "
                                          "the consultation is closed and its results are "
                                          "published."))

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["page", "status"])]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"


class WindowState(models.Model):
    """What the scheduled job last did for a consultation's window: the state its search
    entry holds, and when the close was announced (kept apart from the page, whose fields
    revisions would overwrite)."""

    page = models.OneToOneField(ConsultationPage, on_delete=models.CASCADE, primary_key=True,
                                related_name="window_state")
    indexed_state = models.CharField(max_length=10, choices=ConsultationState.choices,
                                     blank=True)
    close_announced_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.page_id}: {self.indexed_state}"
