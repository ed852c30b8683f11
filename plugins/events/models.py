"""Conferences, workshops and training courses, and their list (R-SITE-4, seed 000 Đ7.6).

An event page says when (start and end, entered and shown in Asia/Ho_Chi_Minh, stored in
UTC), where, who organises it and what it is about; its materials are Wagtail documents a
citizen reads online or downloads (open formats marked), and its links lead to other
websites. Each event gives an iCalendar (.ics) file. The index page is a faceted list of
the core (``plugins.core.listing``): upcoming or past, kind, year.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from plugins.core.calendar import OFFICE_TZ
from plugins.core.files.attachments import PageAttachment
from plugins.core.listing.pages import FacetedIndexPageMixin
from plugins.core.models.agency_pages import AgencyPageMixin
from plugins.core.page_cache import expires_at
from plugins.core.text import nfc


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training course")


class EventState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Under way")
    PAST = "past", _("Past")


def outside_link(url, host):
    """Whether ``url`` leads to another website than ``host`` (the page's own)."""
    found = urlsplit(url or "")
    return bool(found.netloc) and found.hostname != (host or "").split(":")[0].lower()


class EventPage(RoutablePageMixin, AgencyPageMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices,
                            default=EventKind.CONFERENCE)
    start = models.DateTimeField(_("starts"), help_text=_("Vietnam time (UTC+7)."))
    end = models.DateTimeField(_("ends"), help_text=_("Vietnam time (UTC+7)."))
    place = models.CharField(_("place"), max_length=255)
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("content"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([InlinePanel("materials", label=_("material"))],
                        heading=_("Materials to read or download")),
        MultiFieldPanel([InlinePanel("links", label=_("link"))],
                        heading=_("Links to other websites")),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.summary = nfc(self.summary)
        self.place = nfc(self.place)
        self.organiser = nfc(self.organiser)
        return super().save(*args, **kwargs)

    # --- times, in Vietnam's time zone -------------------------------------------------------

    @property
    def local_start(self):
        return timezone.localtime(self.start, OFFICE_TZ)

    @property
    def local_end(self):
        return timezone.localtime(self.end, OFFICE_TZ)

    @property
    def same_day(self):
        return self.local_start.date() == self.local_end.date()

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.start:
            return EventState.UPCOMING
        if now <= self.end:
            return EventState.ONGOING
        return EventState.PAST

    def next_change(self, now=None):
        """When the state shown now changes (None once the event is past)."""
        now = now or timezone.now()
        return self.start if now < self.start else self.end if now <= self.end else None

    @property
    def current_state(self):
        return self.state()

    @property
    def state_label(self):
        return EventState(self.state()).label

    # --- the public page ---------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        expires_at(request, self.next_change())  # a cached copy follows "upcoming" → "past"
        host = request.get_host() if request is not None else ""
        context["materials"] = [
            material for material in self.materials.select_related("document")
            if material.document_id
        ]
        context["event_links"] = [(link, outside_link(link.url, host))
                                  for link in self.links.all()]
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        from plugins.events.ical import ical_response

        return ical_response(self, request)


class EventMaterial(PageAttachment):
    """A document of the event (agenda, papers, slides): read online or downloaded."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="materials")

    class Meta(PageAttachment.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")


class EventLink(Orderable):
    """A link to materials or a registration kept on another website."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("link text"), max_length=255)
    url = models.URLField(_("address"), max_length=500,
                          validators=[URLValidator(schemes=["http", "https"])])

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.title


class EventIndexPage(FacetedIndexPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("events per page"), default=20)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    subpage_types = ["events.EventPage"]
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("list of conferences, workshops and training")

    # --- the list (plugins.core.listing) -----------------------------------------------------

    listing_model = EventPage

    @staticmethod
    def get_listing_form_class():
        from plugins.events.listing import EventSearchForm

        return EventSearchForm

    def get_listing_queryset(self):
        return EventPage.objects.all()

    def get_listing_hit(self, page, words):
        hit = super().get_listing_hit(page, words)
        hit["state"] = page.state()
        return hit
