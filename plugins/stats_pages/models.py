"""Statistics pages (a table of figures with its chart and downloads) and their faceted
list (seed 002 Đ3.11: land statistics and land prices; seed 001 Đ3.3, Đ7.3: the provincial
competitiveness index, its data and charts)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from plugins.core.listing.pages import FacetedIndexPageMixin
from plugins.core.models import AgencyPageMixin
from plugins.stats_pages import charts, tables
from plugins.stats_pages.forms import StatisticsPageForm


class Topic(models.TextChoices):
    LAND = "land", _("Land and land prices")
    INVESTMENT = "investment", _("Investment and business environment")
    ECONOMY = "economy", _("Socio-economic figures")
    ENVIRONMENT = "environment", _("Natural resources and environment")
    ADMINISTRATION = "administration", _("Administrative reform")
    OTHER = "other", _("Other statistics")


class ChartType(models.TextChoices):
    BAR = "bar", _("Bar chart")
    LINE = "line", _("Line chart")
    NONE = "none", _("No chart (table only)")


class StatisticsPage(AgencyPageMixin, RoutablePageMixin, Page):
    summary = models.TextField(_("summary"), blank=True)
    topic = models.CharField(_("field"), max_length=20, choices=Topic.choices,
                             default=Topic.OTHER)
    year = models.PositiveSmallIntegerField(
        _("year of the figures"),
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("For a series over several years, the latest year."))
    unit = models.CharField(_("unit"), max_length=100, blank=True,
                            help_text=_("e.g. thousand đồng per m², points, hectares"))
    source = models.CharField(_("source"), max_length=255, blank=True,
                              help_text=_("Who produced the figures (shown under the table)."))
    chart_type = models.CharField(_("chart"), max_length=10, choices=ChartType.choices,
                                  default=ChartType.BAR)
    chart_columns = models.CharField(
        _("columns drawn"), max_length=255, blank=True,
        help_text=_("Names of the columns of numbers to draw, separated by semicolons; "
                    "empty: all of them."))
    notes = RichTextField(_("notes"), blank=True,
                          help_text=_("How the figures were collected, what they cover."))
    table = models.JSONField(_("table"), default=dict, blank=True, editable=False)
    source_filename = models.CharField(_("file name"), max_length=255, blank=True,
                                       editable=False)

    parent_page_types = ["stats_pages.StatisticsIndexPage"]
    subpage_types = []
    base_form_class = StatisticsPageForm
    template = "stats_pages/statistics_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("topic"), FieldPanel("year")], heading=_("Classification")),
        MultiFieldPanel([FieldPanel("data_upload"), FieldPanel("unit"), FieldPanel("source")],
                        heading=_("Figures")),
        MultiFieldPanel([FieldPanel("chart_type"), FieldPanel("chart_columns")],
                        heading=_("Chart")),
        FieldPanel("notes"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"),
                     index.SearchField("source")]

    class Meta:
        verbose_name = _("statistics page")
        verbose_name_plural = _("statistics pages")

    def clean(self):
        super().clean()
        if not tables.is_valid(self.table):
            if not getattr(self, "_upload_refused", False):
                raise ValidationError({"data_upload": _(
                    "Upload the table of figures (a CSV, XLSX or ODS file).")})
            return
        unknown = charts.unknown_columns(self.table, self.chart_columns)
        if unknown:
            raise ValidationError({"chart_columns": _(
                "No column of numbers is named %(names)s; the columns are %(columns)s.") % {
                "names": ", ".join(f"“{name}”" for name in unknown),
                "columns": ", ".join(f"“{name}”" for name in self.table["headers"][1:])}})

    # --- what the page shows -------------------------------------------------------------

    @property
    def period_date(self):
        """The date the list sorts and filters by: the last day of the figures' year."""
        return datetime.date(self.year, 12, 31) if self.year else None

    def display_rows(self):
        """The table's rows as the reader sees them: the label, then each figure in the
        reader's number format (as many decimals as the source), "—" where none."""
        result = []
        for label, *values in self.table.get("rows", []):
            shown = [charts.format_number(Decimal(v), tables.decimals(v))
                     if v is not None else None for v in values]
            result.append((label, shown))
        return result

    def chart(self):
        return charts.build_chart(self.table, kind=self.chart_type, title=self.title,
                                  columns=self.chart_columns, unit=self.unit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chart"] = self.chart() if tables.is_valid(self.table) else None
        context["download_formats"] = ("csv", "xlsx", "ods")
        return context

    @path("tai-ve/<str:fmt>/", name="download")
    def download(self, request, fmt):
        from plugins.stats_pages.exports import table_response

        if not tables.is_valid(self.table):
            raise Http404
        return table_response(self, fmt)


class StatisticsIndexPage(FacetedIndexPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("pages per list page"), default=20)

    subpage_types = ["stats_pages.StatisticsPage"]
    template = "stats_pages/statistics_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]

    class Meta:
        verbose_name = _("statistics list")
        verbose_name_plural = _("statistics lists")

    listing_model = StatisticsPage

    @staticmethod
    def get_listing_form_class():
        from plugins.stats_pages.listing import StatisticsSearchForm

        return StatisticsSearchForm

    def get_listing_queryset(self):
        # The list shows no figures: leave the tables in the database.
        return StatisticsPage.objects.defer("table", "notes")
