"""The board's workflow: the three steps in order, assignable to any section of a site."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

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


def workflow_name(agency):
    """The workflow's name for ``agency``: with its symbol when several agencies share the
    installation, so that the admin's list of workflows tells them apart."""
    from plugins.core.models import Agency

    name = _("Editorial board workflow")
    if Agency.objects.exclude(pk=agency.pk).exists():
        name = _("%(workflow)s (%(agency)s)") % {"workflow": name, "agency": agency.symbol}
    return name


def ensure_agency_workflow(agency):
    """The editorial workflow of ``agency``'s sections (its own when agencies share a site)."""
    return ensure_workflow(workflow_name(agency))


def assign(workflow, page):
    """Moderate ``page`` and the pages below it with ``workflow``."""
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


# --- translations (R-ED-16) -------------------------------------------------------------
# An English version is content like any other: it goes through the same board. Wagtail
# finds a page's workflow on the page or its nearest ancestor, and the English pages live
# in their own tree, so a section's assignment is mirrored onto its translations, and a
# page copied for translation takes its original's workflow when its new place has another.


def mirror_to_translations(assignment):
    """Give the translations of ``assignment.page`` the same workflow."""
    for translation in assignment.page.get_translations():
        existing = WorkflowPage.objects.filter(page=translation).first()
        if existing is None:
            WorkflowPage.objects.create(page=translation, workflow=assignment.workflow)
        elif existing.workflow_id != assignment.workflow_id:  # saved once: no ping-pong
            existing.workflow = assignment.workflow
            existing.save()


def on_workflow_assigned(sender, instance, created=False, raw=False, **kwargs):
    if not raw:
        mirror_to_translations(instance)


def on_translation_copied(sender, source_obj, target_obj, **kwargs):
    """A page copied into another language's tree is moderated like its original."""
    if not isinstance(target_obj, Page) or not isinstance(source_obj, Page):
        return
    own = WorkflowPage.objects.filter(page=source_obj).select_related("workflow").first()
    workflow = own.workflow if own else source_obj.get_workflow()
    if workflow is not None and target_obj.get_workflow() != workflow:
        # bulk_create sends no post_save: the original keeps inheriting its workflow
        # instead of getting an assignment of its own mirrored back.
        WorkflowPage.objects.filter(page=target_obj).delete()
        WorkflowPage.objects.bulk_create([WorkflowPage(page=target_obj, workflow=workflow)])


def connect():
    from django.db.models.signals import post_save
    from wagtail.signals import copy_for_translation_done

    post_save.connect(on_workflow_assigned, sender=WorkflowPage,
                      dispatch_uid="editorial-board-mirror-workflow")
    copy_for_translation_done.connect(on_translation_copied,
                                      dispatch_uid="editorial-board-translation-workflow")
