"""The scheduled work: collect every agency's links daily, check a batch hourly."""

import datetime
import logging
import time

from django.db.models import F
from django.utils import timezone

from plugins.core.models import Agency
from plugins.site_health import checker, inventory
from plugins.site_health.conf import setting
from plugins.site_health.models import Link, LinkKind, LinkStatus

logger = logging.getLogger(__name__)


def collect_links_task():
    """Every agency's inventory of links, brought up to date (django-q2, daily)."""
    total = 0
    for agency in Agency.objects.filter(site__isnull=False).select_related("site"):
        total += inventory.collect(agency)
    return total


def due_links(now=None, limit=None):
    """The links to check now: never checked first, then the longest unchecked, only those
    checked more than ``SITE_HEALTH_RECHECK_DAYS`` ago; at most ``limit``."""
    now = now or timezone.now()
    limit = setting("SITE_HEALTH_LINKS_PER_RUN") if limit is None else limit
    since = now - datetime.timedelta(days=setting("SITE_HEALTH_RECHECK_DAYS"))
    due = Link.objects.filter(last_checked_at__isnull=True) | Link.objects.filter(
        last_checked_at__lt=since)
    return list(due.order_by(F("last_checked_at").asc(nulls_first=True), "pk")[:limit])


def store_result(link, result, now):
    link.status, link.status_code, link.message = result.status, result.code, result.message
    link.last_checked_at = now
    if link.is_bad:
        link.first_broken_at = link.first_broken_at or now
    else:
        link.first_broken_at = None


RESULT_FIELDS = ["status", "status_code", "message", "last_checked_at", "first_broken_at"]


def check_links(limit=None, now=None, politeness=None, budget_seconds=None):
    """Check a bounded batch of due links; returns how many were checked.

    Internal links are answered by the database in a few queries; outside links one by one
    over HTTP, spaced per host, stopping early when the run has used its time budget (the
    worker's timeout must not cut it in the middle)."""
    started = time.monotonic()
    now = now or timezone.now()
    budget = setting("SITE_HEALTH_RUN_SECONDS") if budget_seconds is None else budget_seconds
    politeness = politeness or checker.Politeness()
    links = due_links(now, limit)
    internal = [link for link in links if link.kind == LinkKind.INTERNAL]
    results = checker.check_internal(internal)
    for link in internal:
        store_result(link, results[link.pk], now)
    checked, fetched = list(internal), {}
    for link in links:
        if link.kind != LinkKind.EXTERNAL:
            continue
        if link.url not in fetched:  # two agencies linking one address: asked once
            if time.monotonic() - started > budget:
                break
            politeness.wait_for(link.url)
            fetched[link.url] = checker.fetch(link.url)
        store_result(link, fetched[link.url], timezone.now())
        checked.append(link)
    Link.objects.bulk_update(checked, RESULT_FIELDS)
    broken = sum(link.status == LinkStatus.BROKEN for link in checked)
    logger.info("site_health: %s links checked, %s broken", len(checked), broken)
    return len(checked)


def check_links_task():
    return check_links()
