"""Who may do what with the notices (seed 004 Đ7.2, Đ7.4, Đ7.6–7.8), decided here only.

Announcements
- Made by an agency leader or a clerk (the office) of the agency, for the whole agency or
  chosen units; and by a unit's leader in the name of their unit, addressed to the units
  they lead (never the whole agency).
- Their author edits them (a draft or a published one) and withdraws them; an agency
  leader may withdraw any announcement of the agency.
- They are read by their audience (everyone of the agency, or the people of the units
  addressed) while published or expired (before the purge); drafts only by their author.
  Agency leaders see every announcement of their agency.
- Any reader may ask for one to be kept longer; its author or an agency leader decides.

Messages
- Every staff member of an agency writes to people and units of that agency, never
  another; a message is read by its sender and its recipients only.

Boards (party cell, trade union, youth union)
- Posts are written only by the board's committee and read only by its members (the
  committee are members too); nobody else sees the board, not even an agency leader or a
  superuser. An agency leader or IT administrator of the agency (or a superuser) chooses the
  committee and the members among the agency's staff.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from plugins.core.memberships import memberships_of
from plugins.core.models import Position, Role
from plugins.core.scoping import agency_ids_for_user

READABLE_STATES = ("published", "expired")


class Rights:
    """What one user may do: their roles and positions (read once per request by the core),
    then asked per record."""

    def __init__(self, user):
        self.user = user
        self.superuser = bool(user.is_active and user.is_superuser)
        self.roles = set()
        self.units = {}  # unit id → agency id
        self.led_units = set()
        self._boards = None
        if not user.is_authenticated or not user.is_active:
            return
        held = memberships_of(user)
        self.roles = set(held.roles)
        self.units = {seat.unit_id: seat.agency_id for seat in held.seats}
        self.led_units = set(held.led_unit_ids)

    def agencies(self):
        """The agencies the user works for (``None``: every agency, for a superuser)."""
        return agency_ids_for_user(self.user)

    def works_for(self, agency_id):
        ids = self.agencies()
        return ids is None or agency_id in ids

    def has_role(self, agency_id, role):
        return (agency_id, role) in self.roles

    def agencies_with(self, role):
        return {agency for agency, held in self.roles if held == role}

    # --- Announcements -------------------------------------------------------------------

    def announces_for_agency(self, agency_id):
        """Whether the user announces in the agency's name (to everyone or any unit)."""
        return self.superuser or self.has_role(agency_id, Role.AGENCY_LEADER) or self.has_role(
            agency_id, Role.CLERK)

    def led_units_of(self, agency_id):
        return {unit for unit in self.led_units if self.units.get(unit) == agency_id}

    def may_announce(self, agency_id):
        return self.announces_for_agency(agency_id) or bool(self.led_units_of(agency_id))

    def announcing_agencies(self):
        """The agencies the user may make announcements for (ids; all for a superuser)."""
        if self.superuser:
            return None
        return ({agency for agency, role in self.roles
                 if role in (Role.AGENCY_LEADER, Role.CLERK)}
                | {self.units[unit] for unit in self.led_units})

    def may_address(self, agency_id, issuing_unit_id, to_everyone, unit_ids):
        """Whether the user may publish to this audience in the name of this unit."""
        if self.announces_for_agency(agency_id):
            return True
        led = self.led_units_of(agency_id)
        return (issuing_unit_id in led and not to_everyone and bool(unit_ids)
                and set(unit_ids) <= led)

    def is_author(self, announcement):
        return announcement.author_id == self.user.pk

    def may_edit(self, announcement):
        return self.is_author(announcement) or self.superuser

    def may_withdraw(self, announcement):
        return self.may_edit(announcement) or self.has_role(announcement.agency_id,
                                                            Role.AGENCY_LEADER)

    def may_decide_extension(self, announcement):
        return self.may_withdraw(announcement)

    # --- Boards --------------------------------------------------------------------------

    def boards(self):
        """``{board id: is_committee}`` of the user's memberships (one query, on demand)."""
        if self._boards is None:
            from plugins.eoffice.notices.models import Membership

            self._boards = dict(Membership.objects.filter(user=self.user).values_list(
                "board_id", "is_committee")) if self.user.is_authenticated else {}
        return self._boards

    def reads_board(self, board):
        return board.pk in self.boards() and self.works_for(board.agency_id)

    def writes_board(self, board):
        return self.boards().get(board.pk) is True and self.works_for(board.agency_id)

    def manages_boards(self, agency_id):
        return self.superuser or self.has_role(agency_id, Role.AGENCY_LEADER) or self.has_role(
            agency_id, Role.IT_ADMIN)


def rights(user):
    """The user's rights, cached on the user object for the request."""
    cached = getattr(user, "_eoffice_notices_rights", None)
    if cached is None:
        cached = Rights(user)
        user._eoffice_notices_rights = cached
    return cached


def _in_agencies(user, queryset, lookup="agency_id__in"):
    ids = agency_ids_for_user(user)
    return queryset if ids is None else queryset.filter(**{lookup: ids})


def visible_announcements(user, queryset=None):
    """The announcements ``user`` may open (see the module's rules)."""
    from plugins.eoffice.notices.models import Announcement

    queryset = Announcement.objects.all() if queryset is None else queryset
    queryset = _in_agencies(user, queryset)
    me = rights(user)
    if me.superuser:
        return queryset
    audience = Announcement.audience_units.through.objects.filter(
        unit_id__in=list(me.units)).values("announcement_id")
    readable = Q(state__in=READABLE_STATES) & (Q(to_everyone=True) | Q(pk__in=audience))
    return queryset.filter(readable | Q(author=user)
                           | Q(agency_id__in=me.agencies_with(Role.AGENCY_LEADER)))


def current_for(user, now, queryset=None):
    """The board: announcements published for ``user`` and not yet expired."""
    return visible_announcements(user, queryset).filter(state="published", expires_at__gt=now)


def managed_announcements(user, queryset=None):
    """What the user made, and for an agency leader every announcement of the agency."""
    from plugins.eoffice.notices.models import Announcement

    queryset = _in_agencies(user, Announcement.objects.all() if queryset is None else queryset)
    me = rights(user)
    if me.superuser:
        return queryset
    return queryset.filter(Q(author=user)
                           | Q(agency_id__in=me.agencies_with(Role.AGENCY_LEADER)))


def extension_requests_to_decide(user):
    """Pending requests on announcements the user decides on."""
    from plugins.eoffice.notices.models import ExtensionRequest

    announcements = managed_announcements(user).values("pk")
    return ExtensionRequest.objects.filter(announcement__in=announcements)


def visible_messages(user, queryset=None):
    """Messages the user sent or received, of the user's agencies."""
    from plugins.eoffice.notices.models import Message, Receipt

    queryset = _in_agencies(user, Message.objects.all() if queryset is None else queryset)
    received = Receipt.objects.filter(user=user).values("message_id")
    return queryset.filter(Q(sender=user) | Q(pk__in=received))


def staff_of(agency_id):
    """The active people of one agency (a role group or a position in it)."""
    people = get_user_model()._default_manager.filter(is_active=True)
    by_role = get_user_model().groups.through.objects.filter(
        group__agency_role__agency_id=agency_id).values("user_id")
    by_position = Position.objects.filter(unit__agency_id=agency_id).values("user_id")
    return people.filter(Q(pk__in=by_role) | Q(pk__in=by_position))


def readable_boards(user, queryset=None):
    """The boards the user is a member of (committee included), in the user's agencies."""
    from plugins.eoffice.notices.models import Board

    queryset = _in_agencies(user, Board.objects.all() if queryset is None else queryset)
    return queryset.filter(pk__in=list(rights(user).boards()))


def visible_posts(user, queryset=None):
    from plugins.eoffice.notices.models import Post

    queryset = Post.objects.all() if queryset is None else queryset
    return queryset.filter(board__in=readable_boards(user))
