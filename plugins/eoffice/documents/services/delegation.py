"""Delegation of processing authority (ủy quyền xử lý, R-EO-15; seed 004 Đ4.5, Đ11, Đ13.3).

    (director) create → in force from its start → ends by itself at its end
                                               ↘ (director) end early

The director — a person holding the agency leader's role, not one acting under a
delegation (seed 004 Đ4.5: a delegate does not pass the authority on) — names one person
of the agency, a window and a reason. The agency's staff are told by mail, when it is
given and when it is ended early (seed 004 Đ11: "thông báo cho toàn thể cơ quan biết").
What the delegate does with it is recorded on the processing slip on the director's
behalf (:func:`.common.step`).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.models import Position, Role
from plugins.core.text import nfc
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import Delegation
from plugins.eoffice.documents.models.delegation import person_name
from plugins.eoffice.documents.services.common import notify, refuse, require_reason

__all__ = ["create", "end", "agency_staff", "visible_to", "in_force"]

# A delegation starts now or later: never back-dated (the delegate answers for the window).
CLOCK_SKEW = datetime.timedelta(minutes=10)
MAX_LENGTH = datetime.timedelta(days=366)


def agency_staff(agency):
    """Everyone working in the agency (a position in one of its units), active."""
    return get_user_model().objects.filter(
        is_active=True, pk__in=Position.objects.filter(unit__agency=agency).values("user_id"))


def visible_to(user):
    """Delegations of the agencies ``user`` belongs to (core scoping): everyone of the
    agency may know who acts for the director."""
    return Delegation.objects.visible_to(user).select_related(
        "agency", "delegator", "delegate", "ended_by")


def in_force(user, at=None):
    return visible_to(user).active(at)


def _title(user, agency):
    position = Position.objects.filter(user=user, unit__agency=agency).order_by(
        "-is_leader", "sort_order").first()
    return position.title if position else ""


def _when(moment):
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


@transaction.atomic
def create(user, agency, *, delegate, ends_at, reason, starts_at=None):
    """The director of ``agency`` delegates their processing authority to ``delegate``
    from ``starts_at`` (now) until ``ends_at``, with a reason; the agency is told."""
    now = timezone.now()
    starts_at = starts_at or now
    acting = Delegation.objects.current_or_coming(now).filter(agency=agency, delegate=user)
    if acting.exists():
        refuse(_("You act under a delegation yourself: a delegate cannot delegate further."))
    if agency.pk not in access.held_role_agency_ids(user, Role.AGENCY_LEADER):
        refuse(_("Only a leader of %(agency)s delegates the director's processing "
                 "authority."), agency=agency.name)
    if delegate is None or delegate.pk == user.pk:
        refuse(_("Choose the person who will act for you."))
    if not delegate.is_active or not Position.objects.filter(user=delegate,
                                                             unit__agency=agency).exists():
        refuse(_("%(person)s does not work for %(agency)s."),
               person=person_name(delegate), agency=agency.name)
    reason = require_reason(reason)
    if ends_at is None or ends_at <= starts_at:
        refuse(_("The delegation must end after it starts."))
    if starts_at < now - CLOCK_SKEW:
        refuse(_("A delegation cannot start in the past."))
    if ends_at - starts_at > MAX_LENGTH:
        refuse(_("A delegation lasts at most a year."))
    overlapping = Delegation.objects.current_or_coming(now).filter(
        agency=agency, delegator=user, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if overlapping.exists():
        refuse(_("You already delegated your authority for part of this time: end that "
                 "delegation first."))
    delegation = Delegation(agency=agency, delegator=user, delegate=delegate,
                            delegator_title=_title(user, agency), starts_at=starts_at,
                            ends_at=ends_at, reason=nfc(reason))
    delegation._history_user = user
    delegation.save()

    def compose():
        return (_("%(delegate)s acts for %(delegator)s until %(end)s") % {
                    "delegate": person_name(delegate), "delegator": person_name(user),
                    "end": _when(ends_at)},
                _("%(delegator)s (%(title)s) delegates their processing authority in the "
                  "e-office to %(delegate)s from %(start)s until %(end)s.\n\nReason: "
                  "%(reason)s\n\nWhat %(delegate)s does in this time is recorded on behalf "
                  "of %(delegator)s, and %(delegate)s answers for it.") % {
                    "delegator": person_name(user), "title": delegation.delegator_title,
                    "delegate": person_name(delegate), "start": _when(starts_at),
                    "end": _when(ends_at), "reason": delegation.reason})
    notify(agency_staff(agency), compose, "eoffice_documents.delegation", agency=agency)
    return delegation


@transaction.atomic
def end(user, delegation, note=""):
    """The director ends their delegation before its end time; the agency is told."""
    delegation = Delegation.objects.select_for_update().select_related(
        "agency", "delegator", "delegate").get(pk=delegation.pk)
    if delegation.delegator_id != user.pk:
        refuse(_("Only %(delegator)s ends this delegation."),
               delegator=person_name(delegation.delegator))
    now = timezone.now()
    if delegation.ended_at is not None or delegation.ends_at <= now:
        refuse(_("This delegation has already ended."))
    delegation.ended_at = now
    delegation.ended_by = user
    delegation._history_user = user
    delegation._change_reason = (note or "").strip()[:100]
    delegation.save(update_fields=["ended_at", "ended_by"])

    def compose():
        return (_("%(delegate)s no longer acts for %(delegator)s") % {
                    "delegate": person_name(delegation.delegate),
                    "delegator": person_name(delegation.delegator)},
                _("%(delegator)s ended the delegation of their processing authority to "
                  "%(delegate)s at %(time)s.") % {
                    "delegator": person_name(delegation.delegator),
                    "delegate": person_name(delegation.delegate), "time": _when(now)})
    notify(agency_staff(delegation.agency), compose, "eoffice_documents.delegation",
           agency=delegation.agency)
    return delegation
