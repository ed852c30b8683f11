"""What one person holds in the agencies: their role groups and their positions.

The one place that reads them: two queries the first time a request asks, then kept on
the user object for the rest of the request (each request loads its own user). Every
plugin's permission checks, menus and lists ask here instead of querying
:class:`~plugins.core.models.AgencyRole` and :class:`~plugins.core.models.Position` again.
"""

from dataclasses import dataclass

_CACHE_ATTR = "_core_memberships"


@dataclass(frozen=True)
class Seat:
    """One position of the person: in a unit of an agency, as its leader or not."""

    unit_id: int
    agency_id: int
    is_leader: bool
    unit_symbol: str


@dataclass(frozen=True)
class Memberships:
    roles: frozenset  # of (agency id, role value)
    seats: tuple  # of Seat

    def has_role(self, agency_id, role):
        return (agency_id, role) in self.roles

    def role_agency_ids(self, role):
        """The agencies where the person holds ``role`` through its group."""
        return frozenset(agency_id for agency_id, held in self.roles if held == role)

    @property
    def agency_ids(self):
        """The agencies the person works for: a role group or a position in them."""
        return frozenset({agency_id for agency_id, _ in self.roles}
                         | {seat.agency_id for seat in self.seats})

    @property
    def unit_ids(self):
        return frozenset(seat.unit_id for seat in self.seats)

    @property
    def led_unit_ids(self):
        return frozenset(seat.unit_id for seat in self.seats if seat.is_leader)


NOBODY = Memberships(frozenset(), ())


def memberships_of(user):
    """The roles and positions of ``user`` (none for an anonymous or inactive one)."""
    if not user or not user.is_authenticated or not user.is_active:
        return NOBODY
    cached = user.__dict__.get(_CACHE_ATTR)
    if cached is None:
        from plugins.core.models import AgencyRole, Position

        roles = frozenset(AgencyRole.objects.filter(group__user=user).order_by()
                          .values_list("agency_id", "role"))
        seats = tuple(Seat(*row) for row in Position.objects.filter(user=user).order_by()
                      .values_list("unit_id", "unit__agency_id", "is_leader", "unit__symbol"))
        cached = Memberships(roles, seats)
        user.__dict__[_CACHE_ATTR] = cached
    return cached


def forget_memberships(user):
    """Drop what was read for ``user``, after their groups or positions changed."""
    user.__dict__.pop(_CACHE_ATTR, None)
