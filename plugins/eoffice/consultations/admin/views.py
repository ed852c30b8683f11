"""The consultations' screens: the list (mine and those I am asked in), the form of a draft,
one consultation (its files, the responses the user may see, the response form, the
drafter's actions), the report (printable, exported), and the two file downloads.

Every screen reads the consultation through :func:`..access.visible` (another agency's, or
one the user is not in, is a 404), and every change goes through :mod:`..services`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.core.spreadsheets import dataset_response, sheet_title
from plugins.eoffice.consultations import access, reports, services
from plugins.eoffice.consultations.admin.forms import ConsultationForm, ResponseForm
from plugins.eoffice.consultations.models import (
    Consultation,
    DraftFile,
    Invitee,
    Response,
    State,
)


def _visible(request):
    return access.visible(request.user, Consultation.objects.all())


def _get(request, pk):
    return get_object_or_404(_visible(request).select_related("agency", "drafted_by"), pk=pk)


def _page(request, template, title, **context):
    return TemplateResponse(request, f"eoffice_consultations/admin/{template}", {
        "page_title": title, "header_title": title, "header_icon": "comment", **context})


def index(request):
    me = access.rights(request.user)
    if not me.may_draft:
        raise PermissionDenied
    mine_asked = Invitee.objects.filter(consultation=OuterRef("pk")).filter(
        Q(user=request.user) | Q(unit_id__in=me.led_units))
    consultations = _visible(request).select_related("agency", "drafted_by").annotate(
        asked=Count("invitees", distinct=True),
        responded=Count("invitees__response", distinct=True),
        flagged=Count("invitees", filter=Q(invitees__flagged_at__isnull=False), distinct=True),
        am_asked=Exists(mine_asked),
        am_pending=Exists(mine_asked.filter(response__isnull=True)),
    )
    state = request.GET.get("state")
    if state in State.values:
        consultations = consultations.filter(state=state)
    return _page(request, "index.html", _("Consultations on drafts"),
                 consultations=consultations[:500], states=State.choices, state=state,
                 may_draft=me.may_draft)


def _form_context(form, consultation=None):
    return {"form": form, "consultation": consultation}


def add(request):
    if not access.rights(request.user).may_draft:
        raise PermissionDenied
    form = ConsultationForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            consultation = services.create(
                request.user, data.pop("agency"), people=data.pop("people"),
                units=data.pop("units"), files=data.pop("files"), **data)
        except services.TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Draft saved. Open it when it is ready."))
            return redirect("eoffice_consultations:detail", consultation.pk)
    return _page(request, "form.html", _("New consultation on a draft"),
                 **_form_context(form))


def edit(request, pk):
    consultation = _get(request, pk)
    if not access.rights(request.user).is_drafter(consultation):
        raise PermissionDenied
    if consultation.state != State.DRAFT:
        messages.error(request, _("Only a draft can be changed."))
        return redirect("eoffice_consultations:detail", consultation.pk)
    initial = {"title": consultation.title, "summary": consultation.summary,
               "working_days": consultation.working_days,
               "people": [i.user_id for i in consultation.invitees.all() if i.user_id],
               "units": [i.unit_id for i in consultation.invitees.all() if i.unit_id]}
    form = ConsultationForm(request.POST or None, request.FILES or None, user=request.user,
                            consultation=consultation, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.edit(request.user, consultation, people=data.pop("people"),
                          units=data.pop("units"), files=data.pop("files"),
                          remove_files=request.POST.getlist("remove_file"), **data)
        except services.TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Draft saved."))
            return redirect("eoffice_consultations:detail", consultation.pk)
    return _page(request, "form.html", _("Change the draft consultation"),
                 files=list(consultation.files.all()), **_form_context(form, consultation))


def detail(request, pk):
    consultation = _get(request, pk)
    me = access.rights(request.user)
    is_drafter = me.is_drafter(consultation)
    rows = [(invitee, response) for invitee, response in reports.rows(consultation)
            if me.may_see_response(invitee, consultation)]
    mine = [invitee for invitee, _response in rows if me.answers_for(invitee)]
    may_respond = (consultation.state == State.OPEN
                   and not services.is_past_deadline(consultation))
    forms = []
    if may_respond:
        for invitee in mine:
            response = getattr(invitee, "response", None)
            initial = ({"verdict": response.verdict, "text": response.text}
                       if response else {})
            forms.append((invitee, ResponseForm(initial=initial, prefix=f"r{invitee.pk}")))
    return _page(request, "detail.html", consultation.title, consultation=consultation,
                 files=list(consultation.files.all()), rows=rows, is_drafter=is_drafter,
                 response_forms=forms,
                 rows_shown=[(i, r, reports.status(i, r)) for i, r in rows])


@require_POST
def respond(request, pk, invitee_pk):
    consultation = _get(request, pk)
    invitee = get_object_or_404(Invitee.objects.select_related("consultation"),
                                pk=invitee_pk, consultation=consultation)
    form = ResponseForm(request.POST, request.FILES, prefix=f"r{invitee.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("eoffice_consultations:detail", consultation.pk)
    try:
        services.respond(request.user, invitee, form.cleaned_data["verdict"],
                         form.cleaned_data["text"], form.cleaned_data.get("file"))
    except services.TransitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your response is recorded."))
    return redirect("eoffice_consultations:detail", consultation.pk)


@require_POST
def action(request, pk, name):
    consultation = _get(request, pk)
    try:
        if name == "open":
            services.open_consultation(request.user, consultation)
            messages.success(request, _("Opened: those asked have been told."))
        elif name == "delete":
            services.delete_draft(request.user, consultation)
            messages.success(request, _("Draft deleted."))
            return redirect("eoffice_consultations:index")
        else:
            raise Http404
    except services.TransitionError as error:
        messages.error(request, error.message)
    return redirect("eoffice_consultations:detail", consultation.pk)


def report(request, pk):
    consultation = _get(request, pk)
    if not access.rights(request.user).is_drafter(consultation):
        raise PermissionDenied
    fmt = request.GET.get("format")
    if fmt:
        data = reports.dataset(consultation)
        data.title = sheet_title(consultation.title)
        return dataset_response(data, f"lay-y-kien-{consultation.pk}", fmt)
    rows = reports.rows(consultation)
    return _page(request, "report.html", _("Report of the consultation"),
                 consultation=consultation, now=timezone.now(),
                 rows_shown=[(i, r, reports.status(i, r)) for i, r in rows],
                 responded=sum(1 for _invitee, response in rows if response),
                 flagged=sum(1 for invitee, _response in rows if invitee.flagged_at))


def draft_file(request, file_pk):
    item = get_object_or_404(DraftFile.objects.filter(
        consultation__in=_visible(request)), pk=file_pk)
    return _serve(item.file, item.name)


def response_file(request, response_pk):
    response = get_object_or_404(Response.objects.select_related(
        "invitee__consultation").filter(invitee__consultation__in=_visible(request)),
        pk=response_pk)
    if not response.file or not access.rights(request.user).may_see_response(
            response.invitee, response.invitee.consultation):
        raise Http404
    return _serve(response.file, response.file_name or "file")


def _serve(field_file, name):
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def detail_url(consultation):
    return reverse("eoffice_consultations:detail", args=[consultation.pk])
