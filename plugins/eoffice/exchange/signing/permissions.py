"""Who manages what: the installation's trusted authorities are a superuser's matter; an
agency's signing certificate is its IT administrators' (and a superuser's). Nobody sees or
replaces another agency's certificate, whatever other role they hold there."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from plugins.core.models import Role

APP = "eoffice_exchange"


def it_admin_agency_ids(user):
    """The agencies whose IT administrator ``user`` is (``None``: every agency)."""
    from plugins.eoffice.documents.access import held_role_agency_ids

    if user.is_active and user.is_superuser:
        return None
    return held_role_agency_ids(user, Role.IT_ADMIN)


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class SigningCertificatePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        ids = it_admin_agency_ids(user)
        return ids is None or bool(ids)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        ids = it_admin_agency_ids(user)
        return ids is None or instance.agency_id in ids

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not any(self.user_has_permission(user, action) for action in actions):
            return queryset.none()
        ids = it_admin_agency_ids(user)
        return queryset if ids is None else queryset.filter(agency_id__in=ids)


def register():
    """Called from the app's ``ready``: policies and the IT administrator's permissions."""
    from wagtail.permissions import register_permission_policy

    from plugins.core.roles import grant
    from plugins.eoffice.exchange.signing.models import (
        AgencySigningCertificate,
        TrustedAuthority,
    )

    register_permission_policy(TrustedAuthority, SuperuserOnlyPolicy(TrustedAuthority))
    register_permission_policy(AgencySigningCertificate,
                               SigningCertificatePolicy(AgencySigningCertificate))
    grant(Role.IT_ADMIN, *(f"{APP}.{action}_agencysigningcertificate"
                           for action in ("view", "add", "change", "delete")))
