"""The three steps of R-ED-2 as Wagtail Task types (docs/architecture.md "Moderation").

1. :class:`UnitLeaderApprovalTask` — only a leader of the item's unit may act;
2. :class:`BoardReviewTask` — any board member may edit and pass it on;
3. :class:`ChiefApprovalTask` — the chief, or a deputy inside a delegation window (R-ED-3),
   verifies; approving the last step publishes the page (Wagtail's own finish action).

Each started step is an :class:`EditorialTaskState` that remembers the agency and unit it
belongs to, so "what may this person moderate?" is one indexed query. A reviewer who asks
for changes must give the reason (R-ED-4); the person who submitted the item, and its
authors, can never act on it at the board steps.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Task, TaskState
from wagtail.signals import task_submitted

from plugins.editorial_board.moderation import board as who


class EditorialTaskState(TaskState):
    agency = models.ForeignKey("core.Agency", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+")
    unit = models.ForeignKey("core.Unit", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")

    class Meta:
        verbose_name = _("editorial task state")
        verbose_name_plural = _("editorial task states")


class ReasonForm(TaskStateCommentForm):
    """Asking for changes needs the reasons, which go back to the author (R-ED-4)."""

    comment = forms.CharField(
        label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What must be fixed: the author sees this and resubmits."),
    )


def _involved(state, user):
    """Whether ``user`` submitted the item or is one of its staff authors."""
    if state.workflow_state.requested_by_id == user.pk:
        return True
    from plugins.editorial_board.models import EditorialRecord

    return EditorialRecord.objects.filter(
        page_id=state.workflow_state.object_id, authors=user
    ).exists()


class EditorialTask(Task):
    task_state_class = EditorialTaskState
    approve_label = _("Approve")
    #: The submitter and the authors may not act on their own item at this step.
    excludes_involved = True

    class Meta:
        abstract = True

    def start(self, workflow_state, user=None):
        from plugins.editorial_board.moderation import records

        page = workflow_state.content_object.specific
        record = records.sync(page, submitted_by=workflow_state.requested_by)
        state = EditorialTaskState(
            workflow_state=workflow_state, task=self, status=TaskState.STATUS_IN_PROGRESS,
            revision=page.get_latest_revision(), agency_id=record.agency_id,
            unit_id=record.unit_id,
        )
        state.save()
        task_submitted.send(sender=EditorialTaskState, instance=state, user=user)
        return state

    # --- who may act ------------------------------------------------------------------------

    def _current_state(self, obj):
        state = obj.current_workflow_task_state
        if state is None or state.task_id != self.pk or not isinstance(
            state, EditorialTaskState
        ):
            return None
        return state

    def may_act_on(self, state, user):
        """Whether ``user`` may approve or reject ``state`` (ignoring involvement)."""
        raise NotImplementedError

    def user_may_act(self, obj, user):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        state = self._current_state(obj)
        if state is None or not self.may_act_on(state, user):
            return False
        return not (self.excludes_involved and _involved(state, user))

    def moderated_states(self, user):
        """EditorialTaskState rows ``user`` may act on (before the involvement rule)."""
        raise NotImplementedError

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not user.is_active:
            return TaskState.objects.none()
        states = EditorialTaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS)
        if not user.is_superuser:
            states = self.moderated_states(user).filter(task=self,
                                                        status=TaskState.STATUS_IN_PROGRESS)
            if self.excludes_involved:
                states = states.exclude(workflow_state__requested_by=user)
        return TaskState.objects.filter(pk__in=states.values("pk"))

    def user_can_access_editor(self, obj, user):
        return self.user_may_act(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_may_act(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_may_act(obj, user)

    def get_actions(self, obj, user):
        if not self.user_may_act(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", self.approve_label, False),
            ("approve", _("%(action)s with comment") % {"action": self.approve_label}, True),
        ]

    def get_form_for_action(self, action):
        return ReasonForm if action == "reject" else TaskStateCommentForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name not in {name for name, *_ in self.get_actions(obj, user)}:
            raise PermissionDenied
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)


class UnitLeaderApprovalTask(EditorialTask):
    """Step 1: the leader of the item's unit approves the content first (R-ED-2)."""

    approve_label = _("Approve for the unit")
    excludes_involved = False

    class Meta:
        verbose_name = _("unit leader approval")
        verbose_name_plural = _("unit leader approvals")

    def start(self, workflow_state, user=None):
        state = super().start(workflow_state, user=user)
        if user is not None and state.unit_id in who.led_unit_ids(user):
            # The unit's leader submitted it: the unit's approval is given by submitting.
            state.approve(user=user, update=False,
                          comment=str(_("Submitted by the unit's leader.")))
        return state

    def may_act_on(self, state, user):
        return state.unit_id is not None and state.unit_id in who.led_unit_ids(user)

    def moderated_states(self, user):
        return EditorialTaskState.objects.filter(unit_id__in=who.led_unit_ids(user))

    @classmethod
    def get_description(cls):
        return _("Only a leader of the unit that supplies the item can approve it.")


class BoardReviewTask(EditorialTask):
    """Step 2: any board member edits the item and passes it on (R-ED-2)."""

    approve_label = _("Pass to the chief")

    class Meta:
        verbose_name = _("editorial board review")
        verbose_name_plural = _("editorial board reviews")

    def may_act_on(self, state, user):
        return who.is_member(user, state.agency_id)

    def moderated_states(self, user):
        return EditorialTaskState.objects.filter(agency_id__in=who.member_agency_ids(user))

    @classmethod
    def get_description(cls):
        return _("Any member of the agency's editorial board can edit the item and pass it on.")


class ChiefApprovalTask(EditorialTask):
    """Step 3: the chief (or a delegated deputy) verifies and publishes (R-ED-2, R-ED-3)."""

    approve_label = _("Verify and publish")

    class Meta:
        verbose_name = _("chief verification and publication")
        verbose_name_plural = _("chief verifications and publications")

    def may_act_on(self, state, user):
        return state.agency_id in who.acting_chief_agency_ids(user)

    def get_actions(self, obj, user):
        """While prohibited expressions are flagged (R-ED-14), the chief cannot simply
        approve: publishing needs an override whose reason is recorded on each flag."""
        from plugins.editorial_board.checks import services as checks

        actions = super().get_actions(obj, user)
        if not actions or not checks.has_open_flags(obj):
            return actions
        return [actions[0], ("approve_override",
                             _("Publish despite the flagged expressions"), True)]

    def get_form_for_action(self, action):
        return ReasonForm if action == "approve_override" else super().get_form_for_action(
            action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "approve_override":
            return super().on_action(task_state, user, action_name, **kwargs)
        from plugins.editorial_board.checks import services as checks

        obj = task_state.workflow_state.content_object
        if action_name not in {name for name, *_ in self.get_actions(obj, user)}:
            raise PermissionDenied
        comment = (kwargs.get("comment") or "").strip()
        if not comment:
            raise PermissionDenied
        checks.override(obj, user, comment)
        return super().on_action(task_state, user, "approve", comment=comment)

    def moderated_states(self, user):
        return EditorialTaskState.objects.filter(
            agency_id__in=who.acting_chief_agency_ids(user)
        )

    @classmethod
    def get_description(cls):
        return _("The chief of the editorial board, or a deputy while delegated, verifies "
                 "and publishes.")


EDITORIAL_TASK_MODELS = (UnitLeaderApprovalTask, BoardReviewTask, ChiefApprovalTask)
