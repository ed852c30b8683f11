"""A user reports their own account lost or shared; an IT administrator unlocks it."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from plugins.core.accounts.lost import open_reports, report_account, unlock_account
from plugins.core.accounts.scope import users_managed_by
from plugins.core.models import AccountReport
from plugins.core.net import client_address
from plugins.core.two_factor import devices


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What happened?"), choices=AccountReport.Kind.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Details for the IT administrator"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        help_text=gettext_lazy("When and how it happened, and how to reach you."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Lock my account now and sign me out everywhere."),
        error_messages={"required": gettext_lazy("Tick the box to lock your account.")},
    )


class UnlockForm(forms.Form):
    reset_two_factor = forms.BooleanField(
        label=gettext_lazy("Also reset two-factor sign-in (the phone was lost or seen)"),
        required=False, initial=True,
    )


@require_http_methods(["GET", "POST"])
def report(request):
    """R-SEC-1: the owner reports the account lost or shared; it is locked at once."""
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_account(request.user, form.cleaned_data["kind"], form.cleaned_data["note"],
                       address=client_address(request))
        logout(request)
        messages.warning(request, _(
            "Your account is locked and every session of it has ended. Your agency's IT "
            "administrator has been told; they will give you a new one-time password."))
        return redirect("wagtailadmin_login")
    return TemplateResponse(request, "core/admin/account_report.html", {"form": form})


@require_http_methods(["GET", "POST"])
def unlock(request, user_id):
    """An IT administrator gives a reported account back with a new one-time password."""
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    person = get_object_or_404(users_managed_by(request.user), pk=user_id)
    reports = list(open_reports(person))
    if not reports:
        messages.info(request, _("This account has no open report: nothing to unlock."))
        return redirect("wagtailusers_users:index")
    form = UnlockForm(request.POST or None,
                      initial={"reset_two_factor": devices.has_any_device(person)})
    if request.method == "POST" and form.is_valid():
        password = unlock_account(person, request.user,
                                  reset_two_factor=form.cleaned_data["reset_two_factor"])
        return TemplateResponse(request, "core/admin/account_unlocked.html",
                                {"person": person, "password": password})
    return TemplateResponse(request, "core/admin/account_unlock.html",
                            {"person": person, "reports": reports, "form": form})
