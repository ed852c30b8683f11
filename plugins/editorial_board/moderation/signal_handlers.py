"""Reacting to moderation through Wagtail's signals (docs/architecture.md "Moderation")."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Revision, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from plugins.editorial_board.models import (
    DeadlineRule,
    EditorialRecord,
    EditorialTaskState,
    TrustedSource,
)
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.moderation.models.tasks import (
    BoardReviewTask,
    ChiefApprovalTask,
    UnitLeaderApprovalTask,
)
from plugins.editorial_board.notifications import notify


def _display(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def reviewers(state):
    """Who can act on ``state`` now (the submitter left out at the board steps)."""
    task = state.task.specific
    if isinstance(task, UnitLeaderApprovalTask):
        return list(who.unit_leaders(state.unit_id)) if state.unit_id else []
    if isinstance(task, BoardReviewTask):
        users = who.members(state.agency_id)
    elif isinstance(task, ChiefApprovalTask):
        users = who.acting_chiefs(state.agency_id)
    else:
        return []
    return [user for user in users if user.pk != state.workflow_state.requested_by_id]


@receiver(task_submitted, sender=EditorialTaskState)
def on_task_submitted(sender, instance, user=None, **kwargs):
    if instance.status != instance.STATUS_IN_PROGRESS:
        return
    page = instance.workflow_state.content_object.specific
    notify(reviewers(instance), "task_submitted", {
        "page": page, "task": instance.task,
        "submitter": _display(instance.workflow_state.requested_by),
    }, exclude=[user])


@receiver(workflow_rejected, sender=WorkflowState)
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """The authors get the reasons too (Wagtail itself writes to the submitter)."""
    from plugins.editorial_board.models import EditorialRecord

    state = instance.current_task_state.specific
    if not isinstance(state, EditorialTaskState):
        return
    record = EditorialRecord.objects.filter(page_id=instance.object_id).first()
    if record is None:
        return
    page = instance.content_object.specific
    notify(record.authors.all(), "rejected", {
        "page": page, "task": state.task, "comment": state.comment,
        "reviewer": _display(user) or str(_automatic_check()),
    }, exclude=[user, instance.requested_by])


def _automatic_check():
    from django.utils.translation import gettext_lazy as _

    return _("the automatic check")


@receiver(page_published)
def on_page_published(sender, instance, revision=None, **kwargs):
    """First publication, counted as direct until workflow_approved says otherwise."""
    from plugins.editorial_board.moderation import records, scope

    if scope.in_scope(instance):
        # Wagtail logs the publication after this signal: the publisher of a direct
        # publication is the one who saved the revision (the edit view does both).
        record = records.record_publication(instance, revision.user if revision else None,
                                            via_workflow=False)
        from plugins.editorial_board.royalties import services as royalties

        royalties.record_publication(instance, record)


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    """R-ED-11: an item taken down before its month is closed earns nothing."""
    from plugins.editorial_board.royalties import services as royalties

    royalties.void_for_unpublished(instance)


@receiver(workflow_approved, sender=WorkflowState)
def on_workflow_approved(sender, instance, user=None, **kwargs):
    """The workflow's last approval published the page: not a direct publication."""
    from plugins.editorial_board.models import EditorialRecord

    EditorialRecord.objects.filter(
        page_id=instance.object_id, published_directly=True,
        published_at__gte=instance.created_at,
    ).update(published_directly=False, published_by=user)


@receiver(post_save, sender=Revision)
def on_revision_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new draft may change the event date or kind: bring the record and its due up to date."""
    from wagtail.models import Page

    from plugins.editorial_board.moderation import records, scope

    if raw or not created or instance.base_content_type_id != _page_content_type_id():
        return
    page = Page.objects.filter(pk=instance.object_id).first()
    if page is not None and scope.in_scope(page):
        records.sync(page)
        from plugins.editorial_board.checks import services as checks

        checks.scan(page, instance.as_object())  # R-ED-14: flags for the board


def _page_content_type_id():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page).pk


# What changes an item's trust or its due time is saved here, so that the checks the admin
# makes while it draws its menus (publishing.is_trusted) only read.

@receiver(post_save, sender=EditorialRecord)
def on_record_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A source set on the record (by an editor) that names a trusted source trusts it."""
    from plugins.editorial_board.moderation import records

    if raw or instance.trusted_source_id is not None or (
        update_fields is not None and "source" not in update_fields
    ):
        return
    source = records.trusted_source_for(instance)
    if source is not None:
        EditorialRecord.objects.filter(pk=instance.pk).update(trusted_source=source)
        instance.trusted_source = source


@receiver(post_save, sender=TrustedSource)
def on_trusted_source_saved(sender, instance, raw=False, **kwargs):
    """A new (or newly active) trusted source trusts the agency's items that name it."""
    if raw or not instance.active:
        return
    waiting = (EditorialRecord.objects.filter(agency_id=instance.agency_id,
                                              trusted_source__isnull=True)
               .exclude(source="").only("pk", "source"))
    named = [record.pk for record in waiting if instance.matches(record.source)]
    if named:
        EditorialRecord.objects.filter(pk__in=named).update(trusted_source=instance)


@receiver(post_save, sender=DeadlineRule)
@receiver(post_delete, sender=DeadlineRule)
def on_deadline_rule_changed(sender, instance, raw=False, **kwargs):
    """The agency's unpublished items of that kind get their due time and reminders anew."""
    from plugins.editorial_board.moderation import deadlines

    if raw:
        return
    waiting = EditorialRecord.objects.filter(agency_id=instance.agency_id, kind=instance.kind,
                                             published_at__isnull=True).select_related("agency")
    for record in waiting:
        deadlines.arm(record)
