"""Who sees and does what in the exchange: an agency's clerks handle what it receives and
sends; its leaders see it; its IT administrators keep its keys; superusers keep the organ
directory. Nobody sees another agency's envelopes."""

from plugins.core.models import Role
from plugins.eoffice.documents import access


def viewer_agency_ids(user):
    """The agencies whose envelopes ``user`` sees; None for every agency (superuser)."""
    if user.is_superuser:
        return None
    return access.role_agency_ids(user, Role.CLERK) | access.role_agency_ids(
        user, Role.AGENCY_LEADER)


def clerk_agency_ids(user):
    return None if user.is_superuser else access.role_agency_ids(user, Role.CLERK)


def key_agency_ids(user):
    """The agencies whose exchange keys ``user`` keeps (IT administrators)."""
    return None if user.is_superuser else access.held_role_agency_ids(user, Role.IT_ADMIN)


def scoped(queryset, ids):
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def may_see(user, envelope):
    ids = viewer_agency_ids(user)
    return ids is None or envelope.agency_id in ids
