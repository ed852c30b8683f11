"""Who may do what with consultations on drafts (R-EO-12; seed 004 Đ7.5).

- Any staff member of an agency (a role or a position in it) may draft a consultation of that
  agency: the seed gives the task to "the person assigned to draft", and who was assigned is
  decided outside the system. The drafter alone edits the draft, opens it, and reads every
  response and the report.
- A person asked answers for themself. A unit asked answers through its leaders: any person
  holding a leader's position in the unit (head or deputy) answers on the unit's behalf; the
  unit's other members are not asked unless named themselves.
- Those asked see the consultation once it is open, its files, and their own response (a
  unit's leaders see the unit's); never the others' responses.
- Nobody else sees anything — not the agency's leaders, not the unit leaders of those asked
  (they are told of non-responders by mail, :mod:`.notifications`), and nobody of another
  agency. A superuser sees everything.
"""

from django.db.models import Q

from plugins.core.memberships import memberships_of
from plugins.core.scoping import agency_ids_for_user


class Rights:
    """What one user may do: their roles and positions (read once per request by the core),
    then asked per record."""

    def __init__(self, user):
        self.user = user
        self.superuser = bool(user.is_active and user.is_superuser)
        self.agencies = agency_ids_for_user(user)
        self.led_units = set()
        if user.is_authenticated and user.is_active and not self.superuser:
            self.led_units = set(memberships_of(user).led_unit_ids)

    def may_draft_in(self, agency_id):
        return self.superuser or agency_id in (self.agencies or ())

    @property
    def may_draft(self):
        return self.superuser or bool(self.agencies)

    def is_drafter(self, consultation):
        return self.superuser or (consultation.drafted_by_id == self.user.pk
                                  and self.may_draft_in(consultation.agency_id))

    def answers_for(self, invitee):
        """Whether the user answers for this person or unit asked."""
        if invitee.user_id:
            return invitee.user_id == self.user.pk
        return invitee.unit_id in self.led_units

    def may_see_response(self, invitee, consultation):
        return self.is_drafter(consultation) or self.answers_for(invitee)


def rights(user):
    """The user's rights, cached on the user object for the request."""
    cached = getattr(user, "_eoffice_consultation_rights", None)
    if cached is None:
        cached = Rights(user)
        user._eoffice_consultation_rights = cached
    return cached


def visible(user, queryset):
    """``queryset`` of consultations narrowed to what ``user`` may see: their own drafts and
    consultations, and the open or closed ones they (or a unit they lead) were asked in."""
    from plugins.eoffice.consultations.models import Invitee, State

    me = rights(user)
    if me.superuser:
        return queryset
    if not me.agencies:
        return queryset.none()
    asked = Invitee.objects.filter(Q(user=user) | Q(unit_id__in=me.led_units)).values(
        "consultation_id")
    return queryset.filter(agency_id__in=me.agencies).filter(
        Q(drafted_by=user) | (Q(pk__in=asked) & ~Q(state=State.DRAFT)))
