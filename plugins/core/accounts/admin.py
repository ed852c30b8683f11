"""Wagtail's user screens, limited to the users an administrator manages (R-EO-1, R-SEC-2).

The site installs :class:`plugins.core.wagtail_users.UsersAppConfig` in place of
``wagtail.users``; its ``user_viewset`` is :class:`AgencyUserViewSet`. Every screen that
lists or opens users (list, add, edit, delete, history, usage, bulk actions; no copy) goes through
:func:`plugins.core.accounts.scope.users_managed_by`: another agency's user, or a
superuser, is not found.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.ui.menus import MenuItem
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from plugins.core.accounts.forms import AgencyUserCreationForm, AgencyUserEditForm
from plugins.core.accounts.scope import (
    administered_agency_ids,
    assignable_groups,
    can_manage,
    users_managed_by,
)
from plugins.core.models import AccountReport


def _limit_to_managed(queryset, actor):
    if administered_agency_ids(actor) is None:
        return queryset
    return queryset.filter(pk__in=users_managed_by(actor).values("pk"))


class ManagedUserMixin:
    """One user's screens: another agency's user (or a superuser) is not found."""

    def get_object(self, *args, **kwargs):
        user = super().get_object(*args, **kwargs)
        if not can_manage(self.request.user, user):
            raise Http404
        return user


class FormForActorMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class AgencyUserFilterSet(wagtail_users.UserFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["group"].queryset = assignable_groups(request.user)


class IndexView(wagtail_users.IndexView):
    def get_base_queryset(self):
        users = _limit_to_managed(super().get_base_queryset(), self.request.user)
        return users.annotate(
            core_locked=Exists(
                AccountReport.objects.filter(user=OuterRef("pk"), resolved_at__isnull=True)
            ),
            core_two_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"))),
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if getattr(instance, "core_locked", False):
            buttons.append(MenuItem(
                _("Unlock account"), url=reverse("core_account_unlock", args=[instance.pk]),
                icon_name="lock-open", priority=30,
            ))
        if getattr(instance, "core_two_factor", False):
            buttons.append(MenuItem(
                _("Reset two-factor sign-in"),
                url=reverse("core_two_factor_reset", args=[instance.pk]),
                icon_name="key", priority=40,
            ))
        return buttons


class CreateView(FormForActorMixin, wagtail_users.CreateView):
    pass


class EditView(FormForActorMixin, ManagedUserMixin, wagtail_users.EditView):
    pass


class DeleteView(ManagedUserMixin, wagtail_users.DeleteView):
    pass


class HistoryView(ManagedUserMixin, wagtail_users.HistoryView):
    pass


class UsageView(ManagedUserMixin, wagtail_users.UserViewSet.usage_view_class):
    pass


class AgencyUserViewSet(wagtail_users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    filterset_class = AgencyUserFilterSet
    create_template_name = "core/admin/users/create.html"
    # One account per person (R-EO-1): no "copy" of someone's account, with their data.
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return AgencyUserEditForm if for_update else AgencyUserCreationForm


class ManagedUsersBulkMixin:
    """A bulk action touches only the users the administrator manages."""

    @cached_property
    def _managed_ids(self):
        actor = self.request.user
        if administered_agency_ids(actor) is None:
            return None
        return set(users_managed_by(actor).values_list("pk", flat=True))

    def check_perm(self, obj):
        managed = self._managed_ids
        return super().check_perm(obj) and (managed is None or obj.pk in managed)


class AgencyAssignRoleBulkAction(ManagedUsersBulkMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user)
        return form


class AgencyDeleteBulkAction(ManagedUsersBulkMixin, DeleteBulkAction):
    pass


class AgencySetActiveStateBulkAction(ManagedUsersBulkMixin, SetActiveStateBulkAction):
    pass


BULK_ACTIONS = (AgencyAssignRoleBulkAction, AgencyDeleteBulkAction,
                AgencySetActiveStateBulkAction)
