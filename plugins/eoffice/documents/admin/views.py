"""The e-office's admin views beyond the viewsets' lists: registering, the actions on a
document (each a POST to a service), file downloads, inboxes and the processing slip."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks

from plugins.core.models import Position, Role, Unit
from plugins.eoffice.documents import access, inbox, versions
from plugins.eoffice.documents.admin import forms as admin_forms
from plugins.eoffice.documents.admin.actions import incoming_actions, outgoing_actions
from plugins.eoffice.documents.models import (
    IncomingFile,
    OutgoingFile,
)
from plugins.eoffice.documents.search import search
from plugins.eoffice.documents.services import incoming, outgoing
from plugins.eoffice.documents.services.common import TransitionError
from plugins.eoffice.documents.signals import DOCUMENT_PANELS_HOOK

INCOMING_INSPECT = "eoffice_incoming:inspect"
# What a step of the slip shows: who, on whose behalf (delegation), entered after outage.
STEP_RELATED = ("actor", "on_behalf_of", "delegation")
OUTGOING_INSPECT = "eoffice_outgoing:inspect"


def _incoming_or_404(user, pk):
    queryset = access.incoming_visible_to(user).select_related("agency", "register")
    return get_object_or_404(queryset, pk=pk)


def _outgoing_or_404(user, pk):
    queryset = access.outgoing_visible_to(user).select_related("agency", "drafting_unit",
                                                               "author")
    return get_object_or_404(queryset, pk=pk)


# --- Registering an incoming document ---------------------------------------------------


def register_incoming(request):
    user = request.user
    if not (user.is_superuser or access.role_agency_ids(user, Role.CLERK)):
        raise PermissionDenied
    form = admin_forms.RegisterIncomingForm(request.POST or None, request.FILES or None,
                                            user=user)
    duplicate = None
    warnings = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        warnings = incoming.subject_warnings(data["subject"])
        if warnings and not data["confirm_generic"]:
            form.add_error("subject", warnings[0])
        else:
            fields = {key: data[key] for key in (
                "arrived_at", "sender_agency", "sender_name", "number_notation", "issue_date",
                "type_code", "subject", "urgency", "secrecy", "page_count", "source",
                "signer_name")}
            try:
                registration = incoming.register(user, data["register"], files=data["files"],
                                                 **fields)
            except incoming.DuplicateDocument as refused:
                duplicate = refused.existing
                form.add_error(None, refused.message)
            except TransitionError as refused:
                form.add_error(None, refused.message)
            else:
                document = registration.document
                messages.success(request, _("Registered with arrival number %(number)02d.")
                                 % {"number": document.arrival_number})
                return redirect(INCOMING_INSPECT, document.pk)
    return TemplateResponse(request, "eoffice_documents/admin/register_incoming.html", {
        "form": form, "duplicate": duplicate, "page_title": _("Register an incoming document"),
    })


# --- Actions on an incoming document ------------------------------------------------------


def _assign(request, document):
    form = admin_forms.AssignForm(request.POST, document=document)
    if not form.is_valid():
        return form
    data = form.cleaned_data
    incoming.assign(request.user, document, main=data["main_unit"] or data["main_person"],
                    co=[*data["co_units"], *data["co_people"]],
                    info=[*data["info_units"], *data["info_people"]],
                    deadline_days=data["deadline_days"], instruction=data["instruction"],
                    field=data["field"], urgency=data["urgency"] or None)
    return None


def _reassign(request, document):
    main = incoming.main_assignment(document)
    if main is None or main.unit_id is None:
        raise TransitionError(_("Only the leader of the unit that handles the document "
                                "reassigns it."))
    form = admin_forms.ReassignForm(request.POST, unit=main.unit)
    if not form.is_valid():
        return form
    data = form.cleaned_data
    incoming.reassign(request.user, document, data["person"], co=data["co_people"],
                      instruction=data["instruction"], deadline_days=data["deadline_days"])
    return None


def _with_form(form_class, call, field):
    def handle(request, document):
        form = form_class(request.POST)
        if not form.is_valid():
            return form
        call(request.user, document, form.cleaned_data[field])
        return None
    return handle


def _file(request, document):
    form = admin_forms.FileForm(request.POST, user=request.user, document=document)
    if not form.is_valid():
        return form
    incoming.file_into(request.user, document, form.cleaned_data["dossier"])
    return None


INCOMING_HANDLERS = {
    "assign": _assign,
    "reassign": _reassign,
    "recall": _with_form(admin_forms.ReasonForm, incoming.recall, "reason"),
    "return": _with_form(admin_forms.ReasonForm, incoming.return_to_clerk, "reason"),
    "resubmit": _with_form(admin_forms.NoteForm, incoming.resubmit, "note"),
    "result": _with_form(admin_forms.ResultForm, incoming.record_result, "result"),
    "file": _file,
}


def _form_errors(form):
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@require_POST
def incoming_action(request, pk, action):
    document = _incoming_or_404(request.user, pk)
    if action == "reply":
        try:
            draft = incoming.reply(request.user, document)
        except TransitionError as refused:
            messages.error(request, refused.message)
            return redirect(INCOMING_INSPECT, document.pk)
        messages.success(request, _("A reply draft was started."))
        return redirect(OUTGOING_INSPECT, draft.pk)
    return _run_action(request, document, action, INCOMING_HANDLERS.get(action),
                       INCOMING_INSPECT)


# --- Outgoing documents ---------------------------------------------------------------


def new_draft(request):
    user = request.user
    position = Position.objects.filter(user=user).select_related("unit__agency").first()
    if position is None:
        raise PermissionDenied
    agency = position.unit.agency
    form = admin_forms.DraftForm(request.POST or None, request.FILES or None, user=user,
                                 agency=agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {key: data[key] for key in (
            "drafting_unit", "type_code", "subject", "body_text", "urgency", "secrecy",
            "is_normative", "page_count", "proposed_signer", "recipient_agencies",
            "recipient_units", "external_recipients")}
        try:
            draft = outgoing.create_draft(user, agency, **fields)
            if data["body_file"]:
                outgoing.attach(user, draft, data["body_file"])
        except TransitionError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect(OUTGOING_INSPECT, draft.pk)
    return TemplateResponse(request, "eoffice_documents/admin/form_page.html", {
        "form": form, "page_title": _("New outgoing draft"), "multipart": True,
    })


def _edit(request, document):
    form = admin_forms.EditDraftForm(request.POST)
    if not form.is_valid():
        return form
    outgoing.edit(request.user, document, **form.cleaned_data)
    return None


def _attach(request, document):
    form = admin_forms.AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        return form
    outgoing.attach(request.user, document, form.cleaned_data["file"], form.cleaned_data["kind"])
    return None


def _issue(request, document):
    form = admin_forms.IssueForm(request.POST, request.FILES, document=document)
    if not form.is_valid():
        return form
    data = form.cleaned_data
    outgoing.issue(request.user, document, register=data["register"], signer=data["signer"],
                   signing_prefix=data["signing_prefix"] or "",
                   signer_title=data["signer_title"], issue_date=data["issue_date"],
                   copies=data["copies"], signed_file=data["signed_file"])
    return None


OUTGOING_HANDLERS = {
    "edit": _edit,
    "attach": _attach,
    "issue": _issue,
    "submit": _with_form(admin_forms.NoteForm, outgoing.submit, "note"),
    "forward": _with_form(admin_forms.NoteForm, outgoing.forward, "note"),
    "approve": _with_form(admin_forms.NoteForm, outgoing.approve, "note"),
    "comment": _with_form(admin_forms.ReasonForm, outgoing.comment, "reason"),
    "send_back": _with_form(admin_forms.ReasonForm, outgoing.send_back, "reason"),
    "withdraw": _with_form(admin_forms.ReasonForm, outgoing.withdraw, "reason"),
}


@require_POST
def outgoing_action(request, pk, action):
    document = _outgoing_or_404(request.user, pk)
    return _run_action(request, document, action, OUTGOING_HANDLERS.get(action),
                       OUTGOING_INSPECT)


def _run_action(request, document, action, handler, inspect_url_name):
    """Run one action's handler (a transition of the service module) and come back to the
    document's page with what happened: done, refused and why, or the form's errors."""
    if handler is None:
        raise Http404
    try:
        invalid = handler(request, document)
    except TransitionError as refused:
        messages.error(request, refused.message)
    else:
        if invalid is not None:
            messages.error(request, _form_errors(invalid))
        else:
            messages.success(request, _("Done: %(action)s.") % {
                "action": ACTION_LABELS[action]()})
    return redirect(inspect_url_name, document.pk)


# --- Files: only through here, only to who may see the document -----------------------


def download(request, kind, pk):
    if kind == "incoming":
        item = get_object_or_404(IncomingFile, pk=pk)
        if not access.may_see_incoming(request.user, item.document):
            raise Http404
    elif kind == "outgoing":
        item = get_object_or_404(OutgoingFile, pk=pk)
        if not access.may_see_outgoing(request.user, item.document):
            raise Http404
    else:
        raise Http404
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)
    response["Cache-Control"] = "private, no-store"
    return response


# --- Inboxes -------------------------------------------------------------------------


INBOX_TABS = {
    "to_handle": (inbox.to_handle, gettext_lazy("To handle")),
    "due_soon": (inbox.due_soon, gettext_lazy("Due within 2 working days")),
    "overdue": (inbox.overdue, gettext_lazy("Overdue")),
    "unread": (inbox.unread_for_information, gettext_lazy("Unread, for information")),
}
PAGE_SIZE = 50


def my_inbox(request):
    tab = request.GET.get("tab", "to_handle")
    if tab not in INBOX_TABS:
        tab = "to_handle"
    query = (request.GET.get("q") or "").strip()
    documents = INBOX_TABS[tab][0](request.user)
    if query:
        documents = search(documents, query)
    counts = inbox.counts(request.user)
    tabs = [(key, label, key == tab, counts[key])
            for key, (_function, label) in INBOX_TABS.items()]
    return TemplateResponse(request, "eoffice_documents/admin/inbox.html", {
        "page_title": _("My inbox"), "tabs": tabs, "tab": tab, "query": query,
        "documents": documents.order_by("deadline", "-arrived_at")[:PAGE_SIZE],
        "drafts": inbox.drafts_to_review(request.user)[:PAGE_SIZE],
        "counts": counts,
        "leads_a_unit": bool(access.led_unit_ids(request.user)),
        "sees_the_agency": request.user.is_superuser or bool(
            access.role_agency_ids(request.user, Role.AGENCY_LEADER)
            | access.role_agency_ids(request.user, Role.CLERK)),
        "is_clerk": request.user.is_superuser or bool(
            access.role_agency_ids(request.user, Role.CLERK)),
    })


def unit_progress(request):
    units = Unit.objects.filter(pk__in=access.led_unit_ids(request.user)).select_related(
        "agency")
    if not units:
        raise PermissionDenied
    sections = [(unit, inbox.unit_progress(request.user, unit)[:200]) for unit in units]
    return TemplateResponse(request, "eoffice_documents/admin/progress.html", {
        "page_title": _("My unit's progress"), "sections": sections,
        "today": inbox.today(),
    })


def agency_overview(request):
    from plugins.core.models import Agency

    ids = access.role_agency_ids(request.user, Role.AGENCY_LEADER) | access.role_agency_ids(
        request.user, Role.CLERK)
    agencies = Agency.objects.filter(pk__in=ids)
    if not agencies:
        raise PermissionDenied
    sections = [(agency, inbox.agency_open(request.user, agency)[:200]) for agency in agencies]
    late = inbox.outgoing_overdue_reviews(request.user, agencies).select_related(
        "drafting_unit")[:200]
    return TemplateResponse(request, "eoffice_documents/admin/progress.html", {
        "page_title": _("Agency documents in processing"), "sections": sections,
        "today": inbox.today(), "late_drafts": late,
    })


# --- The processing slip, printable -----------------------------------------------------


def slip(request, kind, pk):
    if kind == "incoming":
        document = _incoming_or_404(request.user, pk)
    elif kind == "outgoing":
        document = _outgoing_or_404(request.user, pk)
    else:
        raise Http404
    steps = document.steps.select_related(*STEP_RELATED)
    return TemplateResponse(request, "eoffice_documents/admin/slip.html", {
        "document": document, "kind": kind, "steps": steps,
        "page_title": _("Processing slip"),
        "assignments": document.assignments.select_related("unit", "person")
        if kind == "incoming" else None,
    })


def inspect_context(request, document, kind):
    """What the inspect pages show beyond the fields: files, steps, the actions' forms."""
    user = request.user
    context = {"steps": document.steps.select_related(*STEP_RELATED), "kind": kind,
               "slip_url": reverse("eoffice:slip", args=[kind, document.pk])}
    if kind == "incoming":
        incoming.mark_read(user, document)
        actions = incoming_actions(user, document)
        main = incoming.main_assignment(document)
        forms = {
            "assign": lambda: admin_forms.AssignForm(document=document),
            "reassign": lambda: admin_forms.ReassignForm(unit=main.unit),
            "recall": admin_forms.ReasonForm, "return": admin_forms.ReasonForm,
            "resubmit": admin_forms.NoteForm, "result": admin_forms.ResultForm,
            "file": lambda: admin_forms.FileForm(user=user, document=document),
            "reply": admin_forms.NoteForm,
        }
        context["files"] = [] if document.is_secret else document.files.all()
        context["assignments"] = document.assignments.select_related(
            "unit", "person", "assigned_by")
        context["duplicates"] = None
    else:
        actions = outgoing_actions(user, document)
        forms = {
            "edit": lambda: admin_forms.EditDraftForm(initial={
                "subject": document.subject, "body_text": document.body_text,
                "external_recipients": document.external_recipients}),
            "attach": admin_forms.AttachForm,
            "issue": lambda: admin_forms.IssueForm(document=document),
            "submit": admin_forms.NoteForm, "forward": admin_forms.NoteForm,
            "approve": admin_forms.NoteForm, "comment": admin_forms.ReasonForm,
            "send_back": admin_forms.ReasonForm, "withdraw": admin_forms.ReasonForm,
        }
        context["files"] = [] if document.is_secret else document.files.all()
        context["versions"] = versions.text_versions(document)
    context["panels"] = [panel for hook in hooks.get_hooks(DOCUMENT_PANELS_HOOK)
                         if (panel := hook(request, document, kind)) is not None]
    context["actions"] = [
        {"name": name, "label": ACTION_LABELS[name](), "form": forms[name](),
         "url": reverse(f"eoffice:{kind}_action", args=[document.pk, name])}
        for name in actions]
    return context


ACTION_LABELS = {
    "assign": lambda: _("Assign"), "reassign": lambda: _("Reassign inside the unit"),
    "recall": lambda: _("Recall the assignment"), "return": lambda: _("Return to the clerk"),
    "resubmit": lambda: _("Send for assignment again"), "result": lambda: _("Record the result"),
    "file": lambda: _("File into a dossier"), "reply": lambda: _("Draft a reply"),
    "edit": lambda: _("Edit the draft"), "attach": lambda: _("Add a file"),
    "submit": lambda: _("Submit for review"), "forward": lambda: _("Agree and forward to the "
                                                                   "director"),
    "approve": lambda: _("Approve for issue"), "comment": lambda: _("Comment"),
    "send_back": lambda: _("Return to the author"), "issue": lambda: _("Number and issue"),
    "withdraw": lambda: _("Withdraw"),
}
