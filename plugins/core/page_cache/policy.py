"""Which requests may be answered from the page cache, and which responses may be kept."""

from django.conf import settings
from django.utils.cache import cc_delim_re

# Never looked up: the admin, files served after a permission check, health checks, the
# API, incoming document exchange, static and media files.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz", "/api/",
                    "/exchange/", "/static/", "/media/")
# The views whose pages are public: Wagtail's pages (with their routes: feeds, calendars,
# exports), the sitemap and the site-wide search.
CACHED_VIEWS = {"wagtail_serve", "sitemap", "site_search"}
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Django's messages kept in a cookie: a visitor who has one waits for the page that shows it.
MESSAGES_COOKIE = "messages"


def is_skipped(request):
    """An address that is never a public page."""
    return request.path.startswith(SKIPPED_PREFIXES)


def may_answer(request):
    """A citizen's GET or HEAD of a public address: no session (staff are signed in), no
    message waiting to be shown."""
    return (request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and MESSAGES_COOKIE not in request.COOKIES
            and not is_skipped(request))


def _vary(response):
    return {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", ""))}


def _cache_control(response):
    return {value.split("=")[0].strip().lower()
            for value in cc_delim_re.split(response.get("Cache-Control", "")) if value}


def may_keep(request, response):
    """A complete, public, impersonal page."""
    match = getattr(request, "resolver_match", None)
    return (request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "cookie" not in _vary(response)
            and not _cache_control(response) & PRIVATE_DIRECTIVES
            and match is not None and match.url_name in CACHED_VIEWS)
