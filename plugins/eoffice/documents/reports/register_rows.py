"""A register's rows for a span of days, in the columns of Decree 30/2020 (Appendix IV):
what the printed day's register and the spreadsheet exports both show (R-EO-9).

Incoming register (sổ đăng ký văn bản đến): arrival date | arrival number | author (sender)
| number and notation | date | type and summary | receiving unit or person | date passed on
| signature of receipt | notes.

Outgoing register (sổ đăng ký văn bản đi): number and notation | date | type and summary |
signer | recipients | unit or person keeping the filed copy | copies | date passed on |
signature of receipt | notes.

A secret document never appears in an ordinary register's report (outgoing secret
documents may be numbered in an ordinary register, in a series of their own); a secret
register's rows show the metadata only: the summary is withheld.

Every report costs a fixed number of queries, whatever the number of rows.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core.calendar import OFFICE_TZ
from plugins.eoffice.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingState,
    OutgoingDocument,
    OutgoingState,
    ProcessingStep,
    RegisterKind,
    Secrecy,
    StepAction,
)
from plugins.eoffice.documents.models.choices import type_name


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float  # share of the printed page's width, in percent
    number: bool = False  # an arrival number: "01" on paper, 1 in a spreadsheet
    center: bool = False  # dates and numbers are centred on paper


INCOMING_COLUMNS = (
    Column("arrived_on", gettext_lazy("Arrival date"), 8, center=True),
    Column("arrival_number", gettext_lazy("Arrival number"), 5, number=True,
           center=True),
    Column("sender", gettext_lazy("Author (sender)"), 12),
    Column("number_notation", gettext_lazy("Number and notation"), 10),
    Column("issue_date", gettext_lazy("Document date"), 8, center=True),
    Column("summary", gettext_lazy("Type and summary"), 24),
    Column("receiver", gettext_lazy("Receiving unit or person"), 12),
    Column("passed_on", gettext_lazy("Date passed on"), 8, center=True),
    Column("receipt", gettext_lazy("Signature of receipt"), 7),
    Column("notes", gettext_lazy("Notes"), 6),
)

OUTGOING_COLUMNS = (
    Column("number_notation", gettext_lazy("Number and notation"), 11),
    Column("issue_date", gettext_lazy("Document date"), 8, center=True),
    Column("summary", gettext_lazy("Type and summary"), 23),
    Column("signer", gettext_lazy("Signer"), 10),
    Column("recipients", gettext_lazy("Recipients"), 13),
    Column("kept_by", gettext_lazy("Unit or person keeping the filed copy"), 10),
    Column("copies", gettext_lazy("Number of copies"), 5, center=True),
    Column("passed_on", gettext_lazy("Date passed on"), 8, center=True),
    Column("receipt", gettext_lazy("Signature of receipt"), 7),
    Column("notes", gettext_lazy("Notes"), 5),
)


@dataclass
class RegisterTable:
    register: object
    first_day: datetime.date
    last_day: datetime.date
    columns: tuple
    rows: list = field(default_factory=list)  # one list of cell values per document

    def __len__(self):
        return len(self.rows)


def local_span(first_day, last_day):
    """The aware instants from the start of ``first_day`` to the start of the day after
    ``last_day``, office time (Asia/Ho_Chi_Minh)."""
    start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=OFFICE_TZ)
    end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min,
                                    tzinfo=OFFICE_TZ)
    return start, end


def register_table(register, first_day, last_day=None):
    """The rows of ``register`` from ``first_day`` to ``last_day`` (both included)."""
    last_day = last_day or first_day
    if register.kind == RegisterKind.INCOMING:
        return RegisterTable(register, first_day, last_day, INCOMING_COLUMNS,
                             incoming_rows(register, first_day, last_day))
    return RegisterTable(register, first_day, last_day, OUTGOING_COLUMNS,
                         outgoing_rows(register, first_day, last_day))


def _person(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _summary(document, secret_register):
    kind = type_name(document.type_code)
    if secret_register:
        return _("%(type)s — secret document (%(level)s): summary not shown") % {
            "type": kind, "level": document.get_secrecy_display()}
    return f"{kind} — {document.subject}"


def _notes(document):
    notes = []
    if document.is_urgent:
        notes.append(document.get_urgency_display())
    if document.is_secret:
        notes.append(document.get_secrecy_display())
    return notes


def _local_date(moment):
    return moment.astimezone(OFFICE_TZ).date() if moment else None


def incoming_rows(register, first_day, last_day):
    """Two queries: the documents, and the handlers they were passed on to."""
    start, end = local_span(first_day, last_day)
    handlers = Assignment.objects.filter(
        role__in=[AssignmentRole.MAIN, AssignmentRole.CO], parent__isnull=True,
        recalled_at__isnull=True).select_related("unit", "person").order_by("role", "pk")
    documents = (IncomingDocument.objects.filter(register=register, arrived_at__gte=start,
                                                 arrived_at__lt=end)
                 .prefetch_related(Prefetch("assignments", queryset=handlers,
                                            to_attr="handlers"))
                 .order_by("year", "arrival_number"))
    if not register.is_secret:
        documents = documents.filter(secrecy=Secrecy.NONE)
    rows = []
    for document in documents:
        passed = min((a.assigned_at for a in document.handlers), default=None)
        notes = _notes(document)
        if document.state == IncomingState.RETURNED:
            notes.append(document.get_state_display())
        rows.append([
            _local_date(document.arrived_at),
            document.arrival_number,
            document.sender_name,
            document.number_notation,
            document.issue_date,
            _summary(document, register.is_secret),
            "; ".join(a.assignee_name for a in document.handlers),
            _local_date(passed),
            "",
            "; ".join(notes),
        ])
    return rows


def outgoing_rows(register, first_day, last_day):
    """Three queries: the documents (with the time they were sent), and their recipients
    on this installation (agencies, internal units)."""
    sent_at = ProcessingStep.objects.filter(outgoing=OuterRef("pk"),
                                            action=StepAction.ISSUE).order_by("at").values("at")
    documents = (OutgoingDocument.objects.filter(
        register=register, state__in=[OutgoingState.ISSUED, OutgoingState.WITHDRAWN],
        issue_date__range=(first_day, last_day))
        .select_related("signer", "drafting_unit", "author")
        .prefetch_related("recipient_agencies", "recipient_units")
        .annotate(sent_at=Subquery(sent_at[:1]))
        .order_by("issue_date", "sent_at", "pk"))
    if not register.is_secret:
        documents = documents.filter(secrecy=Secrecy.NONE)
    rows = []
    for document in documents:
        recipients = [a.name for a in document.recipient_agencies.all()]
        recipients += [u.name for u in document.recipient_units.all()]
        recipients += [line.strip() for line in document.external_recipients.splitlines()
                       if line.strip()]
        title = " ".join(part for part in (document.signing_prefix, document.signer_title)
                         if part)
        signer = " — ".join(part for part in (title, _person(document.signer)) if part)
        notes = _notes(document)
        if document.state == OutgoingState.WITHDRAWN:
            notes.append(_("Withdrawn: %(note)s") % {"note": document.withdrawn_note}
                         if document.withdrawn_note else document.get_state_display())
        rows.append([
            document.number_notation,
            document.issue_date,
            _summary(document, register.is_secret),
            signer,
            "; ".join(recipients),
            f"{document.drafting_unit.name} — {_person(document.author)}",
            document.copies,
            _local_date(document.sent_at),
            "",
            "; ".join(notes),
        ])
    return rows


def display(value, column):
    """A cell as printed on paper: dates dd/mm/yyyy, arrival numbers 01, 02 …"""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if column.number:
        return f"{value:02d}"
    return str(value)
