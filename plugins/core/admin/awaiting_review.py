"""The dashboard's "Awaiting your review" panel in a constant number of queries.

Wagtail's own panel (``WorkflowObjectsToModeratePanel``) reads, for each item waiting, the
step's task and its specific class, the step's state as its specific class (through the
item's current workflow), and the workflow's tasks with their statuses: five queries a row,
so a leader with fifty items to review waited for some 250. This panel shows the same rows
with the same template; the rows' tasks, specific states, workflow tasks and statuses are
read once for all of them, and the item is handed its current workflow (Wagtail's
``_current_workflow_states``, which its own querysets fill the same way), so the tasks'
``get_actions`` read no workflow again.
"""

import copy

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, Task, TaskState, WorkflowState, WorkflowTask


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {**super(WorkflowObjectsToModeratePanel, self).get_context_data(
            parent_context), "states": [], "request": request,
            "csrf_token": parent_context["csrf_token"]}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = list(
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state",
                            "workflow_state__workflow")
            .prefetch_related("revision__content_object",
                              "revision__content_object__latest_revision")
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        tasks = {task.pk: task for task in Task.objects.filter(
            pk__in={state.task_id for state in states}).specific()}
        specific_states = {state.pk: state for state in TaskState.objects.filter(
            pk__in=[state.pk for state in states]).specific()}
        workflow_tasks = _workflow_tasks_with_status(states)
        for state in states:
            obj = state.revision.content_object
            if not obj:  # the revision's object is gone (see Wagtail's panel)
                continue
            state.task = tasks[state.task_id]
            _hand_current_workflow(obj, state.workflow_state, specific_states[state.pk])
            context["states"].append(_row(state, obj, state.task.get_actions(obj, request.user),
                                          workflow_tasks[state.workflow_state_id]))
        return context


def _hand_current_workflow(obj, workflow_state, task_state):
    """Give ``obj`` the workflow its waiting step belongs to, as Wagtail's
    ``prefetch_workflow_states`` would: ``current_workflow_task_state`` then reads nothing."""
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and \
            workflow_state.current_task_state_id == task_state.pk:
        workflow_state.current_task_state = task_state
        obj._current_workflow_states = [workflow_state]


def _workflow_tasks_with_status(states):
    """``{workflow state id: its workflow's tasks}``, each task with ``status`` and
    ``status_display``: Wagtail's ``WorkflowState.all_tasks_with_status`` for all the rows
    in two queries."""
    workflow_ids = {state.workflow_state.workflow_id for state in states}
    steps = {}
    for link in WorkflowTask.objects.filter(workflow_id__in=workflow_ids).select_related(
            "task").order_by("workflow_id", "sort_order"):
        steps.setdefault(link.workflow_id, []).append(link.task)
    latest = {}  # (workflow state, task): the status of its latest state
    for workflow_state_id, task_id, status in _applicable_task_states(states).order_by(
            "started_at", "id").values_list("workflow_state_id", "task_id", "status"):
        latest[workflow_state_id, task_id] = status
    labels = dict(TaskState.STATUS_CHOICES)
    found = {}
    for state in states:
        workflow_state = state.workflow_state
        found[workflow_state.pk] = []
        for task in steps.get(workflow_state.workflow_id, []):
            shown = copy.copy(task)  # each row's tasks carry that row's statuses
            shown.status = latest.get((workflow_state.pk, task.pk))
            shown.status_display = labels.get(shown.status, _("Not started"))
            found[workflow_state.pk].append(shown)
    return found


def _applicable_task_states(states):
    """The task states whose status applies to each row (Wagtail's
    ``WorkflowState._get_applicable_task_states``): all of its workflow's, or with
    ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` those of the item's latest revision."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        return TaskState.objects.filter(
            workflow_state_id__in={state.workflow_state_id for state in states})
    wanted = Q(pk__in=[])
    for state in states:
        obj = state.revision.content_object
        if obj is not None:
            wanted |= Q(workflow_state_id=state.workflow_state_id,
                        revision_id=obj.latest_revision_id)
    return TaskState.objects.filter(wanted)


def _row(state, obj, actions, workflow_tasks):
    """One row as Wagtail's panel gives its template."""
    action_url, preview_url, compare_url = (
        "wagtailadmin_pages:workflow_action", "wagtailadmin_pages:workflow_preview",
        "wagtailadmin_pages:revisions_compare")
    if not isinstance(obj, Page):  # snippets can have workflows too
        viewset = obj.snippet_viewset
        action_url, preview_url, compare_url = (
            viewset.get_url_name("workflow_action"), viewset.get_url_name("workflow_preview"),
            viewset.get_url_name("revisions_compare"))
    if not getattr(obj, "is_previewable", False):
        preview_url = None
    return {
        "obj": obj, "revision": state.revision,
        "previous_revision_id": state.previous_revision_id,
        "live_revision_id": obj.live_revision_id, "task_state": state, "actions": actions,
        "workflow_tasks": workflow_tasks, "workflow_action_url_name": action_url,
        "workflow_preview_url_name": preview_url, "revisions_compare_url_name": compare_url,
    }
