"""The overdue report (R-EO-7, R-EO-18): drafts whose reviewer is late, and incoming
documents past their processing deadline, with who is late and by how much in working time.

The director and the clerks see their agency's (a clerk not the secret drafts, which only
the director and the drafting unit see); a unit's leader sees their unit's drafts and the
documents handled by the unit or its people; anyone else is refused. The rows are computed
from a fixed number of queries whatever their number (one calendar per agency).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from plugins.core.calendar import OFFICE_TZ
from plugins.core.models import Role
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingState,
    OutgoingDocument,
    OutgoingState,
    Reminder,
    ReminderKind,
    Secrecy,
)
from plugins.eoffice.documents.reminders import REVIEW_STATES, Calendars, describe, reviewers
from plugins.eoffice.documents.services.common import end_of_day, today

_ONE_DAY = datetime.timedelta(days=1)
_HOUR = Decimal(3600)


@dataclass
class OverdueRow:
    kind: str
    document: str
    url: str
    responsible: str
    unit: str
    due_at: datetime.datetime
    late_days: int
    late_hours: Decimal
    reminders: int
    is_review: bool = False

    @property
    def due_local(self):
        """The due time as the office reads it (spreadsheets have no time zones)."""
        return self.due_at.astimezone(OFFICE_TZ).replace(tzinfo=None)

    @property
    def due_label(self):
        return self.due_at.astimezone(OFFICE_TZ).strftime("%H:%M %d/%m/%Y")

    @property
    def late_label(self):
        return _("%(days)s working days (%(hours)s office hours)") % {
            "days": self.late_days, "hours": number_format(self.late_hours, decimal_pos=1)}


def scope(user):
    """(agencies seen whole as director, as clerk, units seen as their leader); refused
    when none."""
    if user.is_superuser:
        return None, None, None
    directors = access.role_agency_ids(user, Role.AGENCY_LEADER)
    clerks = access.role_agency_ids(user, Role.CLERK)
    units = access.led_unit_ids(user)
    if not (directors or clerks or units):
        raise PermissionDenied
    return directors, clerks, units


def _lateness(calendar, due_at, now):
    """(working days, office hours) from ``due_at`` to ``now``: the working days after the
    due day up to today, and the office time in between."""
    days, day = 0, due_at.astimezone(OFFICE_TZ).date() + _ONE_DAY
    while day <= today(now):
        days += calendar.is_working_day(day)
        day += _ONE_DAY
    seconds = Decimal(calendar.working_time_between(due_at, now).total_seconds())
    return days, (seconds / _HOUR).quantize(Decimal("0.1"))


def _count(queryset, field):
    return Coalesce(Subquery(queryset.values(field).annotate(n=Count("pk")).values("n")[:1],
                             output_field=IntegerField()), 0)


def late_reviews(user, now):
    directors, clerks, units = scope(user)
    drafts = OutgoingDocument.objects.visible_to(user).filter(
        state__in=REVIEW_STATES, review_due_at__lt=now)
    if directors is not None:
        drafts = drafts.filter(Q(agency_id__in=directors) | Q(drafting_unit_id__in=units)
                               | Q(agency_id__in=clerks, secrecy=Secrecy.NONE))
    reminded = Reminder.objects.filter(outgoing=OuterRef("pk"),
                                       due_at=OuterRef("review_due_at"))
    return list(drafts.select_related("agency", "drafting_unit").annotate(
        seen=Exists(access.outgoing_visible_to(user).filter(pk=OuterRef("pk"))),
        reminder_count=_count(reminded, "outgoing")).order_by("review_due_at", "pk"))


def late_documents(user, now):
    directors, clerks, units = scope(user)
    documents = access.incoming_visible_to(user).filter(state=IncomingState.ASSIGNED,
                                                        deadline__lt=today(now))
    if directors is not None:
        of_units = Assignment.objects.filter(
            Q(unit_id__in=units) | Q(person__positions__unit_id__in=units),
            document=OuterRef("pk"), recalled_at__isnull=True)
        documents = documents.filter(Q(agency_id__in=directors | clerks) | Exists(of_units))
    main = Assignment.objects.filter(role=AssignmentRole.MAIN, is_active=True).select_related(
        "unit", "person", "parent__unit")
    reminded = Reminder.objects.filter(incoming=OuterRef("pk"), kind__in=[
        ReminderKind.HANDLING_DUE, ReminderKind.HANDLING_OVERDUE])
    return list(documents.select_related("agency").prefetch_related(
        Prefetch("assignments", queryset=main, to_attr="main_assignments")).annotate(
        reminder_count=_count(reminded, "incoming")).order_by("deadline", "pk"))


def _name(person):
    return person.get_full_name() or person.get_username()


def overdue_rows(user, now=None):
    """Every late review and late document ``user`` may see, the longest late first."""
    now = now or timezone.now()
    calendars = Calendars()
    rows = []
    drafts = late_reviews(user, now)
    waiting = reviewers(drafts)
    for draft in drafts:
        days, hours = _lateness(calendars[draft.agency], draft.review_due_at, now)
        rows.append(OverdueRow(
            kind=str(_("Review of a draft")), document=describe(draft),
            url=reverse("eoffice_outgoing:inspect", args=[draft.pk]) if draft.seen else "",
            responsible=", ".join(_name(p) for p in waiting[draft.pk]),
            unit=draft.drafting_unit.name if draft.state == OutgoingState.UNIT_REVIEW else str(
                _("Director")),
            due_at=draft.review_due_at, late_days=days, late_hours=hours,
            reminders=draft.reminder_count, is_review=True))
    for document in late_documents(user, now):
        due_at = end_of_day(document.agency, document.deadline)
        days, hours = _lateness(calendars[document.agency], due_at, now)
        main = document.main_assignments[0] if document.main_assignments else None
        unit = ""
        if main is not None:
            unit = main.unit.name if main.unit_id else (
                main.parent.unit.name if main.parent_id and main.parent.unit_id else "")
        rows.append(OverdueRow(
            kind=str(_("Processing of an incoming document")), document=describe(document),
            url=reverse("eoffice_incoming:inspect", args=[document.pk]),
            responsible=main.assignee_name if main else "", unit=unit, due_at=due_at,
            late_days=days, late_hours=hours, reminders=document.reminder_count))
    rows.sort(key=lambda row: (row.due_at, row.kind))
    return rows


class DocumentColumn(TitleColumn):
    """The document, linked to its page when the user may open it."""

    def get_link_url(self, instance, parent_context):
        return instance.url or None


class OverdueReport(ReportView):
    page_title = _("Overdue documents")
    header_icon = "time"
    index_url_name = "eoffice_reports:overdue"
    index_results_url_name = "eoffice_reports:overdue_results"
    results_template_name = "eoffice_documents/reports/overdue_results.html"
    export_filename = "van-ban-qua-han"
    list_export = ["kind", "document", "responsible", "unit", "due_local", "late_days",
                   "late_hours", "reminders"]
    export_headings = {
        "kind": _("Kind"), "document": pgettext_lazy("official document", "Document"),
        "responsible": _("Who is late"),
        "unit": _("Unit"), "due_local": _("Due time"), "late_days": _("Working days late"),
        "late_hours": _("Office hours late"), "reminders": _("Reminders sent"),
    }
    custom_field_preprocess = {
        "late_hours": {"xlsx": float, "csv": str},
    }
    columns = [
        Column("kind", label=_("Kind"), width="14%"),
        DocumentColumn("document", label=pgettext_lazy("official document", "Document"),
                       width="32%"),
        Column("responsible", label=_("Who is late"), width="14%"),
        Column("unit", label=_("Unit"), width="12%"),
        Column("due_label", label=_("Due time"), width="10%"),
        Column("late_label", label=_("How late"), width="10%"),
        Column("reminders", label=_("Reminders sent"), width="8%"),
    ]

    def dispatch(self, request, *args, **kwargs):
        scope(request.user)  # refused before anything is read
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return overdue_rows(self.request.user)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        reviews = sum(row.is_review for row in self.object_list)
        context["late_review_count"] = reviews
        context["late_document_count"] = len(self.object_list) - reviews
        return context
