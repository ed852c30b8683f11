"""Who is who in an agency's document work, and which documents each person sees.

- The clerk (văn thư) and the director (agency leader) see every ordinary document of
  their agency; a unit's leader sees what is assigned to the unit or to its people, and
  what the unit drafts; everyone sees what they registered, drafted or were assigned.
- A secret document (Mật, Tối mật, Tuyệt mật) is seen only by the people it is assigned
  to (a person, or the leaders of a unit), the director who assigns it and the clerk who
  registered it; it never has a file.
- Another agency's documents are never seen (core scoping first, then the rules above).
"""

from django.db.models import Exists, OuterRef, Q

from plugins.core.models import AgencyRole, Position, Role
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.documents.models import (
    Assignment,
    IncomingDocument,
    OutgoingDocument,
    OutgoingState,
    Secrecy,
)

_ROLE_CACHE = "_eoffice_role_agencies"


def role_agency_ids(user, role):
    """The agencies where ``user`` holds ``role`` (cached on the user for the request)."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault(_ROLE_CACHE, {})
    if role not in cache:
        cache[role] = frozenset(AgencyRole.objects.filter(role=role, group__user=user)
                                .values_list("agency_id", flat=True))
    return cache[role]


def forget(user):
    user.__dict__.pop(_ROLE_CACHE, None)


def is_director(user, agency_id):
    return user.is_superuser or agency_id in role_agency_ids(user, Role.AGENCY_LEADER)


def is_clerk(user, agency_id):
    return user.is_superuser or agency_id in role_agency_ids(user, Role.CLERK)


def led_unit_ids(user):
    """The units ``user`` leads (a leader position in them)."""
    if not user.is_authenticated:
        return frozenset()
    cache = user.__dict__.setdefault(_ROLE_CACHE, {})
    if "led_units" not in cache:
        cache["led_units"] = frozenset(Position.objects.filter(user=user, is_leader=True)
                                       .values_list("unit_id", flat=True))
    return cache["led_units"]


def leads_unit(user, unit_id):
    return unit_id in led_unit_ids(user)


def member_unit_ids(user):
    return frozenset(Position.objects.filter(user=user).values_list("unit_id", flat=True))


def _assigned_to(user, secret):
    """Q: the document has a live (not recalled) assignment to ``user`` or a unit they
    lead; for an ordinary document also to one of the people of a unit they lead."""
    units = led_unit_ids(user)
    mine = Q(person=user) | Q(unit_id__in=units)
    if not secret and units:
        mine |= Q(person__positions__unit_id__in=units)
    return Exists(Assignment.objects.filter(mine, document=OuterRef("pk"),
                                            recalled_at__isnull=True))


def incoming_visible_to(user, queryset=None):
    queryset = IncomingDocument.objects.all() if queryset is None else queryset
    queryset = queryset.visible_to(user)
    if agency_ids_for_user(user) is None:
        return queryset
    clerks = role_agency_ids(user, Role.CLERK)
    directors = role_agency_ids(user, Role.AGENCY_LEADER)
    ordinary = Q(secrecy=Secrecy.NONE) & (
        Q(agency_id__in=clerks | directors) | Q(registered_by=user) | _assigned_to(user, False))
    secret = ~Q(secrecy=Secrecy.NONE) & (
        Q(agency_id__in=directors) | Q(registered_by=user) | _assigned_to(user, True))
    return queryset.filter(ordinary | secret)


def outgoing_visible_to(user, queryset=None):
    queryset = OutgoingDocument.objects.all() if queryset is None else queryset
    queryset = queryset.visible_to(user)
    if agency_ids_for_user(user) is None:
        return queryset
    clerks = role_agency_ids(user, Role.CLERK)
    directors = role_agency_ids(user, Role.AGENCY_LEADER)
    own = Q(author=user) | Q(signer=user) | Q(proposed_signer=user)
    submitted = ~Q(state=OutgoingState.DRAFT)
    for_clerk = Q(state__in=[OutgoingState.APPROVED, OutgoingState.ISSUED,
                             OutgoingState.WITHDRAWN])
    unit = Q(drafting_unit_id__in=led_unit_ids(user)) & submitted
    ordinary = Q(secrecy=Secrecy.NONE) & (
        own | unit | (Q(agency_id__in=directors) & submitted)
        | (Q(agency_id__in=clerks) & for_clerk)
        | (Q(state=OutgoingState.ISSUED) & Q(agency_id__in=agency_ids_for_user(user))))
    secret = ~Q(secrecy=Secrecy.NONE) & (
        own | unit | (Q(agency_id__in=directors) & submitted)
        | (Q(agency_id__in=clerks) & for_clerk))
    return queryset.filter(ordinary | secret)


def may_see_incoming(user, document):
    return incoming_visible_to(user).filter(pk=document.pk).exists()


def may_see_outgoing(user, document):
    return outgoing_visible_to(user).filter(pk=document.pk).exists()
