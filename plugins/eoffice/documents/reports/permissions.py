"""Who sees the registers' reports and the statistics (R-EO-9).

- The agency's clerks, its director (agency leader) and its IT administrators print and
  export its ordinary registers and see its statistics; a secret register's report
  (metadata only) is for the clerks and the director, not the IT administrators.
- A unit's leader sees the statistics of the units they lead, nothing else.
- Nobody sees another agency's: every register comes from core's scoping first.
"""

from plugins.core.models import AgencyRole, Role
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import Register

WHOLE_AGENCY = None  # a statistics scope: every unit of the agency
KEEPER_ROLES = (Role.CLERK, Role.AGENCY_LEADER, Role.IT_ADMIN)


def _role_ids(user, role):
    """:func:`access.role_agency_ids`, but the first role missing from the request's cache
    loads every role of the user in one query (the menu asks on every admin page)."""
    cache = user.__dict__.setdefault(access._ROLE_CACHE, {})
    if role not in cache and user.is_authenticated and user.is_active:
        found = {value: set() for value in Role.values}
        for agency_id, held in AgencyRole.objects.filter(group__user=user).values_list(
                "agency_id", "role"):
            found.setdefault(held, set()).add(agency_id)
        for value, ids in found.items():
            cache.setdefault(value, frozenset(ids))
    return access.role_agency_ids(user, role)


def _cached_hit(user, roles):
    cache = user.__dict__.get(access._ROLE_CACHE, {})
    return any(cache.get(role) for role in roles)


def keeper_agency_ids(user):
    """Agencies whose registers ``user`` may print: clerk, director or IT administrator
    (``None``: every agency, for a superuser)."""
    if user.is_superuser:
        return None
    return frozenset().union(*(_role_ids(user, role) for role in KEEPER_ROLES))


def secret_agency_ids(user):
    """Agencies whose secret registers ``user`` may print: clerk or director."""
    if user.is_superuser:
        return None
    return _role_ids(user, Role.CLERK) | _role_ids(user, Role.AGENCY_LEADER)


def registers_for(user):
    """The registers whose reports ``user`` may see."""
    from django.db.models import Q

    registers = Register.objects.visible_to(user)
    keepers, secret = keeper_agency_ids(user), secret_agency_ids(user)
    if keepers is None:
        return registers
    return registers.filter(Q(agency_id__in=keepers, is_secret=False)
                            | Q(agency_id__in=secret, is_secret=True))


def may_see_registers(user):
    if user.is_superuser or _cached_hit(user, KEEPER_ROLES):
        return True  # no query when the request already knows a role
    return bool(keeper_agency_ids(user))


def statistics_scope(user):
    """``{agency id: WHOLE_AGENCY or frozenset of unit ids}``: whose statistics ``user``
    sees; ``None`` for a superuser (every agency, whole)."""
    if user.is_superuser:
        return None
    visible = agency_ids_for_user(user) or frozenset()
    scope = {agency_id: WHOLE_AGENCY for agency_id in keeper_agency_ids(user) & visible}
    led = access.led_unit_ids(user)
    if led:
        from plugins.core.models import Unit

        for unit_id, agency_id in Unit.objects.filter(pk__in=led).values_list("pk",
                                                                             "agency_id"):
            if agency_id in scope and scope[agency_id] is WHOLE_AGENCY:
                continue
            scope[agency_id] = scope.get(agency_id, frozenset()) | {unit_id}
    return scope


def may_see_statistics(user):
    """Cheaper than :func:`statistics_scope`: a keeper role, or leading a unit."""
    return may_see_registers(user) or bool(access.led_unit_ids(user))
