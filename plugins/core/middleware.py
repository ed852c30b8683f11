"""Core's middleware: first-login password changes (R-EO-1), the Content-Security-Policy
that adapts to the Wagtail admin, and admin URLs kept to the user's agencies' pages
(R-SEC-2)."""

from csp.middleware import CSPMiddleware
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from plugins.core.signal_handlers import SESSION_MUST_CHANGE_PASSWORD

# The change form itself, signing out, and the static pieces the admin page loads.
ALLOWED_URL_NAMES = (
    "core_password_change",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
)


def _is_page_navigation(request):
    """A top-level page load, not a script's fetch of a fragment or an icon sprite."""
    mode = request.headers.get("Sec-Fetch-Mode")
    return request.method == "GET" and mode in (None, "navigate")


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is None or not session.get(SESSION_MUST_CHANGE_PASSWORD):
            return self.get_response(request)
        allowed = {reverse(name) for name in ALLOWED_URL_NAMES}
        if request.path in allowed or request.path.startswith(("/static/", "/media/")):
            return self.get_response(request)
        if _is_page_navigation(request):
            return redirect("core_password_change")
        # Answering a script with the form's HTML would paste a second page into this one.
        return HttpResponseForbidden(_("Change your one-time password first."))


# What the Wagtail admin needs beyond the site's policy: some of its widgets still write
# inline scripts, and it shows previews of pages in a frame of its own.
ADMIN_POLICY_ADDITIONS = {"script-src": ["'unsafe-inline'"], "img-src": ["blob:"]}
ADMIN_POLICY_REPLACEMENTS = {"frame-ancestors": ["'self'"]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the site's policy (``CONTENT_SECURITY_POLICY``) on the
    public pages and, under the admin's URL, what the admin needs added to it."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (parts.update is None and parts.replace is None
                and request.path_info.startswith(reverse("wagtailadmin_home"))):
            parts.update, parts.replace = ADMIN_POLICY_ADDITIONS, ADMIN_POLICY_REPLACEMENTS
        return parts


# The arguments by which the admin's URLs name a page.
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# Wagtail's screens that read every site's pages with no agency in mind (the usage of page
# types names the page last edited of each type, whoever's it is): superusers only.
SUPERUSER_ONLY_VIEWS = (
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
)


class AgencyPagesMiddleware:
    """An admin URL that names a page of another agency's site is not found (R-SEC-2).

    Wagtail's page permissions already refuse the changes; some screens (a move's
    confirmation, the page chooser, a workflow cancellation's notice) still show the page
    before asking. Superusers see every page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_superuser:
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in SUPERUSER_ONLY_VIEWS:
            raise Http404
        names = [name for name in PAGE_ARGUMENTS if name in view_kwargs]
        if not names:
            return None
        from wagtail.models import Page

        from plugins.core.scoping import is_foreign_page

        for page in Page.objects.filter(pk__in=[view_kwargs[name] for name in names]):
            if is_foreign_page(user, page):
                raise Http404
        return None
