"""The public list of an agency's administrative procedures (R-PR-1, R-PR-5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from plugins.core.listing.pages import FacetedIndexPageMixin
from plugins.procedures.models.procedures import ProcedurePage


class ProcedureIndexPage(FacetedIndexPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("procedures per page"), default=25)

    subpage_types = ["procedures.ProcedurePage"]
    max_count_per_parent = 1
    template = "procedures/procedure_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]

    class Meta:
        verbose_name = _("administrative procedure list")

    # --- the list (plugins.core.listing) ---------------------------------------------------

    listing_model = ProcedurePage

    @staticmethod
    def get_listing_form_class():
        from plugins.procedures.listing import ProcedureSearchForm

        return ProcedureSearchForm

    def get_listing_queryset(self):
        return ProcedurePage.objects.prefetch_related("procedure_fields")

    @path("xuat/<str:fmt>/")
    def export(self, request, fmt):
        from plugins.procedures.exports import export_response

        return export_response(self, request, fmt)
