"""Outage entry in the admin (R-EO-17): the clerk opens an entry (the outage window and its
reason), then registers the paper documents of the outage with their real arrival times."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateTimeInput

from plugins.eoffice.documents.admin.forms import RegisterIncomingForm
from plugins.eoffice.documents.models import Register
from plugins.eoffice.documents.services import incoming, outage
from plugins.eoffice.documents.services.common import TransitionError

LIST_SIZE = 50
REGISTER_FIELDS = ("arrived_at", "sender_agency", "sender_name", "number_notation",
                   "issue_date", "type_code", "subject", "urgency", "secrecy", "page_count",
                   "source", "signer_name")


class OutageForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("Agency"), queryset=None)
    starts_at = forms.DateTimeField(label=gettext_lazy("Outage from"),
                                    widget=AdminDateTimeInput)
    ends_at = forms.DateTimeField(label=gettext_lazy("Outage until"), widget=AdminDateTimeInput)
    reason = forms.CharField(label=gettext_lazy("Reason"),
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = outage.agencies_for(user)


class OutageRegisterForm(RegisterIncomingForm):
    """The usual registration form; the registers are the outage's agency's."""

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["register"].queryset = self.fields["register"].queryset.filter(
            agency_id=entry.agency_id)
        self.fields["arrived_at"].initial = entry.starts_at
        self.fields["arrived_at"].help_text = _(
            "The real arrival time, inside the outage (%(outage)s).") % {"outage": str(entry)}


def _clerk_agencies_or_403(user):
    agencies = outage.agencies_for(user)
    if not agencies.exists():
        raise PermissionDenied
    return agencies


def outage_list(request):
    user = request.user
    _clerk_agencies_or_403(user)
    form = OutageForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = outage.open_entry(user, data["agency"], starts_at=data["starts_at"],
                                      ends_at=data["ends_at"], reason=data["reason"])
        except TransitionError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Outage entry opened: register its documents now."))
            return redirect("eoffice:outage_register", entry.pk)
    entries = outage.visible_to(user).filter(agency__in=outage.agencies_for(user))
    return TemplateResponse(request, "eoffice_documents/admin/outages.html", {
        "page_title": _("Outage entry"), "form": form, "entries": entries[:LIST_SIZE],
    })


def outage_register(request, pk):
    user = request.user
    entry = get_object_or_404(outage.visible_to(user).filter(
        agency__in=_clerk_agencies_or_403(user)), pk=pk)
    form = OutageRegisterForm(request.POST or None, request.FILES or None, user=user,
                              entry=entry)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        warnings = incoming.subject_warnings(data["subject"])
        if warnings and not data["confirm_generic"]:
            form.add_error("subject", warnings[0])
        else:
            try:
                registration = outage.register(user, entry, data["register"],
                                               files=data["files"],
                                               **{key: data[key] for key in REGISTER_FIELDS})
            except TransitionError as refused:
                form.add_error(None, refused.message)
            else:
                document = registration.document
                messages.success(request, _("Entered after the outage with arrival number "
                                            "%(number)02d.") % {"number": document.arrival_number})
                return redirect("eoffice:outage_register", entry.pk)
    documents = entry.documents.select_related("register").order_by("arrival_number")
    return TemplateResponse(request, "eoffice_documents/admin/outage_register.html", {
        "page_title": _("Register after the outage"), "form": form, "entry": entry,
        "documents": documents[:200], "multipart": True,
        "registers": Register.objects.filter(agency_id=entry.agency_id),
    })
