"""Home, standard, organisation and contact pages of the reference site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from plugins.core import areas
from plugins.core.models import Position, Unit
from plugins.core.orgchart import build_unit_tree
from plugins.core.page_cache import restrictions
from plugins.core.routing import DirectRouteMixin
from plugins.core.scoping import current_agency

LATEST_NEWS_COUNT = 6


class HomePage(DirectRouteMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from portal.models.articles import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = (
            restrictions.public(ArticlePage.objects.live(), request).descendant_of(self)
            .select_related("topic", "unit").order_by("-date", "-pk")[:LATEST_NEWS_COUNT]
        )
        context["areas"] = areas.links_for(self)
        return context


class StandardPage(Page):
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class OrganisationPage(Page):
    """Introduction with the org chart drawn from the agency's unit tree (R-ORG-1, R-SITE-1)."""

    intro = RichTextField(_("introduction"), blank=True)
    functions = RichTextField(_("functions and duties"), blank=True)
    history = RichTextField(_("history"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("functions"),
        FieldPanel("history"),
    ]
    search_fields = [
        *Page.search_fields, index.SearchField("intro"), index.SearchField("functions"),
    ]

    class Meta:
        verbose_name = _("organisation page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        agency = current_agency(request)
        units = Unit.objects.for_agency(agency).prefetch_related(
            models.Prefetch(
                "positions",
                queryset=Position.objects.select_related("user"),
            )
        )
        context["agency"] = agency
        context["unit_tree"] = build_unit_tree(units)
        context["leaders"] = [
            position for unit in context["unit_tree"].walk() for position in unit.leaders
        ]
        return context


class ContactPage(Page):
    """The agency's contact details (R-ORG-2, R-SITE-7)."""

    intro = RichTextField(_("introduction"), blank=True)
    office_hours_note = models.CharField(_("note on office hours"), max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("office_hours_note")]

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        agency = current_agency(request)
        context["agency"] = agency
        context["units"] = Unit.objects.for_agency(agency).filter(parent__isnull=False)
        return context
