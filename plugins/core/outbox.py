"""Work that leaves the system after commit and is retried until it is done: one way for
every plugin (mail, exchange of documents between agencies).

A row of a model built on :class:`plugins.core.models.Retried` is the work; a task
:func:`claim`\\ s it so that one worker does it, :func:`succeeded` or :func:`failed` records
the outcome, and a failed attempt is tried again after 1, 5, 15, 30 minutes, then every
hour or so, for about two days (:data:`RETRY_AFTER`), by the plugin's every-minute task
walking :func:`due`. Nothing here holds a transaction while the outside world is asked.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

# Minutes to wait after the n-th failed attempt; after the last one the work is given up.
RETRY_AFTER = (1, 5, 15, 30, 60, 120, 240, 480, 720, 1440)
CLAIM = datetime.timedelta(minutes=5)  # one worker does the work; a crashed one lets go


def claim(model, pk, now=None):
    """Take the row for this worker, if it is due and nobody else has it."""
    now = now or timezone.now()
    return model._default_manager.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        pk=pk, next_attempt_at__lte=now, **{f"{model.done_field}__isnull": True},
    ).update(claimed_until=now + CLAIM) == 1


def failed(model, row, error, now=None, **fields):
    """Record a failed attempt and plan the next one; returns when, or ``None`` when the
    work is given up (or ``permanent``: the other side refused it for good)."""
    now = now or timezone.now()
    attempts = row.attempts + 1
    permanent = fields.pop("permanent", False)
    retry = (now + datetime.timedelta(minutes=RETRY_AFTER[attempts - 1])
             if attempts <= len(RETRY_AFTER) and not permanent else None)
    model._default_manager.filter(pk=row.pk).update(
        attempts=attempts, next_attempt_at=retry, claimed_until=None,
        last_error=f"{type(error).__name__}: {error}"[:2000], **fields)
    return retry


def succeeded(model, row, now=None, **fields):
    model._default_manager.filter(pk=row.pk).update(
        attempts=row.attempts + 1, next_attempt_at=None, claimed_until=None, last_error="",
        **{model.done_field: now or timezone.now()}, **fields)


def due(queryset, now=None, limit=500):
    """The primary keys of the rows of ``queryset`` whose attempt is due, oldest first."""
    now = now or timezone.now()
    done = f"{queryset.model.done_field}__isnull"
    return list(queryset.filter(next_attempt_at__lte=now, **{done: True})
                .order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
