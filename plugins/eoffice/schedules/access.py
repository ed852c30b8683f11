"""Who drafts, approves and reads which schedule (seed 004 Đ7.1).

- The agency's leaders' schedule (no unit) is drafted by the office: the agency's clerks and
  the people of its office unit (a unit whose symbol is one of
  ``EOFFICE_SCHEDULES_OFFICE_SYMBOLS``, "VP" by default: Văn phòng), and approved by an
  agency leader.
- A unit's schedule is drafted by the unit's people or a clerk, and approved by the unit's
  leader or an agency leader.
- Everyone of the agency reads every published schedule of it, and the drafts they may act
  on; nobody of another agency sees anything.
"""

from django.conf import settings
from django.db.models import Q

from plugins.core.memberships import memberships_of
from plugins.core.models import Role, Unit
from plugins.core.scoping import agency_ids_for_user

DEFAULT_OFFICE_SYMBOLS = ("VP",)


def office_symbols():
    return tuple(getattr(settings, "EOFFICE_SCHEDULES_OFFICE_SYMBOLS", DEFAULT_OFFICE_SYMBOLS))


class Rights:
    """What one user may do: their roles and positions (read once per request by the core),
    then asked per record."""

    def __init__(self, user):
        self.user = user
        self.superuser = bool(user.is_active and user.is_superuser)
        self.roles = set()
        self.units = set()
        self.led_units = set()
        self.office_agencies = set()
        if not user.is_authenticated or not user.is_active or self.superuser:
            return
        held = memberships_of(user)
        self.roles = set(held.roles)
        self.units = set(held.unit_ids)
        self.led_units = set(held.led_unit_ids)
        self.office_agencies = {seat.agency_id for seat in held.seats
                                if seat.unit_symbol in office_symbols()}

    def has_role(self, agency_id, role):
        return (agency_id, role) in self.roles

    def may_draft(self, agency_id, unit_id):
        if self.superuser:
            return True
        if self.has_role(agency_id, Role.CLERK):
            return True
        if unit_id is None:
            return agency_id in self.office_agencies
        return unit_id in self.units

    def may_approve(self, agency_id, unit_id):
        if self.superuser:
            return True
        if self.has_role(agency_id, Role.AGENCY_LEADER):
            return True
        return unit_id is not None and unit_id in self.led_units

    def may_draft_record(self, record):
        return self.may_draft(record.agency_id, record.unit_id)

    def may_approve_record(self, record):
        return self.may_approve(record.agency_id, record.unit_id)

    def schedules_to_draft(self):
        """``[(agency_id, unit_id or None)]`` the user may draft, for the week view's choice."""
        return [key for key in schedule_choices(self.user)
                if self.may_draft(*key)]


def rights(user):
    """The user's rights, cached on the user object for the request."""
    cached = getattr(user, "_eoffice_schedule_rights", None)
    if cached is None:
        cached = Rights(user)
        user._eoffice_schedule_rights = cached
    return cached


def visible(user, queryset):
    """``queryset`` (entries or plans) narrowed to what ``user`` may see: published records
    of the user's agencies, and unpublished ones the user may draft or approve."""
    ids = agency_ids_for_user(user)
    if ids is not None:
        queryset = queryset.filter(agency_id__in=ids)
    me = rights(user)
    if me.superuser:
        return queryset
    mine = Q(state="published") | Q(drafted_by=user)
    drafting = {agency for agency, role in me.roles if role == Role.CLERK}
    approving = {agency for agency, role in me.roles if role == Role.AGENCY_LEADER}
    mine |= Q(agency_id__in=drafting | approving)
    mine |= Q(unit__isnull=True, agency_id__in=me.office_agencies)
    mine |= Q(unit_id__in=me.units)
    return queryset.filter(mine)


def schedule_choices(user):
    """Every schedule (``(agency_id, unit_id or None)``) of the user's agencies."""
    ids = agency_ids_for_user(user)
    units = Unit.objects.all() if ids is None else Unit.objects.filter(agency_id__in=ids)
    from plugins.core.models import Agency

    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    keys = [(agency_id, None) for agency_id in agencies.order_by("name").values_list(
        "pk", flat=True)]
    keys += list(units.order_by("agency_id", "sort_order", "name").values_list(
        "agency_id", "pk"))
    return keys
