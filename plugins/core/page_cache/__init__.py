"""The anonymous page cache: public pages served from the site's cache, never stale.

A visitor without a session (every citizen; staff are signed in and always bypass it) gets
a page from the cache configured by ``PORTAL_PAGE_CACHE["CACHE"]`` (the default cache:
local memory in development, Redis in production). Each entry keeps the versions of the
database tables its page read (:mod:`.tables`, :mod:`.versions`); a write to any of them
— publishing, unpublishing, moving or deleting a page, a snippet, a document's status, a
menu, the agency's contact details, an English version — makes every page that read it
be made afresh on its next request, in every process, at once. A front cache configured
through Wagtail's ``WAGTAILFRONTENDCACHE`` is purged on the same writes (:mod:`.front`).

Nothing personal is cached: a response that sets a cookie, uses the CSRF token (a form),
reads the session or says ``private``/``no-store`` is never stored (:mod:`.policy`).

What a page shows because of the time of day (a bidding notice's "closed", an event's
"upcoming") is kept no longer than the moment it changes: a view or template calls
:func:`expires_at`; any entry lives at most ``PORTAL_PAGE_CACHE["SECONDS"]`` and never past
midnight, Vietnam time. docs/page-cache.md has the figures and the proxy configuration.
"""

import datetime

from django.conf import settings
from django.utils import timezone

DEFAULTS = {"ENABLED": True, "CACHE": "default", "SECONDS": 300, "SHARED_ROWS": True}


def config():
    return {**DEFAULTS, **getattr(settings, "PORTAL_PAGE_CACHE", {})}


def expires_at(request, moment):
    """The page being made for ``request`` must not be served from the cache after
    ``moment`` (an aware datetime); the earliest of several calls wins."""
    if request is None or moment is None:
        return
    current = getattr(request, "_page_cache_until", None)
    if current is None or moment < current:
        request._page_cache_until = moment


def lifetime(request, now=None):
    """Seconds the page made for ``request`` may stay in the cache (0: not at all)."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    midnight = timezone.make_aware(datetime.datetime.combine(
        local.date() + datetime.timedelta(days=1), datetime.time()), local.tzinfo)
    until = min(now + datetime.timedelta(seconds=config()["SECONDS"]), midnight)
    declared = getattr(request, "_page_cache_until", None)
    if declared is not None:
        until = min(until, declared)
    return max(0, int((until - now).total_seconds()))
