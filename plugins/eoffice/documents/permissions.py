"""Who may use the generic admin views of the e-office's records (registered in
``AppConfig.ready``): documents change only through the services; registers are kept by
the agency's clerks and IT administrators; dossiers by their keeper or the unit's leader,
until closed; nothing is deleted."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from plugins.core.models import Role
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.documents import access


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records that change only through the services: no generic add, edit or delete."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(
            user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


def keeper_agency_ids(user):
    """Agencies whose registers ``user`` keeps (clerk or IT administrator); None: all."""
    if user.is_superuser:
        return None
    return access.role_agency_ids(user, Role.CLERK) | access.role_agency_ids(user, Role.IT_ADMIN)


class RegisterPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action == "delete":
            return False  # a register that numbered documents stays
        if action in ("add", "change"):
            ids = keeper_agency_ids(user)
            return ids is None or instance.agency_id in ids
        ids = agency_ids_for_user(user)
        return ids is None or instance.agency_id in ids

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)


class DossierPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" or not super().user_has_permission_for_instance(
                user, action, instance):
            return False
        if action == "change":
            from plugins.eoffice.documents.services.dossiers import may_manage

            return not instance.is_closed and may_manage(user, instance)
        return True


def register_policies():
    from wagtail.permissions import register_permission_policy

    from plugins.eoffice.documents.models import (
        IncomingDocument,
        OutgoingDocument,
        Register,
        WorkDossier,
    )

    register_permission_policy(IncomingDocument, ReadOnlyPolicy(IncomingDocument))
    register_permission_policy(OutgoingDocument, ReadOnlyPolicy(OutgoingDocument))
    register_permission_policy(Register, RegisterPolicy(Register))
    register_permission_policy(WorkDossier, DossierPolicy(WorkDossier))
