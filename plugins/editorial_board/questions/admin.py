"""Admin screens of citizens' questions (R-ED-15): the list, the processing screen, the
subject areas, the settings and the report of answer deadlines.

Questions arrive from the public form only and are never deleted; every change goes
through :mod:`plugins.editorial_board.questions.services`, so the list's "edit" opens a screen of
actions (route, answer, publish or close, send back, reject), each shown to the people who
may take it.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from plugins.core.admin.exports import OdsExportMixin
from plugins.core.admin.menu import MenuItem
from plugins.core.admin.scoping import AgencyScopedFiltersMixin, AgencyScopedModelViewSet
from plugins.core.models import Unit
from plugins.core.params import as_id
from plugins.editorial_board.models import Question, QuestionSettings, QuestionStatus, SubjectArea
from plugins.editorial_board.questions import services as questions


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions come from citizens and are kept: nobody adds or deletes them in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


class LateColumn(Column):
    def get_value(self, instance):
        return _("Late") if instance.answered_late else ""


class QuestionViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_question"
    url_prefix = "ban-bien-tap/hoi-dap"
    model = Question
    icon = "help"
    menu_label = gettext_lazy("Citizens' questions")
    list_display = [
        TitleColumn("title", label=gettext_lazy("Question"),
                    url_name="editorial_board_question:edit"),
        Column("reference", label=gettext_lazy("Reference code")),
        Column("status", label=gettext_lazy("State"), accessor="get_status_display"),
        Column("unit", label=gettext_lazy("Responsible unit")),
        DateColumn("due_at", label=gettext_lazy("Answer due")),
        LateColumn("late", label=gettext_lazy("Late")),
    ]
    list_filter = ["status", "unit", "subject_area"]
    list_select_related = ("unit",)
    search_fields = ["reference", "title"]
    ordering = ["-received_at"]

    def get_urlpatterns(self):
        patterns = [pattern for pattern in super().get_urlpatterns()
                    if pattern.name not in ("add", "edit", "delete")]
        return [*patterns, path("edit/<int:pk>/", process_question, name="edit")]


class AnswerForm(forms.Form):
    answer = forms.CharField(label=gettext_lazy("Answer"), widget=forms.Textarea(
        attrs={"rows": 10}))


def _units(question):
    return Unit.objects.filter(agency_id=question.agency_id).order_by("sort_order", "name")


def process_question(request, pk):
    """One question: its details and history, and the actions the user may take."""
    question = get_object_or_404(
        Question.objects.visible_to(request.user).select_related(
            "agency", "unit", "subject_area", "answered_by", "decided_by"), pk=pk)
    if request.method == "POST":
        try:
            _act(request, question)
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", None) or [str(error)]:
                messages.error(request, message)
        return redirect("editorial_board_question:edit", question.pk)
    may_route = questions.may_route(request.user, question)
    may_answer = questions.may_answer(request.user, question)
    status = question.status
    history = question.history.select_related("history_user").order_by("history_date")
    return TemplateResponse(request, "editorial_board/admin/question.html", {
        "page_title": question.reference, "question": question, "history": list(history),
        "can_assign": may_route and question.is_open,
        "can_answer": may_answer and status in (QuestionStatus.ASSIGNED,
                                                QuestionStatus.ANSWERED),
        "can_decide": may_route and status == QuestionStatus.ANSWERED,
        "can_reject": may_route and status in (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED,
                                               QuestionStatus.ANSWERED),
        "units": _units(question) if may_route else [],
        "answer_form": AnswerForm(initial={"answer": question.answer}),
        "breadcrumbs_items": [
            {"url": "", "label": _("Citizens' questions")},
        ],
    })


def _act(request, question):
    action, user = request.POST.get("action"), request.user
    if action == "assign":
        unit_id = as_id(request.POST.get("unit"))
        unit = _units(question).filter(pk=unit_id).first() if unit_id else None
        questions.assign(question, unit, user)
        messages.success(request, _("The question is routed to %(unit)s.") % {"unit": unit})
    elif action == "answer":
        questions.answer(question, request.POST.get("answer"), user)
        messages.success(request, _("The answer is sent to the board for approval."))
    elif action in ("publish", "close"):
        questions.decide(question, user, publish=action == "publish",
                         answer_text=request.POST.get("answer"))
        messages.success(request, _("The answer is published on the site.") if action == "publish"
                         else _("The question is closed without publication."))
    elif action == "send_back":
        questions.send_back(question, request.POST.get("comment"), user)
        messages.success(request, _("The answer is sent back to the unit."))
    elif action == "reject":
        questions.reject(question, request.POST.get("reason"), user)
        messages.success(request, _("The question is rejected."))
    else:
        raise ValidationError(_("Unknown action."))


class SubjectAreaViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_subject_area"
    url_prefix = "ban-bien-tap/linh-vuc-hoi-dap"
    model = SubjectArea
    icon = "tag"
    menu_label = gettext_lazy("Subject areas of questions")
    list_display = ["name", "default_unit", "agency"]
    list_select_related = ("agency", "default_unit")


class QuestionSettingsViewSet(AgencyScopedModelViewSet):
    name = "editorial_board_question_settings"
    url_prefix = "ban-bien-tap/cai-dat-hoi-dap"
    model = QuestionSettings
    icon = "cog"
    menu_label = gettext_lazy("Settings of citizens' questions")
    list_display = ["agency", "answer_working_days", "email_answers"]
    list_select_related = ("agency",)


class QuestionDeadlineFilterSet(WagtailFilterSet):
    received_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Received"), widget=DateRangePickerWidget)
    late_only = django_filters.BooleanFilter(label=gettext_lazy("Late answers only"),
                                             method="filter_late")

    class Meta:
        model = Question
        fields = ["received_at", "status", "unit"]

    def filter_late(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.exclude(status=QuestionStatus.REJECTED).filter(
            Q(answered_at__gt=F("due_at"))
            | Q(answered_at__isnull=True, due_at__lt=timezone.now()))


class QuestionDeadlineReport(AgencyScopedFiltersMixin, OdsExportMixin, ReportView):
    """R-ED-15: each question's answer due time, and whether the unit answered in time."""

    page_title = gettext_lazy("Answer deadlines of citizens' questions")
    header_icon = "help"
    index_url_name = "editorial_board:question_deadlines"
    index_results_url_name = "editorial_board:question_deadlines_results"
    filterset_class = QuestionDeadlineFilterSet
    export_filename = "han-tra-loi-hoi-dap"
    list_export = ["reference", "title", "unit", "status_label", "received_at", "due_at",
                   "answered_at", "state"]
    export_headings = {
        "reference": gettext_lazy("Reference code"), "title": gettext_lazy("Question"),
        "unit": gettext_lazy("Responsible unit"), "status_label": gettext_lazy("State"),
        "received_at": gettext_lazy("Received"), "due_at": gettext_lazy("Answer due"),
        "answered_at": gettext_lazy("Answered"), "state": gettext_lazy("Deadline"),
    }
    columns = [
        TitleColumn("title", label=gettext_lazy("Question"),
                    url_name="editorial_board_question:edit"),
        Column("reference", label=gettext_lazy("Reference code")),
        Column("unit", label=gettext_lazy("Responsible unit")),
        Column("status_label", label=gettext_lazy("State")),
        DateColumn("due_at", label=gettext_lazy("Answer due")),
        DateColumn("answered_at", label=gettext_lazy("Answered")),
        Column("state", label=gettext_lazy("Deadline")),
    ]

    def get_queryset(self):
        return (Question.objects.visible_to(self.request.user).exclude(due_at__isnull=True)
                .select_related("unit").order_by("due_at", "pk"))

    def decorate_paginated_queryset(self, object_list):
        for question in object_list:
            question.status_label = question.get_status_display()
            if question.status == QuestionStatus.REJECTED:
                question.state = _("Rejected")
            elif question.answered_at:
                question.state = (_("Answered late") if question.answered_late
                                  else _("Answered in time"))
            else:
                question.state = _("Overdue") if question.answered_late else _("Not yet due")
        return object_list


class UnitReportItem(MenuItem):
    """A report that the units read too (their own questions, their own pages)."""

    def shown_to(self, request):
        from plugins.editorial_board.moderation.board import member_agency_ids
        from plugins.editorial_board.questions.services import own_unit_ids

        user = request.user
        return user.is_superuser or bool(member_agency_ids(user) or own_unit_ids(user))
