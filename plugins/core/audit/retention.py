"""How long the system log is kept: ``PORTAL_AUDIT_RETENTION_DAYS`` (default 365 days).

Seed 004 sets no period for the system log (Đ3.4 names it; Đ7 keeps schedules a year), so a
year is the default; a site sets its own. A daily django-q2 task removes older events.
"""

import datetime

from django.conf import settings
from django.utils import timezone

DEFAULT_RETENTION_DAYS = 365
PURGE_FUNC = "plugins.core.audit.retention.purge"


def retention_days():
    return int(getattr(settings, "PORTAL_AUDIT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def purge(now=None):
    """Remove the events older than the retention period; returns how many."""
    from plugins.core.models import AuditEvent

    cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days())
    # A queryset delete (the model itself refuses single deletions): the only one there is.
    deleted, _by_model = AuditEvent.objects.filter(occurred_at__lt=cutoff).delete()
    return deleted


def schedule_purge(**kwargs):
    """Create the daily purge schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=PURGE_FUNC,
        defaults={"name": "core: forget old system log entries",
                  "schedule_type": Schedule.DAILY},
    )
