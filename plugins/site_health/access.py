"""Who may open the site's health reports: the agency's IT administrator and its leaders
(R-SITE-8, 002 Đ10.1 and Đ13.2: the IT centre keeps the site running and reviews it every
year with the editorial board, under the agency's leadership). Other agencies' staff see
nothing of it."""

from django.core.exceptions import PermissionDenied

from plugins.core.memberships import memberships_of
from plugins.core.models import Role

REPORT_ROLES = (Role.IT_ADMIN, Role.AGENCY_LEADER)


def report_agency_ids(user):
    """The agencies whose reports ``user`` may read; None means every agency (a
    superuser)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    held = memberships_of(user)
    return frozenset().union(*(held.role_agency_ids(role) for role in REPORT_ROLES))


def may_open_reports(user):
    ids = report_agency_ids(user)
    return ids is None or bool(ids)


def require_reports(user):
    """The agencies of :func:`report_agency_ids`, or PermissionDenied when there are none."""
    ids = report_agency_ids(user)
    if ids is not None and not ids:
        raise PermissionDenied
    return ids
