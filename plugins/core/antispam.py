"""Spam protection of public forms that needs no outside service (R-ED-15, R-SEC-2).

Three guards, each with a message a person can act on:

- a honeypot field, hidden from people (CSS and ``aria-hidden``) but filled by robots;
- a signed, time-stamped token in the form: a submission faster than ``MIN_SECONDS`` after
  the form was served is a robot's, one older than ``MAX_AGE`` is stale, and each token is
  accepted once (a second click or a replay is refused);
- a per-address limit of submissions per window.

What the guards remember (used tokens, counters) is kept in the database, so every worker of
every app server sees the same: a token is accepted once and a limit holds however many
processes serve the site. The address is the client's as the site's trusted proxies report
it (:func:`plugins.core.net.client_address`). Everything works without JavaScript.
"""

import datetime
import hashlib
import secrets
import time

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.core.models import RateCounter, UsedFormToken
from plugins.core.net import client_address

SALT = "plugins.core.antispam"
MIN_SECONDS = 5
MAX_AGE = 2 * 60 * 60
WINDOW = 60 * 60
HONEYPOT_FIELD = "website"
PURGE_FUNC = "plugins.core.antispam.purge"

TOO_FAST = _("The form was sent too quickly after it was opened. Please check what you wrote "
             "and send it again.")
STALE = _("The form was open for too long and has expired. Please send it again.")
BROKEN = _("The form could not be checked. Please send it again.")
REUSED = _("This form has already been sent. Open the form again to send another one.")
HONEYPOT = _("The form could not be accepted. Leave the hidden field empty.")
LIMITED = _("Too many forms were sent from your connection. Please try again in an hour.")


class Refused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def new_token(form_name):
    return signing.dumps({"t": time.time(), "n": secrets.token_hex(8), "f": form_name},
                         salt=SALT)


def _window_start(now):
    seconds = int(now.timestamp()) // WINDOW * WINDOW
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def _key(request, bucket):
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"{bucket}:{address}"[:120]


def take_turn(request, bucket, limit, message=LIMITED):
    """Count one use of ``bucket`` by the request's address in the current window, or raise
    :class:`Refused` with ``message`` when ``limit`` uses were already counted. Exact under
    concurrency: the count only moves by a conditional update of one row."""
    key, start = _key(request, bucket), _window_start(timezone.now())
    counters = RateCounter.objects.filter(key=key, window_start=start)
    for _attempt in range(2):
        if counters.filter(count__lt=limit).update(count=F("count") + 1):
            return
        if counters.exists():
            raise Refused(message)
        try:
            with transaction.atomic():
                RateCounter.objects.create(key=key, window_start=start, count=1)
            return
        except IntegrityError:  # another request created it first: count again
            continue
    raise Refused(message)


def would_exceed(request, bucket, limit):
    """Whether ``bucket`` is already at ``limit`` for the address (counts nothing)."""
    key, start = _key(request, bucket), _window_start(timezone.now())
    return RateCounter.objects.filter(key=key, window_start=start, count__gte=limit).exists()


def check(request, form_name, token, honeypot, limit=5, limited_message=LIMITED):
    """Raise :class:`Refused` unless the submission passes every guard (then count it)."""
    if honeypot:
        raise Refused(HONEYPOT)
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise Refused(STALE) from error
    except signing.BadSignature as error:
        raise Refused(BROKEN) from error
    if not isinstance(payload, dict) or payload.get("f") != form_name:
        raise Refused(BROKEN)
    if time.time() - float(payload.get("t", 0)) < MIN_SECONDS:
        raise Refused(TOO_FAST)
    if would_exceed(request, form_name, limit):
        raise Refused(limited_message)
    try:
        with transaction.atomic():
            UsedFormToken.objects.create(nonce=str(payload.get("n", ""))[:32])
    except IntegrityError as error:
        raise Refused(REUSED) from error
    take_turn(request, form_name, limit, limited_message)


def purge(now=None):
    """Hourly: forget tokens too old to be accepted anyway, and past windows."""
    now = now or timezone.now()
    UsedFormToken.objects.filter(
        used_at__lt=now - datetime.timedelta(seconds=MAX_AGE)).delete()
    RateCounter.objects.filter(window_start__lt=_window_start(now)).delete()


def schedule_purge(**kwargs):
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=PURGE_FUNC, defaults={"name": "core: forget old spam guards",
                                   "schedule_type": Schedule.HOURLY})
