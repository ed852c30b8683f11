"""The public work programme (lịch công tác, R-SITE-5, R-EO-10: seed 000 Đ7.7, Đ16.1).

One page per agency site shows the week's approved schedule of the agency's leaders —
changes after publication marked — with the published work plans, and serves the
calendar feeds: the leaders' and each leader's (public, as the portal publishes them) and,
with a person's secret key, each unit's (staff only)."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class WorkProgrammePage(RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    max_count_per_parent = 1
    subpage_types = []
    template = "eoffice_schedules/work_programme_page.html"
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("work programme page")
        verbose_name_plural = _("work programme pages")

    @path("")
    def week(self, request):
        from plugins.eoffice.schedules.public import programme_context

        context = self.get_context(request)
        context.update(programme_context(self, request))
        return render(request, self.template, context)

    @path("ical/")
    def leaders_feed(self, request):
        from plugins.eoffice.schedules.feeds import leaders_feed

        return leaders_feed(self, request)

    @path("lanh-dao/<int:user_id>/ical/")
    def leader_feed(self, request, user_id):
        from plugins.eoffice.schedules.feeds import leader_feed

        return leader_feed(self, request, user_id)

    @path("don-vi/<int:unit_id>/<str:key>/ical/")
    def unit_feed(self, request, unit_id, key):
        from plugins.eoffice.schedules.feeds import unit_feed

        return unit_feed(self, request, unit_id, key)
