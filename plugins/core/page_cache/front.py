"""A front cache (a reverse proxy or a CDN, configured with Wagtail's ``WAGTAILFRONTENDCACHE``)
purged on the same writes as the app's own page cache.

Each URL the site lets the front cache keep is recorded with the tables its page read
(:class:`~plugins.core.models.FrontCachedUrl`); when one of those tables is written, every
URL that read it — query-string variants included — is purged through Wagtail's frontend
cache app (a background task, like Wagtail's own purges) and forgotten until it is served
again. Without ``WAGTAILFRONTENDCACHE`` nothing is recorded and responses tell proxies not
to keep pages (no ``s-maxage``).
"""

import functools
import operator

from django.conf import settings
from django.db.models import Q


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def remember(url, tables, using="default"):
    from plugins.core.models import FrontCachedUrl

    FrontCachedUrl.objects.using(using).update_or_create(
        url=url[:600], defaults={"tables": f" {' '.join(sorted(tables))} "})


def purge_after_write(tables, using="default"):
    """Purge the URLs whose pages read one of ``tables`` (called after the write's commit)."""
    if not enabled() or not tables:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    from plugins.core.models import FrontCachedUrl

    reads = functools.reduce(operator.or_, (Q(tables__contains=f" {name} ") for name in tables))
    stale = dict(FrontCachedUrl.objects.using(using).filter(reads).values_list("pk", "url"))
    if stale:
        purge_urls_from_cache(sorted(stale.values()))
        FrontCachedUrl.objects.using(using).filter(pk__in=stale).delete()
