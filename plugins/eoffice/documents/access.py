"""Who is who in an agency's document work, and which documents each person sees.

- The clerk (văn thư) and the director (agency leader) see every ordinary document of
  their agency; a unit's leader sees what is assigned to the unit or to its people, and
  what the unit drafts; everyone sees what they registered, drafted or were assigned.
- A secret document (Mật, Tối mật, Tuyệt mật) is seen only by the people it is assigned
  to (a person, or the leaders of a unit), the director who assigns it and the clerk who
  registered it; it never has a file.
- Another agency's documents are never seen (core scoping first, then the rules above).
- A person the director delegated their processing authority to (R-EO-15) counts as a
  director of the agency while the delegation is in force — from its start to its end or
  until the director ends it, compared with now at every check — for the actions and for
  what they see, secret documents included: assigning a secret document is the director's
  work, and a secret document is kept as metadata only. After the window nothing remains
  of it but the steps they took, recorded "on behalf of" the director.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from plugins.core.memberships import forget_memberships, memberships_of
from plugins.core.models import Role
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.documents.models import (
    Assignment,
    Delegation,
    IncomingDocument,
    OutgoingDocument,
    OutgoingState,
    Secrecy,
)

_ROLE_CACHE = "_eoffice_role_agencies"


def held_role_agency_ids(user, role):
    """The agencies where ``user`` holds ``role`` themselves."""
    return memberships_of(user).role_agency_ids(role)


def role_agency_ids(user, role):
    """The agencies where ``user`` acts in ``role``: held, or for the agency leader's role
    also delegated to them and in force now."""
    held = held_role_agency_ids(user, role)
    if role == Role.AGENCY_LEADER:
        return held | delegated_agency_ids(user)
    return held


def delegated_agency_ids(user):
    """The agencies whose director's authority is delegated to ``user`` now. The windows
    are read once per request; each call compares them with now."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault(_ROLE_CACHE, {})
    if "delegated" not in cache:
        cache["delegated"] = tuple(Delegation.objects.current_or_coming().filter(
            delegate=user).values_list("agency_id", "starts_at", "ends_at"))
    now = timezone.now()
    return frozenset(agency for agency, start, end in cache["delegated"] if start <= now < end)


def forget(user):
    user.__dict__.pop(_ROLE_CACHE, None)
    forget_memberships(user)


def holds_director_role(user, agency_id):
    return user.is_superuser or agency_id in held_role_agency_ids(user, Role.AGENCY_LEADER)


def delegation_in_force(user, agency_id):
    """The delegation under which ``user`` acts for the agency's director now, if any
    (read fresh: the services decide with it)."""
    if not user or not user.is_authenticated or not user.is_active:
        return None
    return (Delegation.objects.active().filter(delegate=user, agency_id=agency_id)
            .select_related("delegator").first())


def is_director(user, agency_id):
    """Whether ``user`` may act as the agency's director: their own role, or a delegation
    in force now."""
    return holds_director_role(user, agency_id) or (
        delegation_in_force(user, agency_id) is not None)


def is_clerk(user, agency_id):
    return user.is_superuser or agency_id in role_agency_ids(user, Role.CLERK)


def led_unit_ids(user):
    """The units ``user`` leads (a leader position in them)."""
    return memberships_of(user).led_unit_ids


def leads_unit(user, unit_id):
    return unit_id in led_unit_ids(user)


def member_unit_ids(user):
    return memberships_of(user).unit_ids


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
