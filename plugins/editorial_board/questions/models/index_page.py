"""The public page of citizens' questions (R-ED-15): /hoi-dap/ on the reference site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class QuestionIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    privacy_note = RichTextField(
        _("note on personal data"), blank=True,
        help_text=_("Shown above the form: how the questioner's details are used."),
    )

    max_count_per_parent = 1
    subpage_types = []
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("privacy_note")]

    class Meta:
        verbose_name = _("citizens' questions page")

    @path("")
    def listing(self, request):
        from plugins.editorial_board.questions.views import listing_view

        return listing_view(self, request)

    @path("gui-cau-hoi/")
    def ask(self, request):
        from plugins.editorial_board.questions.views import ask_view

        return ask_view(self, request)

    @path("tra-cuu/")
    def lookup(self, request):
        from plugins.editorial_board.questions.views import lookup_view

        return lookup_view(self, request)

    @path("cau-hoi/<int:question_id>/")
    def detail(self, request, question_id):
        from plugins.editorial_board.questions.views import detail_view

        return detail_view(self, request, question_id)
