"""Who is who in the editorial boards: one place for every "may this person act?" question.

Answers are cached on the user object for the request, so a listing that asks about many
pages costs a fixed number of queries.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from plugins.core.memberships import forget_memberships, memberships_of
from plugins.core.models import Position
from plugins.editorial_board.models import BoardMember, BoardRole, Delegation

_CACHE_ATTR = "_editorial_board_roles"


def _roles(user):
    """{agency id: set of board roles} for ``user`` (cached on the user)."""
    if not user or not user.is_authenticated:
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = {}
        rows = BoardMember.objects.filter(position__user=user).values_list(
            "board__agency_id", "role"
        )
        for agency_id, role in rows:
            cached.setdefault(agency_id, set()).add(role)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget(user):
    for attr in (_CACHE_ATTR, "_editorial_acting", "_editorial_overseen"):
        if hasattr(user, attr):
            delattr(user, attr)
    forget_memberships(user)


def member_agency_ids(user):
    """Agencies whose board ``user`` sits on (any role)."""
    return set(_roles(user))


def is_member(user, agency_id):
    return agency_id in _roles(user)


def acting_chief_agency_ids(user, at=None):
    """Agencies where ``user`` is the chief, or a deputy inside an active delegation (R-ED-3)."""
    if not user or not user.is_authenticated:
        return set()
    key = (at or "now")
    cache = getattr(user, "_editorial_acting", {})
    if key not in cache:
        roles = _roles(user)
        agencies = {agency for agency, kinds in roles.items() if BoardRole.CHIEF in kinds}
        deputy_of = {agency for agency, kinds in roles.items() if BoardRole.DEPUTY in kinds}
        if deputy_of:
            agencies |= set(
                Delegation.objects.active(at).filter(
                    deputy=user, board__agency_id__in=deputy_of
                ).values_list("board__agency_id", flat=True)
            )
        cache[key] = agencies
        user._editorial_acting = cache
    return cache[key]


def led_unit_ids(user):
    """Units ``user`` leads (head or deputy head, from core positions)."""
    return set(memberships_of(user).led_unit_ids)


def members(agency_id, roles=None):
    """The users on the agency's board (optionally only some roles)."""
    rows = BoardMember.objects.filter(board__agency_id=agency_id)
    if roles:
        rows = rows.filter(role__in=roles)
    return get_user_model().objects.filter(
        pk__in=rows.values("position__user_id"), is_active=True
    )


def acting_chiefs(agency_id, at=None):
    """The chief and any deputy delegated at ``at``: who may verify and publish."""
    at = at or timezone.now()
    chief = BoardMember.objects.filter(board__agency_id=agency_id, role=BoardRole.CHIEF)
    delegated = Delegation.objects.active(at).filter(board__agency_id=agency_id)
    return get_user_model().objects.filter(is_active=True).filter(
        pk__in=chief.values("position__user_id")
    ) | get_user_model().objects.filter(is_active=True, pk__in=delegated.values("deputy_id"))


def unit_leaders(unit_id):
    return get_user_model().objects.filter(
        is_active=True, positions__unit_id=unit_id, positions__is_leader=True
    ).distinct()


def unit_of(user, agency_id):
    """The unit ``user`` works in at the agency (their first position there), or None."""
    position = (
        Position.objects.filter(user=user, unit__agency_id=agency_id)
        .order_by("-is_leader", "sort_order", "pk").select_related("unit").first()
    )
    return position.unit if position else None


def overseen_agency_ids(user):
    """Agencies whose royalties and flagged content ``user`` oversees: those whose board
    they sit on and those they lead (core's agency-leader role). ``None``: every agency."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    cached = getattr(user, "_editorial_overseen", None)
    if cached is None:
        from plugins.core.models import Role

        cached = (frozenset(member_agency_ids(user))
                  | memberships_of(user).role_agency_ids(Role.AGENCY_LEADER))
        user._editorial_overseen = cached
    return cached
