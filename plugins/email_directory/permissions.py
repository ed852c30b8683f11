"""Who may keep the directory (R-EM-5, R-SEC-2).

The IT unit sets up and keeps the electronic directory (seed 002 Đ15.4): only holders of
the agency's "IT administrator" role (and superusers) add, change or delete its entries,
mailboxes, naming policy and handovers. Every other role of the agency reads them; staff
of another agency see nothing of them (agency scoping, core). Model permissions come from
the role groups (``plugins.core.roles.grant``); this policy adds the per-agency check that
model permissions cannot make: an IT administrator of one agency who also works for a
second agency in another role only reads the second agency's directory.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from plugins.core.memberships import forget_memberships, memberships_of
from plugins.core.models import Role
from plugins.core.scoping import agency_ids_for_user

KEEPER_ROLE = Role.IT_ADMIN


def keeper_agency_ids(user):
    """The agencies whose directory ``user`` keeps; ``None`` means every agency."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    return memberships_of(user).role_agency_ids(KEEPER_ROLE)


def keeps(user, agency_id):
    """Whether ``user`` keeps the directory of the agency ``agency_id``."""
    ids = keeper_agency_ids(user)
    return ids is None or agency_id in ids


def forget(user):
    forget_memberships(user)


class DirectoryPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per record to the keepers of the record's agency."""

    WRITE_ACTIONS = frozenset({"add", "change", "delete"})

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        agency_id = self.agency_id(instance)
        if action in self.WRITE_ACTIONS:
            return keeps(user, agency_id)
        ids = agency_ids_for_user(user)
        return ids is None or agency_id in ids

    def instances_user_has_permission_for(self, user, action):
        queryset = super().instances_user_has_permission_for(user, action)
        ids = keeper_agency_ids(user) if action in self.WRITE_ACTIONS else agency_ids_for_user(user)
        if ids is None:
            return queryset
        lookup = getattr(self.model, "agency_lookup", "agency")
        return queryset.filter(**{f"{lookup}__in": ids})

    def agency_id(self, instance):
        lookup = getattr(self.model, "agency_lookup", "agency")
        if lookup == "agency":
            return instance.agency_id
        value = instance
        for part in lookup.split("__"):
            value = getattr(value, part)
        return value.pk


class HandoverPermissionPolicy(ModelPermissionPolicy):
    """Keepers of the agency, or (to record one) a leader of the mailbox's unit."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action == "view":
            ids = agency_ids_for_user(user)
            return ids is None or instance.mailbox.agency_id in ids
        if action == "add":
            from plugins.email_directory.handover import may_record

            return may_record(user, instance.mailbox)
        return keeps(user, instance.mailbox.agency_id) and instance.status == "pending"
