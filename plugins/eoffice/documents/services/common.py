"""What every transition needs: its error, the processing slip, mail after commit."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy

from plugins.core.calendar import OFFICE_TZ, WorkingCalendar
from plugins.core.models import Role
from plugins.core.transitions import (  # noqa: F401 - the services' refusals
    TransitionError,
    refuse,
    require_reason,
    require_state,
)
from plugins.eoffice.documents.models import ProcessingStep


def save(document, user, **kwargs):
    """Save ``document`` with its history version attributed to ``user``."""
    document._history_user = user
    document.save(**kwargs)


def step(document, action, user, *, note="", from_state="", to_state="", as_director=False,
         at=None, outage=None):
    """Add a step to the document's processing slip.

    ``as_director``: the step is the director's act; when ``user`` does it under a
    delegation in force, the step records the director it was done on behalf of
    (R-EO-15). ``at`` and ``outage``: work done on paper during an outage, entered
    afterwards with its real time (R-EO-17)."""
    from plugins.eoffice.documents import access
    from plugins.eoffice.documents.models import IncomingDocument

    kind = "incoming" if isinstance(document, IncomingDocument) else "outgoing"
    delegation = (access.delegation_in_force(user, document.agency_id)
                  if as_director and user is not None else None)
    extra = {"at": at} if at is not None else {}
    return ProcessingStep.objects.create(
        agency_id=document.agency_id, action=action, actor=user, note=note,
        from_state=from_state, to_state=to_state or document.state, delegation=delegation,
        on_behalf_of_id=delegation.delegator_id if delegation else None, outage=outage,
        **extra, **{kind: document})


def today(moment=None):
    return (moment or timezone.now()).astimezone(OFFICE_TZ).date()


def deadline_in(agency, working_days, start=None):
    """The date ``working_days`` working days after ``start`` (today) in the agency's
    calendar (core)."""
    return WorkingCalendar(agency).add_working_days(start or today(), int(working_days))


def end_of_day(agency, day):
    """The end of the agency's office day ``day``, as an aware datetime."""
    return datetime.datetime.combine(day, agency.afternoon_end, tzinfo=OFFICE_TZ)


def people_with_role(agency, role):
    return get_user_model().objects.filter(
        is_active=True, groups__agency_role__agency=agency, groups__agency_role__role=role)


def directors(agency):
    """The agency's leaders, and whoever acts for the director now (R-EO-15): they get
    the director's mail."""
    from django.db.models import Q

    from plugins.eoffice.documents.models import Delegation

    delegates = Delegation.objects.active().filter(agency=agency).values("delegate_id")
    return get_user_model().objects.filter(
        Q(groups__agency_role__agency=agency, groups__agency_role__role=Role.AGENCY_LEADER)
        | Q(pk__in=delegates), is_active=True).distinct()


def clerks(agency):
    return people_with_role(agency, Role.CLERK)


def unit_leaders(unit):
    return get_user_model().objects.filter(is_active=True, positions__unit=unit,
                                           positions__is_leader=True)


def emails(users):
    return sorted({u.email for u in users if u.email})


# The kinds of notification the documents part sends (registered in the app's ready()):
# each person chooses per kind whether they also get it by email or SMS (core's centre).
KINDS = {
    "eoffice_documents.urgent": gettext_lazy("An urgent incoming document arrives"),
    "eoffice_documents.incoming_changed": gettext_lazy(
        "An incoming document you deal with is revoked or amended by its sender"),
    "eoffice_documents.review": gettext_lazy("A draft awaits your review"),
    "eoffice_documents.to_issue": gettext_lazy("A document is approved: number and issue it"),
    "eoffice_documents.delivered": gettext_lazy(
        "A document arrives from another agency of this system"),
    "eoffice_documents.delegation": gettext_lazy(
        "A director delegates their processing authority, or ends a delegation"),
    "eoffice_documents.reminder": gettext_lazy("A review or processing deadline is near or past"),
    "eoffice_documents.other": gettext_lazy("Other news of the e-office"),
}


def register_notification_kinds():
    from plugins.core.notifications import register_kind

    for name, label in KINDS.items():
        register_kind(name, label, group=gettext_lazy("E-office: documents"), email=True)


def notify(users, compose, kind="eoffice_documents.other", *, agency=None, url=""):
    """Tell ``users`` (core's notification centre: in the admin, and by mail after commit
    as each one chooses) what ``compose()`` returns as ``(subject, body)``, written in each
    one's own admin language. ``kind``: one of :data:`KINDS` (or another app's registered
    kind). Returns the notifications."""
    from plugins.core.notifications import notify as tell

    return tell(users, kind, subject=compose, url=url, agency=agency)
