"""Who must sign in with a second factor: a registry that plugins extend."""

from django.conf import settings

from plugins.core.memberships import memberships_of
from plugins.core.models import Role

_roles = set()
_checks = []


def require_for_role(role):
    """Require a second factor of everyone holding ``role`` in any agency."""
    _roles.add(Role(role))


def register_requirement(check):
    """Require a second factor of every user for whom ``check(user)`` is true.

    Usable as a decorator; ``check`` runs on each admin request of a signed-in user not
    yet verified, so keep it to one small query.
    """
    if check not in _checks:
        _checks.append(check)
    return check


def enforced():
    """Whether the site requires the second factor (``PORTAL_TWO_FACTOR_REQUIRED``)."""
    return bool(getattr(settings, "PORTAL_TWO_FACTOR_REQUIRED", True))


def is_required(user):
    """Whether ``user`` must sign in with a second factor (whatever the setting says)."""
    if not user or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if any(role in _roles for _agency, role in memberships_of(user).roles):
        return True
    return any(check(user) for check in _checks)


# Those who publish (agency leaders) and administer (IT administrators, superusers).
require_for_role(Role.AGENCY_LEADER)
require_for_role(Role.IT_ADMIN)
