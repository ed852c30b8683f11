"""The second factor's pages: give a code, set up the app, recovery codes, reset."""

from urllib.parse import quote

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib import messages
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import mark_safe
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from plugins.core.accounts.scope import users_managed_by
from plugins.core.accounts.throttling import lockout_response
from plugins.core.two_factor import devices
from plugins.core.two_factor.requirements import enforced, is_required

SESSION_NEW_CODES = "core_two_factor_new_codes"
SESSION_REENROL = "core_two_factor_reenrol"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True,
                                      "spellcheck": "false"}),
    )


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': _next_url(request)})}"


def _credentials(user):
    return {"username": user.get_username()}


def verify(request):
    """Ask a signed-in user for a code of their app, or a recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not devices.has_any_device(user):
        return redirect(_with_next("core_two_factor_enrol", request))
    if AxesProxyHandler.is_locked(request, _credentials(user)):
        return lockout_response(request, None, _credentials(user))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = devices.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = devices.recovery_codes_left(user)
                messages.warning(request, ngettext(
                    "You signed in with a recovery code; %(count)d is left. Make new ones "
                    "in your account's two-factor page.",
                    "You signed in with a recovery code; %(count)d are left. Make new ones "
                    "in your account's two-factor page.", left) % {"count": left})
            return redirect(_next_url(request))
        # A wrong second factor is a failed sign-in: django-axes counts it (and locks the
        # account out past the limit) and the audit log hears of it.
        user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
        wait = devices.wait_seconds(user)
        if wait:
            form.add_error("code", _(
                "Too many wrong codes: wait %(seconds)d seconds before trying again."
            ) % {"seconds": wait})
        else:
            form.add_error("code", _(
                "That code is not right. Type the code your app shows now, or one of your "
                "recovery codes."
            ))
    return TemplateResponse(request, "core/two_factor/verify.html",
                            {"form": form, "next": _next_url(request)})


def enrol(request):
    """Set up an authenticator app: QR code and secret, confirmed with one code."""
    user = request.user
    if devices.has_any_device(user):
        if not user.is_verified():
            return redirect(_with_next("core_two_factor_verify", request))
        if not request.session.get(SESSION_REENROL):
            return redirect("core_two_factor")
    device = devices.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if devices.confirm(device, form.cleaned_data["code"]):
            otp_login(request, device)
            request.session.pop(SESSION_REENROL, None)
            request.session[SESSION_NEW_CODES] = devices.new_recovery_codes(user)
            messages.success(request, _("Two-factor sign-in is set up."))
            return redirect(_with_next("core_two_factor_codes", request))
        form.add_error("code", _(
            "That code is not right. Check that your phone's clock is right and type the "
            "code the app shows now."
        ))
    return TemplateResponse(request, "core/two_factor/enrol.html", {
        "form": form,
        "qr_code": mark_safe(devices.qr_code_svg(device)),  # noqa: S308 - made by segno
        "secret": devices.secret_text(device),
        "required": enforced() and is_required(user),
        "next": _next_url(request),
    })


def recovery_codes(request):
    """The new recovery codes, shown once, with a text file to download."""
    codes = request.session.pop(SESSION_NEW_CODES, None)
    text = ""
    if codes:
        header = _("Recovery codes for %(user)s (each works once):") % {
            "user": request.user.get_username()}
        text = "\n".join([header, "", *codes, ""])
    return TemplateResponse(request, "core/two_factor/codes.html", {
        "codes": codes,
        "download_href": "data:text/plain;charset=utf-8," + quote(text),
        "next": _next_url(request),
    })


@require_http_methods(["GET", "POST"])
def manage(request):
    """The user's own two-factor page: state, new recovery codes, set up again."""
    user = request.user
    form = CodeForm(request.POST if request.POST.get("action") == "reenrol" else None)
    if request.method == "POST" and devices.has_any_device(user):
        if not user.is_verified():
            return redirect(_with_next("core_two_factor_verify", request))
        action = request.POST.get("action")
        if action == "codes":
            request.session[SESSION_NEW_CODES] = devices.new_recovery_codes(user)
            return redirect("core_two_factor_codes")
        if action == "reenrol" and form.is_valid():
            if devices.verify(user, form.cleaned_data["code"]) is not None:
                request.session[SESSION_REENROL] = True
                return redirect("core_two_factor_enrol")
            user_login_failed.send(sender=__name__, credentials=_credentials(user),
                                   request=request)
            form.add_error("code", _("That code is not right."))
    app = devices.app_device(user)
    return TemplateResponse(request, "core/two_factor/manage.html", {
        "device": app,
        "codes_left": devices.recovery_codes_left(user) if app else 0,
        "required": is_required(user),
        "enforced": enforced(),
        "form": form,
    })


def _managed_user(request, user_id):
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    return get_object_or_404(users_managed_by(request.user), pk=user_id)


@require_http_methods(["GET", "POST"])
def reset(request, user_id):
    """An IT administrator removes a user's second factor (a lost phone)."""
    person = _managed_user(request, user_id)
    if person == request.user:
        # One's own second factor is set up again with a code (``manage``), never reset.
        raise PermissionDenied
    if request.method == "POST":
        devices.reset(person)
        messages.success(request, _(
            "Two-factor sign-in of %(user)s was reset: they set it up again at their next "
            "sign-in.") % {"user": person.get_full_name() or person.get_username()})
        return redirect("wagtailusers_users:index")
    return TemplateResponse(request, "core/two_factor/reset.html", {
        "person": person, "enrolled": devices.has_any_device(person)})
