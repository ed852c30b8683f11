"""The public directory page (R-EM-1, R-ORG-2): /danh-ba/ on each agency's site."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class DirectoryPage(RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    max_count_per_parent = 1
    subpage_types = []
    template = "email_directory/directory_page.html"
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("email directory page")

    @path("")
    def directory(self, request):
        from plugins.email_directory.directory import directory_context

        context = self.get_context(request)
        context.update(directory_context(self, request))
        return render(request, self.template, context)

    @path("json/")
    def as_json(self, request):
        from plugins.email_directory.public import json_response

        return json_response(self, request)

    @path("vcard/")
    def all_vcards(self, request):
        from plugins.email_directory.public import agency_vcards

        return agency_vcards(self, request)

    @path("vcard/<int:entry_id>/")
    def person_vcard(self, request, entry_id):
        from plugins.email_directory.public import person_vcard

        return person_vcard(self, request, entry_id)

    @path("don-vi/<int:unit_id>/vcard/")
    def unit_vcards(self, request, unit_id):
        from plugins.email_directory.public import unit_vcards

        return unit_vcards(self, request, unit_id)
