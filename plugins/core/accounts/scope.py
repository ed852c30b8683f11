"""Which users an administrator manages in the Wagtail admin (R-EO-1, R-SEC-2).

A user belongs to an agency through one of the agency's role groups or a position in one
of its units, as :func:`plugins.core.scoping.agency_ids_for_user` reads it. An IT
administrator (``Role.IT_ADMIN`` of an agency) manages the users who belong to the
agencies it administers **and to no other**: a person who also works for another agency
is that agency's too, and only a superuser edits them. Nobody but a superuser sees or
edits a superuser. A superuser manages everyone.

An IT administrator assigns only its own agencies' role groups; a user it creates must
get at least one of them, which is how the new user joins the agency.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q

from plugins.core.memberships import memberships_of
from plugins.core.models import Position, Role


def administered_agency_ids(actor):
    """Ids of the agencies whose users ``actor`` manages; ``None`` means every agency."""
    if not actor or not actor.is_authenticated or not actor.is_active:
        return frozenset()
    if actor.is_superuser:
        return None
    return memberships_of(actor).role_agency_ids(Role.IT_ADMIN)


def _members(agency_ids, inside=True):
    """Ids of the users with a role group or a position in (or outside) ``agency_ids``."""
    memberships = get_user_model().groups.through.objects.filter(
        group__agency_role__isnull=False
    )
    positions = Position.objects.all()
    if inside:
        memberships = memberships.filter(group__agency_role__agency_id__in=agency_ids)
        positions = positions.filter(unit__agency_id__in=agency_ids)
    else:
        memberships = memberships.exclude(group__agency_role__agency_id__in=agency_ids)
        positions = positions.exclude(unit__agency_id__in=agency_ids)
    return memberships.values("user_id"), positions.values("user_id")


def users_managed_by(actor):
    """The users ``actor`` may list, open and change in the admin."""
    users = get_user_model()._default_manager.all()
    agency_ids = administered_agency_ids(actor)
    if agency_ids is None:
        return users
    if not agency_ids:
        return users.none()
    in_role, in_position = _members(agency_ids, inside=True)
    out_role, out_position = _members(agency_ids, inside=False)
    return (
        users.filter(is_superuser=False)
        .filter(Q(pk__in=in_role) | Q(pk__in=in_position))
        .exclude(pk__in=out_role)
        .exclude(pk__in=out_position)
    )


def can_manage(actor, user):
    """Whether ``actor`` may open and change ``user`` in the admin."""
    if user is None or user.pk is None:
        return False
    return users_managed_by(actor).filter(pk=user.pk).exists()


def assignable_groups(actor):
    """The groups ``actor`` may give or take away: its agencies' role groups (all for a
    superuser)."""
    agency_ids = administered_agency_ids(actor)
    if agency_ids is None:
        return Group.objects.all()
    return Group.objects.filter(agency_role__agency_id__in=agency_ids)


def can_manage_users(actor):
    """Whether ``actor`` manages any users at all (a superuser or an IT administrator)."""
    agency_ids = administered_agency_ids(actor)
    return agency_ids is None or bool(agency_ids)
