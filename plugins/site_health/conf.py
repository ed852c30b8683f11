"""The plugin's settings, each with its default (docs/site-health.md)."""

from django.conf import settings

DEFAULTS = {
    # Health endpoint: a queued task older than this many seconds means the workers are
    # behind or stopped; a schedule overdue by this many seconds means no cluster runs.
    "SITE_HEALTH_QUEUE_MAX_AGE": 15 * 60,
    "SITE_HEALTH_SCHEDULE_MAX_DELAY": 2 * 60 * 60,
    # Link checks: how many links one run checks, seconds to wait for an answer, seconds
    # between two requests to the same host, how old a result may get before it is
    # checked again, and the User-Agent the checker introduces itself with.
    "SITE_HEALTH_LINKS_PER_RUN": 200,
    "SITE_HEALTH_LINK_TIMEOUT": 10,
    "SITE_HEALTH_HOST_DELAY": 1.0,
    "SITE_HEALTH_RECHECK_DAYS": 7,
    # A run stops starting new requests after this many seconds (below django-q2's
    # task timeout, 300 seconds by default).
    "SITE_HEALTH_RUN_SECONDS": 240,
    "SITE_HEALTH_USER_AGENT": "Mozilla/5.0 (compatible; AgencyPortalLinkChecker/1.0)",
    # Only tests set this: links to loopback and private addresses are never fetched
    # otherwise (a page must not make the server probe its own network).
    "SITE_HEALTH_ALLOW_PRIVATE_ADDRESSES": False,
    # The yearly review: pages not changed for this many days; the name of a page type's
    # field that holds its unit (a ForeignKey to core.Unit).
    "SITE_HEALTH_REVIEW_AFTER_DAYS": 365,
    "SITE_HEALTH_PAGE_UNIT_FIELD": "unit",
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
