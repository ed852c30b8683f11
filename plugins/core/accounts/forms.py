"""Wagtail's user forms, for administrators limited to their agencies (R-EO-1, R-SEC-2).

- A password an administrator types for someone else is a one-time password: the user
  must change it at first login (a user setting their own password is not asked again).
- An IT administrator never sees the "Administrator" (superuser) box, and is offered only
  its own agencies' role groups; a user it creates must get at least one of them. Groups
  it cannot assign (another agency's, Wagtail's own) stay as they were.
"""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from plugins.core.accounts.scope import assignable_groups
from plugins.core.models import AccountSecurity


class AgencyUserFormMixin:
    #: Whether a user made with this form must get one of the administrator's roles.
    requires_role = False

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        self.restricted = for_user is not None and not for_user.is_superuser
        self._kept_groups = []
        if not self.restricted:
            return
        self.fields.pop("is_superuser", None)
        groups = self.fields["groups"]
        groups.queryset = assignable_groups(for_user).order_by("name")
        groups.help_text = _("The roles this person holds in your agency.")
        if self.requires_role:
            groups.required = True
            groups.error_messages = {
                **groups.error_messages,
                "required": _("Give the new user at least one role of your agency."),
            }
        if self.instance.pk:
            self._kept_groups = list(
                self.instance.groups.exclude(pk__in=groups.queryset).values_list("pk", flat=True)
            )

    def clean_groups(self):
        chosen = self.cleaned_data.get("groups")
        if not self.restricted:
            return chosen
        chosen_ids = [group.pk for group in chosen] if chosen is not None else []
        return Group.objects.filter(Q(pk__in=chosen_ids) | Q(pk__in=self._kept_groups))

    def save(self, commit=True):
        password_set = bool(self.cleaned_data.get("password1"))
        user = super().save(commit=commit)
        if commit and password_set and user != self.for_user:
            # R-EO-1: a password given by an administrator works once.
            AccountSecurity.require_change(user)
        return user


class AgencyUserCreationForm(AgencyUserFormMixin, UserCreationForm):
    requires_role = True


class AgencyUserEditForm(AgencyUserFormMixin, UserEditForm):
    pass
