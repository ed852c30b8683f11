"""Login lockouts and password-reset limits (R-SEC-2; 004 Đ17).

Wrong passwords are counted by django-axes, per account and per client address (read by
:func:`plugins.core.net.client_address`); past ``AXES_FAILURE_LIMIT`` within
``AXES_COOLOFF_TIME`` the account, and separately the address, is locked out for that
time and the login page says until when and whom to ask (:func:`lockout_response`).

Wagtail's password-reset form sends a mail to whoever types an address; without a limit
it is a mail cannon. :class:`PasswordResetThrottleMiddleware` counts its requests per
client address and per address typed (whether or not an account has it) and, past the
limits of ``PORTAL_PASSWORD_RESET_LIMITS``, shows the form again with a message that says
nothing about whether the account exists.
"""

import datetime
import hashlib

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.account import get_password_reset_form

from plugins.core.models import PasswordResetRequest
from plugins.core.net import client_address
from plugins.core.scoping import current_agency

LOCKOUT_TEMPLATE = "core/admin/login_locked.html"
DEFAULT_RESET_LIMITS = {"PER_ADDRESS": 10, "PER_ACCOUNT": 3, "PERIOD": 3600}


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' check before every password login, first in AUTHENTICATION_BACKENDS.

    A login through a request (the admin's login form, the API) is refused while its
    account or address is locked out. ``authenticate()`` called without a request (the
    test client's ``login()``, a shell) has no client to count and is let through to the
    next backend, which checks the password as usual.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def help_contact(request):
    """Whom a locked-out person asks: the IT administrator of the site's agency, with the
    agency's phone and mail, and the site's own help line (``PORTAL_ACCOUNT_HELP``)."""
    agency = current_agency(request)
    contacts = [part for part in (getattr(agency, "phone", ""), getattr(agency, "email", ""))
                if part]
    return {
        "agency": agency,
        "agency_contacts": ", ".join(contacts),
        "help": getattr(settings, "PORTAL_ACCOUNT_HELP", ""),
    }


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the login form while a login is locked out (axes'
    ``AXES_LOCKOUT_CALLABLE``), in the admin's login look."""
    cool_off = get_cool_off(request) or datetime.timedelta(0)
    started = getattr(request, "axes_attempt_time", None) or timezone.now()
    context = {
        "username": get_client_username(request, credentials) or "",
        "try_again_at": timezone.localtime(started + cool_off),
        "minutes": max(1, round(cool_off.total_seconds() / 60)),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        **help_contact(request),
    }
    response = TemplateResponse(request, LOCKOUT_TEMPLATE, context,
                                status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429))
    # Rendered here: axes' middleware returns it after the view's own rendering step.
    return response.render()


def _reset_limits():
    return {**DEFAULT_RESET_LIMITS, **getattr(settings, "PORTAL_PASSWORD_RESET_LIMITS", {})}


def account_digest(typed):
    return hashlib.sha256(" ".join(typed.split()).casefold().encode()).hexdigest()


def password_reset_refused_until(request):
    """Count this reset request; the time to wait until if it is over a limit, else None."""
    limits = _reset_limits()
    now = timezone.now()
    since = now - datetime.timedelta(seconds=limits["PERIOD"])
    PasswordResetRequest.objects.filter(requested_at__lt=since).delete()
    address = client_address(request)
    digest = account_digest(request.POST.get("email", ""))
    recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
    waits = []
    for queryset, limit in ((recent.filter(address=address), limits["PER_ADDRESS"]),
                            (recent.filter(account_digest=digest), limits["PER_ACCOUNT"])):
        times = list(queryset.order_by("-requested_at").values_list("requested_at", flat=True)
                     [:limit])
        if len(times) >= limit:
            waits.append(times[-1] + datetime.timedelta(seconds=limits["PERIOD"]))
    if waits:
        return max(waits)
    PasswordResetRequest.objects.create(address=address, account_digest=digest,
                                        requested_at=now)
    return None


class PasswordResetThrottleMiddleware:
    """Limits Wagtail's password-reset form (``wagtailadmin_password_reset``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("wagtailadmin_password_reset"):
            until = password_reset_refused_until(request)
            if until is not None:
                return self.refused(request, until)
        return self.get_response(request)

    def refused(self, request, until):
        form = get_password_reset_form()(request.POST)
        form.full_clean()
        form.add_error(None, _(
            "Too many password reset requests have come from your network or for this "
            "address, so no more reset mail is sent for now. If an account has this "
            "address, the mail already sent still works. Try again after %(time)s, or ask "
            "your agency's IT administrator."
        ) % {"time": timezone.localtime(until).strftime("%H:%M %d/%m/%Y")})
        response = TemplateResponse(request, "wagtailadmin/account/password_reset/form.html",
                                    {"form": form}, status=429)
        return response.render()  # a middleware's answer skips the view's rendering step
