"""The exchange's admin screens: what was received (accept into a register, or refuse),
what was sent and what the recipients answered, one envelope with its package, and the
agency's keys for the HTTP endpoint."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.core.models import Agency
from plugins.eoffice.documents import access
from plugins.eoffice.documents.models import OutgoingDocument
from plugins.eoffice.documents.services.common import TransitionError
from plugins.eoffice.exchange import permissions, receiving, sending
from plugins.eoffice.exchange.admin.forms import AcceptForm, KeyForm, RefuseForm, SendForm
from plugins.eoffice.exchange.edxml.package import Organ
from plugins.eoffice.exchange.edxml.read import package_from, parse_root
from plugins.eoffice.exchange.edxml.schema_check import InvalidPackage
from plugins.eoffice.exchange.models import (
    Direction,
    Envelope,
    EnvelopeKind,
    EnvelopeState,
    ExchangeKey,
)

PAGE_SIZE = 50
SAFE_TYPES = {"application/pdf", "image/jpeg", "image/png", "application/msword",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.oasis.opendocument.text",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "application/vnd.oasis.opendocument.spreadsheet"}
RECEIVED_TABS = {
    "waiting": ({"state": EnvelopeState.WAITING}, lambda: _("Waiting for the clerk")),
    "invalid": ({"state": EnvelopeState.INVALID}, lambda: _("Refused as invalid")),
    "handled": ({"state__in": [EnvelopeState.ACCEPTED, EnvelopeState.REFUSED,
                               EnvelopeState.RECALLED, EnvelopeState.APPLIED]},
                lambda: _("Handled")),
}


def _visible(user):
    ids = permissions.viewer_agency_ids(user)
    if ids is not None and not ids:
        raise PermissionDenied
    return permissions.scoped(Envelope.objects.all(), ids)


def received(request):
    tab = request.GET.get("tab", "waiting")
    if tab not in RECEIVED_TABS:
        tab = "waiting"
    envelopes = _visible(request.user).filter(direction=Direction.IN,
                                              kind=EnvelopeKind.DOCUMENT)
    tabs = [(key, label(), key == tab) for key, (_filter, label) in RECEIVED_TABS.items()]
    return TemplateResponse(request, "eoffice_exchange/admin/received.html", {
        "page_title": _("Received through exchange"), "tabs": tabs,
        "envelopes": envelopes.filter(**RECEIVED_TABS[tab][0]).select_related(
            "agency", "incoming")[:PAGE_SIZE],
    })


def sent(request):
    envelopes = _visible(request.user).filter(direction=Direction.OUT,
                                              kind=EnvelopeKind.DOCUMENT)
    return TemplateResponse(request, "eoffice_exchange/admin/sent.html", {
        "page_title": _("Sent through exchange"),
        "envelopes": envelopes.select_related("agency", "outgoing")[:PAGE_SIZE],
    })


def _envelope_or_404(user, pk):
    envelope = get_object_or_404(Envelope.objects.select_related("agency", "incoming",
                                                                 "outgoing"), pk=pk)
    if not permissions.may_see(user, envelope):
        raise Http404
    return envelope


def _package_of(envelope):
    if not envelope.package:
        return None, envelope.reason
    try:
        with envelope.package.open("rb") as handle:
            return package_from(parse_root(handle.read())), ""
    except InvalidPackage as error:
        return None, error.reason


def envelope_view(request, pk):
    envelope = _envelope_or_404(request.user, pk)
    package = problem = None
    if envelope.kind == EnvelopeKind.DOCUMENT:
        package, problem = _package_of(envelope)
    may_handle = (envelope.direction == Direction.IN and envelope.kind == EnvelopeKind.DOCUMENT
                  and envelope.state == EnvelopeState.WAITING
                  and access.is_clerk(request.user, envelope.agency_id))
    return TemplateResponse(request, "eoffice_exchange/admin/envelope.html", {
        "page_title": _("Exchange package"), "envelope": envelope, "package": package,
        "problem": problem, "may_handle": may_handle,
        "accept_form": AcceptForm(agency=envelope.agency) if may_handle else None,
        "refuse_form": RefuseForm() if may_handle else None,
        "statuses": envelope.statuses.order_by("status_at", "pk"),
    })


@require_POST
def accept(request, pk):
    envelope = _envelope_or_404(request.user, pk)
    form = AcceptForm(request.POST, agency=envelope.agency)
    if not form.is_valid():
        messages.error(request, _("Choose the register."))
        return redirect("eoffice_exchange:envelope", pk)
    try:
        registration = receiving.accept(request.user, envelope, form.cleaned_data["register"])
    except TransitionError as error:
        messages.error(request, error.message)
        return redirect("eoffice_exchange:envelope", pk)
    document = registration.document
    messages.success(request, _("Registered as arrival number %(number)02d; %(sender)s is "
                                "told.") % {"number": document.arrival_number,
                                            "sender": document.sender_name})
    return redirect("eoffice_incoming:inspect", document.pk)


@require_POST
def refuse(request, pk):
    envelope = _envelope_or_404(request.user, pk)
    form = RefuseForm(request.POST)
    try:
        if not form.is_valid():
            raise TransitionError(_("Give a reason."))
        receiving.refuse_package(request.user, envelope, form.cleaned_data["reason"])
    except TransitionError as error:
        messages.error(request, error.message)
        return redirect("eoffice_exchange:envelope", pk)
    messages.success(request, _("Refused; the sender is told why."))
    return redirect("eoffice_exchange:received")


def package_file(request, pk):
    """The envelope's package as received or sent (XML)."""
    envelope = _envelope_or_404(request.user, pk)
    if not envelope.package:
        raise Http404
    with envelope.package.open("rb") as handle:
        data = handle.read()
    response = HttpResponse(data, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{envelope.uid}.xml"'
    return response


def attachment(request, pk, index):
    """One file the package carries, for the clerk to read before accepting it."""
    envelope = _envelope_or_404(request.user, pk)
    package, _problem = _package_of(envelope)
    if package is None or not 0 <= index < len(package.attachments):
        raise Http404
    item = package.attachments[index]
    # Shown as what it says it is only when that is a document format; a package could
    # claim text/html for a script.
    kind = item.content_type if item.content_type in SAFE_TYPES else "application/octet-stream"
    response = HttpResponse(item.content, content_type=kind)
    from django.utils.http import content_disposition_header

    response["Content-Disposition"] = content_disposition_header(True, item.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def send(request, pk):
    """The clerk sends an issued document to organs (after its issue, or later)."""
    document = get_object_or_404(access.outgoing_visible_to(request.user).select_related(
        "agency"), pk=pk)
    back = reverse("eoffice_outgoing:inspect", args=[pk])
    if not access.is_clerk(request.user, document.agency_id):
        raise PermissionDenied
    form = SendForm(request.POST, document=document, already=sending.recipients_sent(document))
    if not form.is_valid():
        messages.error(request, _("Choose at least one recipient."))
        return redirect(back)
    names = dict(form.fields["organs"].choices)
    organs = [Organ(organ_id=organ_id, name=names[organ_id].rsplit(" (", 1)[0])
              for organ_id in form.cleaned_data["organs"]]
    try:
        from django.db import transaction

        with transaction.atomic():
            made = sending.queue_document(OutgoingDocument.objects.select_for_update().get(
                pk=document.pk), organs, request.user)
    except TransitionError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(request, _("Queued for %(count)s recipient(s); their answers appear "
                                "below.") % {"count": len(made)})
    return redirect(back)


@require_POST
def sign(request, pk):
    """The clerk signs the approved document's PDFs with the agency's certificate."""
    from plugins.eoffice.exchange.signing.documents import sign_files

    document = get_object_or_404(access.outgoing_visible_to(request.user), pk=pk)
    try:
        signed = sign_files(request.user, document)
    except TransitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Signed with the agency's certificate: %(files)s.")
                         % {"files": ", ".join(item.name for item in signed)})
    return redirect("eoffice_outgoing:inspect", pk)


def keys(request):
    """The agency's keys for the HTTP endpoint: made (shown once), listed, revoked."""
    ids = permissions.key_agency_ids(request.user)
    if ids is not None and not ids:
        raise PermissionDenied
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    form = KeyForm(request.POST or None, agencies=agencies)
    made_key = None
    if request.method == "POST" and form.is_valid():
        _row, made_key = ExchangeKey.make(form.cleaned_data["agency"],
                                          form.cleaned_data["label"])
        form = KeyForm(agencies=agencies)
    listed = permissions.scoped(ExchangeKey.objects.all(), ids).select_related("agency")
    return TemplateResponse(request, "eoffice_exchange/admin/keys.html", {
        "page_title": _("Exchange keys"), "form": form, "keys": listed, "made_key": made_key,
        "endpoint": request.build_absolute_uri(reverse("eoffice_exchange_endpoint")),
    })


@require_POST
def revoke_key(request, pk):
    ids = permissions.key_agency_ids(request.user)
    key = get_object_or_404(permissions.scoped(ExchangeKey.objects.all(), ids or set())
                            if ids is not None else ExchangeKey.objects.all(), pk=pk)
    key.is_active = False
    key.save(update_fields=["is_active"])
    messages.success(request, _("The key is revoked: it no longer delivers anything."))
    return redirect("eoffice_exchange:keys")
