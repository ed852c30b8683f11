"""Who sees the registers' reports and the statistics (R-EO-9).

- The agency's clerks, its director (agency leader) and its IT administrators print and
  export its ordinary registers and see its statistics; a secret register's report
  (metadata only) is for the clerks and the director, not the IT administrators.
- A unit's leader sees the statistics of the units they lead, nothing else.
- Nobody sees another agency's: every register comes from core's scoping first.
"""

from plugins.core.models import Role
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import Register

WHOLE_AGENCY = None  # a statistics scope: every unit of the agency
KEEPER_ROLES = (Role.CLERK, Role.AGENCY_LEADER, Role.IT_ADMIN)


def keeper_agency_ids(user):
    """Agencies whose registers ``user`` may print: clerk, director or IT administrator
    (``None``: every agency, for a superuser)."""
    if user.is_superuser:
        return None
    return frozenset().union(*(access.role_agency_ids(user, role) for role in KEEPER_ROLES))


def secret_agency_ids(user):
    """Agencies whose secret registers ``user`` may print: clerk or director."""
    if user.is_superuser:
        return None
    return (access.role_agency_ids(user, Role.CLERK)
            | access.role_agency_ids(user, Role.AGENCY_LEADER))


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
    return user.is_superuser or bool(keeper_agency_ids(user))


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
