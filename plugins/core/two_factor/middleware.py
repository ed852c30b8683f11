"""Ask for the second factor before anything else (R-SEC-2).

A signed-in user not yet verified by django-otp's ``OTPMiddleware`` (installed before
this one) is sent to the code page when either

- their session was flagged at sign-in (:mod:`.session`): they have a
  second factor, or must have one; or
- the site requires it (``PORTAL_TWO_FACTOR_REQUIRED``) and :func:`is_required` says so
  now (a role given after sign-in, a session older than the requirement).

Only the code and set-up pages, signing out, the admin's static pieces, and the
first-login password change (which comes first) stay open.
"""

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from plugins.core.signal_handlers import SESSION_MUST_CHANGE_PASSWORD
from plugins.core.two_factor.session import must_verify

ALLOWED_URL_NAMES = (
    "core_two_factor_verify",
    "core_two_factor_enrol",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
)


def _is_page_navigation(request):
    mode = request.headers.get("Sec-Fetch-Mode")
    return request.method == "GET" and mode in (None, "navigate")


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "session", None) is None or not must_verify(request):
            return self.get_response(request)
        allowed = {reverse(name) for name in ALLOWED_URL_NAMES}
        if request.session.get(SESSION_MUST_CHANGE_PASSWORD):
            allowed.add(reverse("core_password_change"))
        if request.path in allowed or request.path.startswith(("/static/", "/media/")):
            return self.get_response(request)
        if _is_page_navigation(request):
            target = reverse("core_two_factor_verify")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return HttpResponseForbidden(_("Give your two-factor sign-in code first."))
