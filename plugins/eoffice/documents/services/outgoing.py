"""Outgoing documents, from the specialist's draft to the issued, numbered document
(R-EO-5…R-EO-8).

    draft → (author) submit → unit review → (unit leader) forward → director review
          → (director) approve → approved → (clerk) issue → issued → (withdraw) withdrawn
    unit review / director review → (reviewer) send back, with a reason → draft

A draft whose author leads the drafting unit goes straight to the director. Each review
step has three working days, an urgent draft four office hours (seed 004 Đ10.7); the due
time is kept on the document. Reviewers edit the draft's text in place: every edit is a
version attributed to them (django-simple-history), which the admin shows per reviewer.
Issuing numbers the document (gap-free, :mod:`..numbering`) and delivers it at once to the
recipients that are agencies of this installation, as their incoming documents.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.calendar import WorkingCalendar
from plugins.core.files.formats import check_file
from plugins.core.models import Position
from plugins.core.numbers import search_key
from plugins.eoffice.documents import access, numbering
from plugins.eoffice.documents.models import (
    OutgoingDocument,
    OutgoingFile,
    OutgoingFileKind,
    OutgoingState,
    Register,
    RegisterKind,
    Secrecy,
    SigningPrefix,
    Source,
    StepAction,
)
from plugins.eoffice.documents.services.common import (
    TransitionError,
    clerks,
    directors,
    end_of_day,
    notify,
    refuse,
    require_reason,
    require_state,
    save,
    step,
    today,
    unit_leaders,
)

REVIEW_WORKING_DAYS = 3
URGENT_REVIEW_HOURS = 4
# The fields of a draft its reviewers may change (the rest is the clerk's, at issue).
EDITABLE_FIELDS = ("subject", "body_text", "type_code", "urgency", "secrecy", "page_count",
                   "external_recipients", "proposed_signer", "is_normative")
TEXT_FIELDS = ("subject", "body_text", "external_recipients")
BODY_FILES = ("docx", "odt", "doc")
SIGNED_FILES = ("pdf",)
ANNEX_FILES = ("pdf", "docx", "odt", "doc", "xlsx", "ods", "xls")

__all__ = ["TransitionError", "create_draft", "edit", "submit", "forward", "comment",
           "send_back", "approve", "issue", "withdraw", "attach", "reviewer_of",
           "default_incoming_register"]


def _locked(document):
    return OutgoingDocument.objects.select_for_update().select_related(
        "agency", "drafting_unit").get(pk=document.pk)


def _name(user):
    return user.get_full_name() or user.get_username()


@transaction.atomic
def create_draft(user, agency, *, drafting_unit=None, subject, type_code="", body_text="",
                 urgency=None, secrecy=Secrecy.NONE, in_reply_to=None, proposed_signer=None,
                 recipient_agencies=(), recipient_units=(), external_recipients="",
                 is_normative=False, page_count=None):
    """A member of a unit of ``agency`` starts a draft for their unit."""
    positions = Position.objects.filter(user=user, unit__agency=agency).select_related("unit")
    if drafting_unit is None:
        position = positions.first()
        if position is None:
            refuse(_("Only the staff of %(agency)s draft its documents."), agency=agency.name)
        drafting_unit = position.unit
    elif not user.is_superuser and not positions.filter(unit=drafting_unit).exists():
        refuse(_("Draft for a unit you work in."))
    if not (subject or "").strip():
        refuse(_("The summary is required."))
    document = OutgoingDocument(
        agency=agency, drafting_unit=drafting_unit, author=user, subject=subject,
        type_code=type_code, body_text=body_text, urgency=urgency or "normal",
        secrecy=secrecy, in_reply_to=in_reply_to, proposed_signer=proposed_signer,
        external_recipients=external_recipients, is_normative=is_normative,
        page_count=page_count)
    save(document, user)
    document.recipient_agencies.set(recipient_agencies)
    document.recipient_units.set(recipient_units)
    step(document, StepAction.DRAFT, user)
    return document


def reviewer_of(user, document):
    """Whether ``user`` reviews ``document`` in its present state."""
    if document.state == OutgoingState.UNIT_REVIEW:
        return access.leads_unit(user, document.drafting_unit_id)
    if document.state == OutgoingState.DIRECTOR_REVIEW:
        return access.is_director(user, document.agency_id)
    return False


def _as_director(user, document):
    """Whether ``user`` acts here as the director (the draft is in the director's review,
    and they review it): a delegate's step is then recorded on the director's behalf."""
    return document.state == OutgoingState.DIRECTOR_REVIEW and reviewer_of(user, document)


def _check_attachment(upload, kind, secret):
    from django.core.exceptions import ValidationError

    if secret:
        refuse(_("A secret document's files are kept on paper, never in the system."))
    accepted = {OutgoingFileKind.BODY: BODY_FILES, OutgoingFileKind.SIGNED: SIGNED_FILES}.get(
        kind, ANNEX_FILES)
    try:
        check_file(upload, upload.name, accepted=accepted, max_mb=50)
    except ValidationError as error:
        raise TransitionError(" ".join(error.messages)) from error


@transaction.atomic
def attach(user, document, upload, kind=OutgoingFileKind.BODY):
    """The author (while a draft) or the reviewer in charge adds a file."""
    document = _locked(document)
    may = (document.state == OutgoingState.DRAFT and document.author_id == user.pk) or \
        reviewer_of(user, document)
    if kind == OutgoingFileKind.SIGNED:
        may = access.is_clerk(user, document.agency_id) and document.state in (
            OutgoingState.APPROVED, OutgoingState.ISSUED)
    if not may:
        refuse(_("You may not add files to this document now."))
    _check_attachment(upload, kind, document.is_secret)
    return OutgoingFile.objects.create(document=document, kind=kind, file=upload,
                                       name=upload.name, uploaded_by=user)


@transaction.atomic
def edit(user, document, **changes):
    """The author changes the draft, or the reviewer in charge edits it: one version,
    attributed to them (R-EO-8)."""
    document = _locked(document)
    is_author = document.state == OutgoingState.DRAFT and document.author_id == user.pk
    if not (is_author or reviewer_of(user, document)):
        refuse(_("Only the author of a draft, or the reviewer it is with, edits it."))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        refuse(_("These fields cannot be edited here: %(fields)s."),
               fields=", ".join(sorted(unknown)))
    changed = [name for name, value in changes.items() if getattr(document, name) != value]
    if not changed:
        return document
    as_director = _as_director(user, document)
    for name in changed:
        setattr(document, name, changes[name])
    save(document, user)
    step(document, StepAction.EDIT, user, as_director=as_director, note=", ".join(
        str(OutgoingDocument._meta.get_field(name).verbose_name) for name in changed))
    return document


def _review_due(document):
    now = timezone.now()
    calendar = WorkingCalendar(document.agency)
    if document.is_urgent:
        return calendar.add_working_hours(now, URGENT_REVIEW_HOURS)
    return end_of_day(document.agency, calendar.add_working_days(today(now),
                                                                 REVIEW_WORKING_DAYS))


def _move(document, user, state, action, note="", as_director=False):
    before = document.state
    document.state = state
    document.review_due_at = _review_due(document) if state in (
        OutgoingState.UNIT_REVIEW, OutgoingState.DIRECTOR_REVIEW) else None
    save(document, user)
    step(document, action, user, from_state=before, note=note, as_director=as_director)


@transaction.atomic
def submit(user, document, note=""):
    """The author sends the draft for review: to the unit's leader, or to the director when
    the author leads the unit."""
    document = _locked(document)
    if document.author_id != user.pk:
        refuse(_("Only the author submits the draft."))
    require_state(document, OutgoingState.DRAFT)
    target = (OutgoingState.DIRECTOR_REVIEW if access.leads_unit(user, document.drafting_unit_id)
              else OutgoingState.UNIT_REVIEW)
    _move(document, user, target, StepAction.SUBMIT, note)
    reviewers = (directors(document.agency) if target == OutgoingState.DIRECTOR_REVIEW
                 else unit_leaders(document.drafting_unit))
    _notify_review(reviewers, document)


def _notify_review(users, document):
    def compose():
        return (_("A draft awaits your review: %(subject)s") % {"subject": document.subject[:80]},
                _("%(author)s submitted the draft “%(subject)s”. Please answer by %(due)s.")
                % {"author": _name(document.author), "subject": document.subject,
                   "due": timezone.localtime(document.review_due_at).strftime("%H:%M %d/%m/%Y")})
    notify(users, compose, "eoffice_documents.review", agency=document.agency)


@transaction.atomic
def comment(user, document, note):
    """A reviewer's opinion, kept on the processing slip."""
    document = _locked(document)
    if not (reviewer_of(user, document) or document.author_id == user.pk):
        refuse(_("Only the author and the reviewer it is with comment on a draft."))
    step(document, StepAction.COMMENT, user, note=require_reason(note),
         as_director=_as_director(user, document))


@transaction.atomic
def forward(user, document, note=""):
    """The unit's leader agrees and sends the draft on to the director."""
    document = _locked(document)
    require_state(document, OutgoingState.UNIT_REVIEW)
    if not reviewer_of(user, document):
        refuse(_("Only the leader of the drafting unit forwards the draft."))
    _move(document, user, OutgoingState.DIRECTOR_REVIEW, StepAction.FORWARD, note)
    _notify_review(directors(document.agency), document)


@transaction.atomic
def send_back(user, document, reason):
    """The reviewer returns the draft to its author, with a reason."""
    document = _locked(document)
    require_state(document, OutgoingState.UNIT_REVIEW, OutgoingState.DIRECTOR_REVIEW)
    if not reviewer_of(user, document):
        refuse(_("Only the reviewer the draft is with returns it."))
    _move(document, user, OutgoingState.DRAFT, StepAction.SEND_BACK, require_reason(reason),
          as_director=document.state == OutgoingState.DIRECTOR_REVIEW)


@transaction.atomic
def approve(user, document, note=""):
    """The director (or a deputy, who signs "KT.") agrees to issue the document."""
    document = _locked(document)
    require_state(document, OutgoingState.DIRECTOR_REVIEW)
    if not reviewer_of(user, document):
        refuse(_("Only the director approves a document for issue."))
    _move(document, user, OutgoingState.APPROVED, StepAction.APPROVE, note, as_director=True)

    def compose():
        return (_("To number and issue: %(subject)s") % {"subject": document.subject[:80]},
                _("%(director)s approved “%(subject)s” for issue.")
                % {"director": _name(user), "subject": document.subject})
    notify(clerks(document.agency), compose, "eoffice_documents.to_issue",
           agency=document.agency)


@transaction.atomic
def issue(user, document, *, register, signer, signing_prefix=SigningPrefix.NONE,
          signer_title="", issue_date=None, copies=None, signed_file=None):
    """The clerk numbers and issues an approved document: the next number of the
    register's series, the notation built by core (``15/QĐ-BQL``), the signer, the date,
    and delivery to the recipients of this installation (R-EO-6)."""
    document = _locked(document)
    if not access.is_clerk(user, document.agency_id):
        refuse(_("Only a clerk of %(agency)s numbers and issues its documents."),
               agency=document.agency.name)
    require_state(document, OutgoingState.APPROVED)
    if register.agency_id != document.agency_id or register.kind != RegisterKind.OUTGOING \
            or not register.is_active:
        refuse(_("Choose an outgoing register of %(agency)s in use."),
               agency=document.agency.name)
    if register.is_secret and not document.is_secret:
        refuse(_("Only secret documents go into a secret register."))
    if signing_prefix not in SigningPrefix.values:
        refuse(_("Unknown signing authority."))
    if signed_file is not None:
        _check_attachment(signed_file, OutgoingFileKind.SIGNED, document.is_secret)
    issue_date = issue_date or today()
    year = issue_date.year
    normative_type = document.type_code if document.is_normative else None
    if document.is_normative and not document.type_code:
        refuse(_("A legal normative document needs its type."))
    series = numbering.outgoing_series(register, secret=document.is_secret,
                                       normative_type=normative_type)
    document.number = numbering.next_number(register, year, series)
    document.number_notation = numbering.notation(
        document.number, document.agency, type_code=document.type_code,
        unit_symbol=document.drafting_unit.symbol,
        year=year if document.is_normative else None)
    document.number_key = search_key(document.number_notation) or ""
    document.register, document.year, document.series = register, year, series
    document.signer, document.signing_prefix = signer, signing_prefix
    document.signer_title = signer_title or _signer_title(signer, document.agency)
    document.issue_date, document.copies = issue_date, copies
    document.review_due_at = None
    document.state = OutgoingState.ISSUED
    save(document, user)
    if signed_file is not None:
        OutgoingFile.objects.create(document=document, kind=OutgoingFileKind.SIGNED,
                                    file=signed_file, name=signed_file.name, uploaded_by=user)
    step(document, StepAction.ISSUE, user, from_state=OutgoingState.APPROVED,
         note=document.number_notation)
    _deliver(user, document)
    if document.is_normative and not document.is_secret:
        _offer_to_publishers(user, document)
    return document


def _offer_to_publishers(user, document):
    """A legal normative document, once issued, is offered to the plugins that publish
    documents (the legal library drafts it for its editors), after commit (core)."""
    from plugins.core.issued_documents import IssuedDocument, IssuedFile, offer

    files = tuple(IssuedFile(f.name, f.file.open)
                  for f in document.files.filter(kind=OutgoingFileKind.SIGNED))
    prefix = f"{document.signing_prefix} " if document.signing_prefix else ""
    offer(IssuedDocument(
        agency=document.agency, number=document.number_notation, type_code=document.type_code,
        subject=document.subject, issue_date=document.issue_date, is_normative=True,
        signer_name=document.signer.get_full_name() if document.signer else "",
        signer_title=f"{prefix}{document.signer_title}".strip(), issued_by=user,
        files=files, source=f"{document._meta.label_lower}:{document.pk}"),
        sender=type(document))


def _signer_title(signer, agency):
    position = Position.objects.filter(user=signer, unit__agency=agency).order_by(
        "-is_leader", "sort_order").first()
    return position.title if position else ""


def default_incoming_register(agency):
    """The agency's default incoming register, made on first delivery if it has none."""
    register = Register.objects.filter(agency=agency, kind=RegisterKind.INCOMING,
                                       is_default=True).first()
    if register is None:
        register, _made = Register.objects.get_or_create(
            agency=agency, kind=RegisterKind.INCOMING, name="Sổ văn bản đến điện tử",
            defaults={"is_default": True})
    return register


def _deliver(user, document):
    """Recipients that are agencies of this installation receive the document now, in
    their default incoming register — or through the exchange app, when it takes the
    delivery (:mod:`..signals`). Secret documents are never sent electronically."""
    from plugins.eoffice.documents.services import incoming
    from plugins.eoffice.documents.signals import delivery_requested

    recipients = list(document.recipient_agencies.exclude(pk=document.agency_id))
    if not recipients:
        return []
    if document.is_secret:
        step(document, StepAction.DELIVER, user, note=_(
            "Secret: not sent electronically; deliver the paper copies."))
        return []
    taken = delivery_requested.send(sender=OutgoingDocument, document=document, user=user)
    if any(answer for _receiver, answer in taken):
        return []
    delivered = []
    files = list(document.files.filter(kind__in=[OutgoingFileKind.SIGNED,
                                                 OutgoingFileKind.ANNEX]))
    for agency in recipients:
        registration = incoming.register(
            None, default_incoming_register(agency), system=True, arrived_at=timezone.now(),
            sender_agency=document.agency, sender_name=document.agency.name,
            number_notation=document.number_notation, issue_date=document.issue_date,
            subject=document.subject, type_code=document.type_code,
            urgency=document.urgency, page_count=document.page_count,
            source=Source.ELECTRONIC, signer_name=_name(document.signer),
            from_outgoing=document)
        _copy_files(files, registration.document)
        delivered.append(registration.document)

        def compose(agency=agency):
            return (_("New incoming document from %(sender)s") % {"sender": document.agency.name},
                    _("%(number)s: %(subject)s") % {"number": document.number_notation,
                                                    "subject": document.subject})
        notify(clerks(agency), compose, "eoffice_documents.delivered", agency=agency)
    step(document, StepAction.DELIVER, user,
         note=", ".join(agency.name for agency in recipients))
    return delivered


def _copy_files(files, incoming_document):
    from django.core.files.base import ContentFile

    from plugins.eoffice.documents.models import IncomingFile

    for item in files:
        with item.file.open("rb") as source:
            content = ContentFile(source.read(), name=item.name)
        IncomingFile.objects.create(document=incoming_document, file=content, name=item.name)


@transaction.atomic
def withdraw(user, document, note):
    """An issued document is withdrawn: it keeps its number, with a note."""
    document = _locked(document)
    require_state(document, OutgoingState.ISSUED)
    as_clerk = access.is_clerk(user, document.agency_id)
    if not (as_clerk or access.is_director(user, document.agency_id)):
        refuse(_("Only the director or a clerk withdraws an issued document."))
    document.withdrawn_note = require_reason(note)
    _move(document, user, OutgoingState.WITHDRAWN, StepAction.WITHDRAW, document.withdrawn_note,
          as_director=not as_clerk)
