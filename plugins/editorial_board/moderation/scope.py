"""Which pages the editorial board moderates: those under a workflow with its steps."""

from wagtail.models import Task

from plugins.editorial_board.models import EditorialMetadataMixin


def editorial_task_ids():
    from plugins.editorial_board.moderation.models.tasks import EDITORIAL_TASK_MODELS

    return Task.objects.filter(
        content_type__model__in=[model._meta.model_name for model in EDITORIAL_TASK_MODELS],
        content_type__app_label="editorial_board",
    ).values("pk")


def has_editorial_workflow(page):
    workflow = page.get_workflow()
    return workflow is not None and workflow.workflow_tasks.filter(
        task__in=editorial_task_ids()
    ).exists()


def in_scope(page):
    """Pages the board tracks: under an editorial workflow, or with the metadata mixin."""
    return isinstance(page.specific, EditorialMetadataMixin) or has_editorial_workflow(page)
