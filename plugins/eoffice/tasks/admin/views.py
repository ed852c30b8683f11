"""One task's actions (progress, completion, accept, send back, extend, cancel), the
download of a report's file, and the statistics per unit."""

from dataclasses import dataclass

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from plugins.core.admin.scoping import AgencyScopedFiltersMixin
from plugins.core.models import Unit
from plugins.eoffice.tasks import access, services
from plugins.eoffice.tasks.admin.forms import (
    CompletionForm,
    ExtendForm,
    ProgressForm,
    ReasonForm,
)
from plugins.eoffice.tasks.models import OPEN_STATES, ProgressReport, State, Task

# action → (label, form class)
ACTIONS = {
    "progress": (gettext_lazy("Report progress"), ProgressForm),
    "complete": (gettext_lazy("Report completion"), CompletionForm),
    "accept": (gettext_lazy("Accept as done"), None),
    "send_back": (gettext_lazy("Send back"), ReasonForm),
    "extend": (gettext_lazy("Extend the deadline"), ExtendForm),
    "cancel": (gettext_lazy("Cancel the task"), ReasonForm),
}


def task_actions(user, task):
    """The names of the actions ``user`` may take on ``task`` now."""
    me = access.rights(user)
    names = []
    if task.state == State.IN_PROGRESS and me.is_assignee(task):
        names.append("progress")
    if task.state == State.IN_PROGRESS and me.is_main_assignee(task):
        names.append("complete")
    if task.state == State.REPORTED and me.may_direct(task):
        names += ["accept", "send_back"]
    if task.state in OPEN_STATES and me.may_direct(task):
        names += ["extend", "cancel"]
    return names


def task_panel(request, task):
    """What the task's page shows below its fields: reports, extensions, action forms."""
    access.with_people([task])
    names = task_actions(request.user, task)
    return {
        "reports": list(task.reports.select_related("author")),
        "deadline_changes": list(task.deadline_changes.select_related("changed_by")),
        "actions": [(name, ACTIONS[name][0], ACTIONS[name][1]() if ACTIONS[name][1] else None)
                    for name in names],
        "overdue": task.is_overdue(),
    }


@require_POST
def task_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    task = get_object_or_404(access.visible(request.user, Task.objects.all()), pk=pk)
    form_class = ACTIONS[action][1]
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is not None and not form.is_valid():
        messages.error(request, "; ".join(str(message) for errors in form.errors.values()
                                          for message in errors))
        return redirect("eoffice_task:inspect", task.pk)
    data = form.cleaned_data if form is not None else {}
    user = request.user
    try:
        if action == "progress":
            services.report_progress(user, task, data["percent"], data["text"], data["file"])
        elif action == "complete":
            services.report_completion(user, task, data["text"], data["file"])
        elif action == "accept":
            services.accept(user, task)
        elif action == "send_back":
            services.send_back(user, task, data["reason"])
        elif action == "extend":
            services.extend(user, task, data["deadline"], data["reason"])
        elif action == "cancel":
            services.cancel(user, task, data["reason"])
    except services.TransitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": ACTIONS[action][0]})
    return redirect("eoffice_task:inspect", task.pk)


def report_file(request, pk):
    """A progress report's file, to those who may see its task."""
    report = get_object_or_404(ProgressReport.objects.select_related("task"), pk=pk)
    if not report.file or not access.visible(
            request.user, Task.objects.filter(pk=report.task_id)).exists():
        raise Http404
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.file_name)


# --- Statistics per unit --------------------------------------------------------------


def statistics_scope(user):
    """``Q`` of the tasks whose units' statistics ``user`` reads: an agency leader their
    agency's, a unit leader their units'; anyone else is refused."""
    me = access.rights(user)
    if me.superuser:
        return Q()
    if not (me.leads_agencies or me.led_units):
        raise PermissionDenied
    return Q(agency_id__in=me.leads_agencies) | Q(main_unit_id__in=me.led_units)


@dataclass
class UnitRow:
    unit: str
    assigned: int
    done_on_time: int
    done_late: int
    open: int
    overdue: int


def unit_rows(tasks, today=None):
    """One row per main unit of ``tasks`` (cancelled tasks not counted), two queries."""
    today = today or timezone.localdate()
    open_ = Q(state__in=OPEN_STATES)
    counts = list(tasks.exclude(state=State.CANCELLED).order_by().values("main_unit").annotate(
        assigned=Count("pk"),
        done_on_time=Count("pk", filter=Q(state=State.DONE, reported_on__lte=F("deadline"))),
        done_late=Count("pk", filter=Q(state=State.DONE, reported_on__gt=F("deadline"))),
        open=Count("pk", filter=open_ & Q(deadline__gte=today)),
        overdue=Count("pk", filter=open_ & Q(deadline__lt=today))))
    names = dict(Unit.objects.filter(pk__in=[row["main_unit"] for row in counts]).values_list(
        "pk", "name"))
    rows = [UnitRow(unit=names.get(row.pop("main_unit"), ""), **row) for row in counts]
    rows.sort(key=lambda row: (-row.overdue, row.unit))
    return rows


class StatisticsFilterSet(WagtailFilterSet):
    assigned_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Assigned in the period"), field_name="assigned_at__date")

    class Meta:
        model = Task
        fields = ["assigned_at"]


class StatisticsReport(AgencyScopedFiltersMixin, ReportView):
    page_title = gettext_lazy("Tasks per unit")
    header_icon = "tasks"
    index_url_name = "eoffice_tasks:statistics"
    index_results_url_name = "eoffice_tasks:statistics_results"
    filterset_class = StatisticsFilterSet
    export_filename = "nhiem-vu-theo-don-vi"
    paginate_by = 200
    list_export = ["unit", "assigned", "done_on_time", "done_late", "open", "overdue"]
    export_headings = {
        "unit": gettext_lazy("Unit"), "assigned": gettext_lazy("Tasks assigned"),
        "done_on_time": gettext_lazy("Done on time"), "done_late": gettext_lazy("Done late"),
        "open": gettext_lazy("Open, within the deadline"),
        "overdue": gettext_lazy("Overdue"),
    }
    columns = [Column(name, label=label) for name, label in export_headings.items()]

    def dispatch(self, request, *args, **kwargs):
        statistics_scope(request.user)  # refused before anything is read
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Task.objects.visible_to(self.request.user).filter(
            statistics_scope(self.request.user))

    def get_filtered_queryset(self):
        return unit_rows(self.filter_queryset(self.get_queryset()))
