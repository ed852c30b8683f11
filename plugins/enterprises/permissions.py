"""Who keeps the enterprise directory (R-SEC-2; seed 001 Đ12.2: the business registration
office keeps the portal's enterprise data).

Everyone of the agency reads the records in the admin; those who write the agency's site
(its leader, the IT administrator, unit leaders and specialists: the roles that edit pages)
add and change them, and the IT administrator and the agency leader delete them. Model
permissions come from the role groups (``plugins.core.roles.grant``); this policy adds the
per-agency check model permissions cannot make: a keeper of one agency who also works for a
second agency in another role only reads the second agency's enterprises. Another agency's
records are not even listed (agency scoping, core).
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from plugins.core.memberships import memberships_of
from plugins.core.models import Role
from plugins.core.scoping import agency_ids_for_user

KEEPERS = (Role.AGENCY_LEADER, Role.IT_ADMIN, Role.UNIT_LEADER, Role.SPECIALIST)
DELETERS = (Role.AGENCY_LEADER, Role.IT_ADMIN)
WRITE_ACTIONS = frozenset({"add", "change", "delete"})


def keeper_agency_ids(user, roles=KEEPERS):
    """The agencies whose enterprises ``user`` keeps; ``None`` means every agency."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    held = memberships_of(user)
    return frozenset().union(*(held.role_agency_ids(role) for role in roles))


def keeps(user, agency_id, roles=KEEPERS):
    ids = keeper_agency_ids(user, roles)
    return ids is None or agency_id in ids


class EnterprisePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per record to the keepers of the record's agency."""

    def _ids(self, user, action):
        if action in WRITE_ACTIONS:
            return keeper_agency_ids(user, DELETERS if action == "delete" else KEEPERS)
        return agency_ids_for_user(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        ids = self._ids(user, action)
        return ids is None or instance.agency_id in ids

    def instances_user_has_permission_for(self, user, action):
        queryset = super().instances_user_has_permission_for(user, action)
        ids = self._ids(user, action)
        return queryset if ids is None else queryset.filter(agency_id__in=ids)
