"""Admin hooks of the citizens' questions (R-ED-15): the answer-deadline report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks

from plugins.editorial_board.questions.admin import (
    QuestionDeadlineReport,
    QuestionSettingsViewSet,
    QuestionViewSet,
    SubjectAreaViewSet,
    UnitReportItem,
)

#: Its screens in the board's menu (plugins.editorial_board.wagtail_hooks).
VIEWSETS = (QuestionViewSet, SubjectAreaViewSet, QuestionSettingsViewSet)

#: Admin views of the questions, under the board's URL namespace (``editorial_board:…``).
ADMIN_URLS = [
    path("bao-cao/han-tra-loi-hoi-dap/", QuestionDeadlineReport.as_view(),
         name="question_deadlines"),
    path("bao-cao/han-tra-loi-hoi-dap/ket-qua/",
         QuestionDeadlineReport.as_view(results_only=True), name="question_deadlines_results"),
]


@hooks.register("register_reports_menu_item")
def register_question_deadlines_menu_item():
    return UnitReportItem(_lazy("Answer deadlines of citizens' questions"),
                          reverse("editorial_board:question_deadlines"), icon_name="help",
                          order=750)
