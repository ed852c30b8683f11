"""What waits for whom: a person's inbox, a unit's progress, the agency's view (R-EO-18).

Each function returns a queryset (one query for a list, one for a count), so lists keep a
constant number of queries however many documents there are."""

from django.db.models import Count, Exists, OuterRef, Q

from plugins.core.calendar import WorkingCalendar
from plugins.core.models import Position, Role
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingState,
    OutgoingState,
)
from plugins.eoffice.documents.services.common import today

# States a document no longer waits in: filed, or recalled by its sender.
CLOSED = (IncomingState.FILED, IncomingState.REVOKED)

DUE_SOON_WORKING_DAYS = 2
LIST_RELATED = ("register", "agency")


def _handling(user):
    """Q on assignments: a live main or co-handling by ``user`` or a unit they lead."""
    return (Q(person=user) | Q(unit_id__in=access.led_unit_ids(user))) & Q(
        is_active=True, role__in=[AssignmentRole.MAIN, AssignmentRole.CO])


def to_handle(user):
    """Documents ``user`` must act on: assigned to them (or their unit, as its leader), and
    for a director those waiting for assignment, for a clerk those returned."""
    handling = Exists(Assignment.objects.filter(_handling(user), document=OuterRef("pk")))
    waiting = Q(state=IncomingState.ASSIGNED) & handling
    directors = access.role_agency_ids(user, Role.AGENCY_LEADER)
    clerks = access.role_agency_ids(user, Role.CLERK)
    if directors:
        waiting |= Q(state=IncomingState.REGISTERED, agency_id__in=directors)
    if clerks:
        waiting |= Q(state=IncomingState.RETURNED, agency_id__in=clerks)
    return access.incoming_visible_to(user).filter(waiting).select_related(*LIST_RELATED)


def _due_soon_q(agency=None):
    start = today()
    end = WorkingCalendar(agency).add_working_days(start, DUE_SOON_WORKING_DAYS)
    return Q(state=IncomingState.ASSIGNED, deadline__range=(start, end))


def _overdue_q():
    return Q(state=IncomingState.ASSIGNED, deadline__lt=today())


def due_soon(user, agency=None):
    """Assigned to ``user`` and due within two working days (today included)."""
    return to_handle(user).filter(_due_soon_q(agency))


def overdue(user):
    return to_handle(user).filter(_overdue_q())


def unread_for_information(user):
    unread = Assignment.objects.filter(document=OuterRef("pk"), person=user,
                                       role=AssignmentRole.INFO, read_at__isnull=True,
                                       recalled_at__isnull=True)
    return access.incoming_visible_to(user).filter(Exists(unread)).select_related(
        *LIST_RELATED)


def drafts_to_review(user):
    """Outgoing drafts waiting for ``user``: as unit leader, as director, as clerk."""
    waiting = Q(state=OutgoingState.UNIT_REVIEW,
                drafting_unit_id__in=access.led_unit_ids(user))
    waiting |= Q(state=OutgoingState.DIRECTOR_REVIEW,
                 agency_id__in=access.role_agency_ids(user, Role.AGENCY_LEADER))
    waiting |= Q(state=OutgoingState.APPROVED,
                 agency_id__in=access.role_agency_ids(user, Role.CLERK))
    waiting |= Q(state=OutgoingState.DRAFT, author=user)
    return access.outgoing_visible_to(user).filter(waiting).select_related(
        "drafting_unit", "author")


def unit_progress(user, unit):
    """Every open document of ``unit`` (assigned to it or to its people), for its leader;
    none for anyone else."""
    if not (user.is_superuser or access.leads_unit(user, unit.pk)):
        return IncomingDocument.objects.none()
    people = Position.objects.filter(unit=unit).values("user_id")
    live = Assignment.objects.filter(Q(unit=unit) | Q(person_id__in=people),
                                     document=OuterRef("pk"), recalled_at__isnull=True)
    return (IncomingDocument.objects.filter(Exists(live), agency_id=unit.agency_id)
            .filter(state__in=[IncomingState.ASSIGNED, IncomingState.DONE])
            .select_related(*LIST_RELATED).order_by("deadline", "-arrived_at"))


def agency_open(user, agency):
    """The agency's documents not yet filed, for its director and clerks."""
    if not (access.is_director(user, agency.pk) or access.is_clerk(user, agency.pk)):
        return IncomingDocument.objects.none()
    return (access.incoming_visible_to(user).filter(agency=agency)
            .exclude(state__in=CLOSED).select_related(*LIST_RELATED)
            .order_by("deadline", "-arrived_at"))


def counts(user):
    """The dashboard's numbers; the three of the documents to handle in one query (each
    count walks the user's assignments: once, not three times)."""
    handling = to_handle(user).select_related(None).aggregate(
        to_handle=Count("pk"), due_soon=Count("pk", filter=_due_soon_q()),
        overdue=Count("pk", filter=_overdue_q()))
    return {
        **handling,
        "unread": unread_for_information(user).count(),
        "drafts": drafts_to_review(user).count(),
    }


def outgoing_overdue_reviews(user, agencies):
    """Drafts whose reviewer let the review time pass (R-EO-7), for the agency's view."""
    from django.utils import timezone

    return access.outgoing_visible_to(user).filter(
        agency__in=agencies, review_due_at__lt=timezone.now(),
        state__in=[OutgoingState.UNIT_REVIEW, OutgoingState.DIRECTOR_REVIEW])
