"""Mail goes out after the transaction that caused it commits, on the task queue.

A request that saves a record and sends mail must never lose the record because the mail
server is down, nor send mail about a record that was rolled back. Every plugin sends
through :func:`queue_mail`; the sending runs on django-q2 once the current transaction
commits (at once when there is none).
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django_q.tasks import async_task

SEND_FUNC = "plugins.core.mail.send_now"


def queue_mail(to, subject, body, *, from_email=None, reply_to=None):
    """Send a plain-text mail to ``to`` (an address or a list) after commit."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return
    message = {"to": recipients, "subject": " ".join(str(subject).split()), "body": str(body),
               "from_email": from_email, "reply_to": list(reply_to or [])}
    transaction.on_commit(lambda: async_task(SEND_FUNC, message))


def send_now(message):
    """The django-q2 task: hand one queued mail to the configured mail backend."""
    EmailMessage(message["subject"], message["body"], message["from_email"], message["to"],
                 reply_to=message["reply_to"] or None).send()
