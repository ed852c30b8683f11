"""SMS backends. The setting ``PORTAL_SMS_BACKEND`` names the class (dotted path) that
sends; a backend is a class with ``send(phone, text)`` that raises on failure.

The default, :class:`ConsoleBackend`, only writes the SMS to the log: an agency plugs in
its operator's gateway (a class of its own) in production."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DEFAULT_BACKEND = "plugins.core.notifications.sms.ConsoleBackend"
SEND_FUNC = "plugins.core.notifications.sms.deliver"
MAX_LENGTH = 320  # two SMS segments of text without diacritics


class ConsoleBackend:
    """Prints the SMS to the log (development, tests)."""

    def send(self, phone, text):
        logger.info("SMS to %s: %s", phone, text)
        print(f"SMS to {phone}: {text}")  # noqa: T201 - the console is this backend's output


class MemoryBackend:
    """Keeps the SMS in :attr:`outbox` (tests)."""

    outbox = []

    def send(self, phone, text):
        type(self).outbox.append((phone, text))


def get_backend():
    return import_string(getattr(settings, "PORTAL_SMS_BACKEND", DEFAULT_BACKEND))()


def deliver(phone, text):
    """The django-q2 task: send one SMS through the configured backend. A failure is
    logged and raised, so django-q2 records the failed task for the administrator."""
    try:
        get_backend().send(phone, text)
    except Exception:
        logger.exception("SMS to %s failed", phone)
        raise
    return True
