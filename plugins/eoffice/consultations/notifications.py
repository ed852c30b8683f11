"""Who is told what about a consultation (R-EO-12). The ``*_recipients`` functions only
read; every message goes out through :func:`_send`.

- opened: each person asked, and the leaders of each unit asked — "your opinion is asked";
- closed: the drafter — the report (who responded, when, who did not);
- non-responders flagged: the agency's leaders, and the leaders of the unit of each person
  who did not respond (of the unit itself when a unit did not respond);
- before purging: the drafter — what will be purged and when (:mod:`.retention`).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plugins.core.models import Position, Role
from plugins.core.notifications import notify, register_kind

ASKED = "eoffice_consultations.asked"
CLOSED = "eoffice_consultations.closed"
NON_RESPONDERS = "eoffice_consultations.non_responders"
PURGE = "eoffice_consultations.purge"

KINDS = (
    (ASKED, _("Your opinion is asked on a draft")),
    (CLOSED, _("A consultation you drafted has closed")),
    (NON_RESPONDERS, _("No response to a consultation by its deadline")),
    (PURGE, _("A closed consultation will be purged")),
)


def _active(queryset):
    return queryset.filter(is_active=True)


def asked_recipients(consultation):
    """The people asked and the leaders of the units asked."""
    invitees = consultation.invitees.all()
    units = [invitee.unit_id for invitee in invitees if invitee.unit_id]
    leaders = Position.objects.filter(unit_id__in=units, is_leader=True).values("user_id")
    return list(_active(get_user_model().objects.filter(
        Q(pk__in=[invitee.user_id for invitee in invitees if invitee.user_id])
        | Q(pk__in=leaders))).order_by("pk"))


def drafter_recipients(consultation):
    drafter = consultation.drafted_by
    return [drafter] if drafter is not None and drafter.is_active else []


def leadership_recipients(consultation, flagged):
    """The agency's leaders, and the leaders of the units of the ``flagged`` invitees (a
    person's units in this agency; a unit's own leaders)."""
    people = [invitee.user_id for invitee in flagged if invitee.user_id]
    units = set(invitee.unit_id for invitee in flagged if invitee.unit_id)
    units |= set(Position.objects.filter(user_id__in=people,
                                         unit__agency_id=consultation.agency_id)
                 .values_list("unit_id", flat=True))
    leaders = Position.objects.filter(unit_id__in=units, is_leader=True).values("user_id")
    condition = Q(groups__agency_role__agency_id=consultation.agency_id,
                  groups__agency_role__role=Role.AGENCY_LEADER) | Q(pk__in=leaders)
    return list(_active(get_user_model().objects.filter(
        pk__in=get_user_model().objects.filter(condition).values("pk"))).order_by("pk"))


def url_of(consultation):
    """The consultation's page in the admin (the notification centre makes mail links
    absolute)."""
    return reverse("eoffice_consultations:detail", args=[consultation.pk])


def _send(users, kind, *, subject, body, url="", agency=None, actor=None):
    """Tell ``users`` through the core's notification centre: in the admin's list, and by
    mail or SMS as each chooses; ``subject``/``body`` lazy strings, or a callable returning
    ``(subject, body)``, rendered in each one's own language."""
    notify(users, kind, subject=subject, body=body, url=url, agency=agency, actor=actor)


def register_kinds():
    for kind, label in KINDS:
        register_kind(kind, label, group=_("E-office: consultations"), email=True)
