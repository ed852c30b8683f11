"""Delegation of processing authority in the admin (R-EO-15): everyone of an agency sees
who acts for its director and until when; the director gives and ends a delegation."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.widgets import AdminDateTimeInput

from plugins.core.models import Agency, Position, Role
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.documents import access
from plugins.eoffice.documents.admin.forms import PersonChoiceField
from plugins.eoffice.documents.services import delegation as delegations
from plugins.eoffice.documents.services.common import TransitionError

LIST_SIZE = 50


class DelegationForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("Agency"), queryset=Agency.objects.none())
    delegate = PersonChoiceField(label=gettext_lazy("Person who acts for you"),
                                 queryset=get_user_model().objects.none())
    starts_at = forms.DateTimeField(label=gettext_lazy("From"), widget=AdminDateTimeInput,
                                    required=False,
                                    help_text=gettext_lazy("Empty: from now."))
    ends_at = forms.DateTimeField(label=gettext_lazy("Until"), widget=AdminDateTimeInput)
    reason = forms.CharField(label=gettext_lazy("Reason"),
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=gettext_lazy("For example: on a business trip to "
                                                    "Hà Nội from 10 to 14 March."))

    def __init__(self, *args, agency_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=agency_ids)
        if len(agency_ids) == 1:
            self.fields["agency"].initial = next(iter(agency_ids))
        self.fields["delegate"].queryset = get_user_model().objects.filter(
            is_active=True, pk__in=Position.objects.filter(
                unit__agency_id__in=agency_ids).values("user_id")).order_by(
            "first_name", "last_name")


def _director_agencies(user):
    return access.held_role_agency_ids(user, Role.AGENCY_LEADER)


def delegation_list(request):
    """In force and coming first, then the last ended ones; the director's form."""
    user = request.user
    if agency_ids_for_user(user) == frozenset():
        raise PermissionDenied
    agency_ids = _director_agencies(user)
    form = None
    if agency_ids:
        form = DelegationForm(request.POST or None, agency_ids=agency_ids)
    elif request.method == "POST":
        raise PermissionDenied
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            delegations.create(user, data["agency"], delegate=data["delegate"],
                               starts_at=data["starts_at"], ends_at=data["ends_at"],
                               reason=data["reason"])
        except TransitionError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The delegation was saved and the agency told."))
            return redirect("eoffice:delegations")
    now = timezone.now()
    visible = delegations.visible_to(user)
    return TemplateResponse(request, "eoffice_documents/admin/delegations.html", {
        "page_title": _("Delegations of processing authority"), "form": form,
        "current": visible.current_or_coming(now).order_by("starts_at"),
        "past": visible.exclude(pk__in=visible.current_or_coming(now).values("pk"))[:LIST_SIZE],
        "now": now,
    })


@require_POST
def end_delegation(request, pk):
    item = get_object_or_404(delegations.visible_to(request.user), pk=pk)
    try:
        delegations.end(request.user, item, request.POST.get("note", ""))
    except TransitionError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The delegation was ended and the agency told."))
    return redirect("eoffice:delegations")
