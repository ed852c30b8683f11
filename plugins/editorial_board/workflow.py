"""The board's workflow: the three steps in order, assignable to any section of a site."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from plugins.editorial_board.models import (
    BoardReviewTask,
    ChiefApprovalTask,
    UnitLeaderApprovalTask,
)


def _task(model, name):
    task = model.objects.filter(name=name).first()
    return task or model.objects.create(name=name)


@transaction.atomic
def ensure_workflow(name=None):
    """The editorial workflow (made once): unit leader → board → chief (R-ED-2).

    One workflow serves every agency: each step finds the board and unit of the page's
    own agency.
    """
    name = name or _("Editorial board workflow")
    workflow, _created = Workflow.objects.get_or_create(name=name)
    steps = [
        _task(UnitLeaderApprovalTask, _("Unit leader approves")),
        _task(BoardReviewTask, _("Editorial board edits")),
        _task(ChiefApprovalTask, _("Chief verifies and publishes")),
    ]
    for order, task in enumerate(steps):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task,
                                              defaults={"sort_order": order})
    return workflow


def assign(workflow, page):
    """Moderate ``page`` and the pages below it with ``workflow``."""
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
