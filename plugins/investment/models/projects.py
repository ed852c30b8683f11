"""Investment projects (R-SITE-3; seed 000 Đ7.5, seed 002 Đ3.7): those being prepared,
calling for investment, under way (and finished), each with its name, objective, field,
type, location (a zone and a text, no map), scale, total capital, duration, investor,
contact and documents. The index page is the core's faceted list: status, field, type and
zone, accent-insensitive search.
"""

from django.db import models
from django.utils import timezone
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
from plugins.core.text import nfc


class ProjectStatus(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    CALLING = "calling", _("Calling for investment")
    UNDER_WAY = "under_way", _("Under way")
    FINISHED = "finished", _("Finished")


class ProjectField(models.TextChoices):
    """The project's field (lĩnh vực): a fixed list, so that the facet reads the same on
    every agency's site."""

    INDUSTRY = "industry", _("Industry")
    INFRASTRUCTURE = "infrastructure", _("Technical infrastructure")
    URBAN = "urban", _("Urban development and housing")
    TRADE = "trade", _("Trade and services")
    LOGISTICS = "logistics", _("Transport and logistics")
    TOURISM = "tourism", _("Tourism")
    AGRICULTURE = "agriculture", _("Agriculture")
    ENVIRONMENT = "environment", _("Environment")
    ENERGY = "energy", _("Energy")
    SOCIAL = "social", _("Education, health and culture")
    OTHER = "other", _("Other fields")


class ProjectType(models.TextChoices):
    """How the project is funded (loại dự án)."""

    BUSINESS = "business", _("Business investment")
    PUBLIC = "public", _("Public investment")
    PPP = "ppp", _("Public-private partnership (PPP)")
    ODA = "oda", _("ODA and concessional loans")


class ProjectPage(AgencyPageMixin, Page):
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices,
                              default=ProjectStatus.CALLING)
    objective = models.TextField(_("objective"), help_text=_("The project's main aims."))
    field = models.CharField(_("subject area"), max_length=20, choices=ProjectField.choices,
                             default=ProjectField.INDUSTRY)
    project_type = models.CharField(_("type of project"), max_length=20,
                                    choices=ProjectType.choices, default=ProjectType.BUSINESS)
    zone = models.CharField(
        _("zone"), max_length=120,
        help_text=_("The industrial park, cluster or area, typed the same way on every "
                    "project of the zone (the list groups projects by it)."))
    location = models.TextField(_("location"), blank=True,
                                help_text=_("Where exactly: lots, commune, district."))
    scale = models.TextField(_("scale"), blank=True,
                             help_text=_("Area, capacity, jobs, and so on."))
    total_capital = models.DecimalField(
        _("total capital (VND)"), max_digits=20, decimal_places=0, null=True, blank=True,
        help_text=_("In đồng, digits only; leave empty when not yet known."))
    capital_note = models.CharField(
        _("note on the capital"), max_length=255, blank=True,
        help_text=_("For example: about 40 million USD; of which the State budget 30%."))
    duration = models.CharField(_("duration"), max_length=255, blank=True,
                                help_text=_("For example: 2026–2029, or 36 months."))
    investor = models.CharField(_("investor"), max_length=255, blank=True,
                                help_text=_("Leave empty while the project calls for "
                                            "investors."))
    contact = models.TextField(_("contact"), blank=True,
                               help_text=_("The unit to contact, its telephone number and "
                                           "e-mail address."))
    body = RichTextField(_("details"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("objective"),
        index.SearchField("investor"),
        index.SearchField("zone"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("field"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("status"), FieldPanel("field"), FieldPanel("project_type")]),
        FieldPanel("objective"),
        MultiFieldPanel([FieldPanel("zone"), FieldPanel("location")], heading=_("Location")),
        FieldPanel("scale"),
        FieldRowPanel([FieldPanel("total_capital"), FieldPanel("capital_note")],
                      heading=_("Capital")),
        FieldPanel("duration"),
        FieldRowPanel([FieldPanel("investor"), FieldPanel("contact")]),
        FieldPanel("body"),
        MultiFieldPanel([InlinePanel("documents", label=_("document"))],
                        heading=_("Documents")),
    ]
    parent_page_types = ["investment.ProjectIndexPage"]
    subpage_types = []
    template = "investment/project_page.html"

    class Meta:
        verbose_name = _("investment project")
        verbose_name_plural = _("investment projects")

    def save(self, *args, **kwargs):
        for name in ("title", "objective", "zone", "location", "scale", "capital_note",
                     "duration", "investor", "contact"):
            setattr(self, name, nfc(getattr(self, name)))
        self.zone = " ".join(self.zone.split())
        return super().save(*args, **kwargs)

    @property
    def capital_display(self):
        """``1.250.000.000.000 ₫`` (the core's way of writing amounts), or ``""``."""
        return "" if self.total_capital is None else format_vnd(self.total_capital)

    @property
    def published_on(self):
        """The day the project was first published (Vietnam time), or today."""
        moment = self.first_published_at or timezone.now()
        return timezone.localtime(moment, OFFICE_TZ).date()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = attachments(self.documents)
        return context


class ProjectDocument(PageAttachment):
    """A document of the project: decision, investment brief, planning map, form."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="documents")

    class Meta(PageAttachment.Meta):
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")


class ProjectIndexPage(FacetedIndexPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("projects per page"), default=20)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    subpage_types = ["investment.ProjectPage"]
    template = "investment/project_index_page.html"

    class Meta:
        verbose_name = _("list of investment projects")

    listing_model = ProjectPage

    @staticmethod
    def get_listing_form_class():
        from plugins.investment.listing import ProjectSearchForm

        return ProjectSearchForm
