"""Mail goes out after the transaction that caused it commits, and is retried until it does.

A request that saves a record and sends mail must never lose the record because the mail
server is down, nor send mail about a record that was rolled back. Every plugin sends
through :func:`queue_mail`: the mail is kept in the outbox (:class:`OutgoingMail`) in the
same transaction as the record, and a django-q2 task delivers it once that transaction
commits. A failed delivery is tried again later — after 1, 5, 15, 30 minutes, then every
hour or so, for about two days (:data:`RETRY_AFTER`) — by the task that runs every minute
(:func:`deliver_due`). Delivery never holds a database transaction while it talks to the
mail server. Sent mail is purged after :data:`KEEP_SENT`; mail given up on stays for the
administrator to see.
"""

import datetime
import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_q.tasks import async_task

from plugins.core import outbox
from plugins.core.models import OutgoingMail

logger = logging.getLogger(__name__)

DELIVER_FUNC = "plugins.core.mail.deliver"
DELIVER_DUE_FUNC = "plugins.core.mail.deliver_due"
RETRY_AFTER = outbox.RETRY_AFTER
KEEP_SENT = datetime.timedelta(days=7)  # mail holds personal data: not kept longer


def queue_mail(to, subject, body, *, from_email=None, reply_to=None):
    """Send a plain-text mail to ``to`` (an address or a list) after commit, with retries.
    Returns the outbox entry, or ``None`` when there is no recipient."""
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    if not recipients:
        return None
    mail = OutgoingMail.objects.create(
        to=recipients, subject=" ".join(str(subject).split())[:998], body=str(body),
        from_email=from_email or "", reply_to=list(reply_to or []),
        next_attempt_at=timezone.now())
    transaction.on_commit(lambda: async_task(DELIVER_FUNC, mail.pk))
    return mail


def deliver(pk, now=None):
    """The django-q2 task: send one queued mail; on failure, plan the next attempt
    (:mod:`plugins.core.outbox`). Returns True when the mail went out."""
    now = now or timezone.now()
    if not outbox.claim(OutgoingMail, pk, now):
        return False
    mail = OutgoingMail.objects.get(pk=pk)
    try:
        EmailMessage(mail.subject, mail.body, mail.from_email or None, mail.to,
                     reply_to=mail.reply_to or None).send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is retried
        retry = outbox.failed(OutgoingMail, mail, error, now)
        log = logger.warning if retry else logger.error
        log("Mail %s to %s failed (attempt %s): %s", pk, mail.to, mail.attempts + 1, error)
        return False
    outbox.succeeded(OutgoingMail, mail)
    return True


def deliver_due(now=None):
    """Every minute: send what is due (first attempts the worker missed, and retries);
    purge old sent mail. Returns how many went out."""
    now = now or timezone.now()
    sent = sum(deliver(pk, now) for pk in outbox.due(OutgoingMail.objects, now))
    OutgoingMail.objects.filter(sent_at__lt=now - KEEP_SENT).delete()
    return sent


def schedule_delivery(**kwargs):
    """Create the every-minute delivery schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=DELIVER_DUE_FUNC,
        defaults={"name": "core: send queued mail", "schedule_type": Schedule.MINUTES,
                  "minutes": 1},
    )
