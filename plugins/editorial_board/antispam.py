"""Spam protection of public forms that needs no outside service (R-ED-15).

Three guards, each with a message a person can act on:

- a honeypot field, hidden from people (CSS and ``aria-hidden``) but filled by robots;
- a signed, time-stamped token in the form: a submission faster than ``MIN_SECONDS`` after
  the form was served is a robot's, one older than ``MAX_AGE`` is stale, and each token is
  accepted once (a second click or a replay is refused);
- a per-address limit, ``RATE_LIMIT`` submissions per ``RATE_WINDOW`` seconds, counted in
  Django's cache (shared by every app server when the cache is Redis).

Everything works without JavaScript.
"""

import hashlib
import secrets
import time

from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from plugins.core.net import client_address

SALT = "plugins.editorial_board.antispam"
MIN_SECONDS = 5
MAX_AGE = 2 * 60 * 60
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60
HONEYPOT_FIELD = "website"

TOO_FAST = _("The form was sent too quickly after it was opened. Please check your question "
             "and send it again.")
STALE = _("The form was open for too long and has expired. Please send it again.")
BROKEN = _("The form could not be checked. Please send it again.")
REUSED = _("This form has already been sent. Open the form again to send another question.")
HONEYPOT = _("The form could not be accepted. Leave the hidden field empty.")
RATE_LIMITED = _("Too many questions were sent from your connection. Please try again in "
                 "an hour.")


class Refused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def new_token(form_name):
    return signing.dumps({"t": time.time(), "n": secrets.token_hex(8), "f": form_name},
                         salt=SALT)


def _client_key(request):
    address = client_address(request)
    return "editorial_board:antispam:ip:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def check(request, form_name, token, honeypot):
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
    key = _client_key(request)
    cache.add(key, 0, RATE_WINDOW)
    if cache.get(key, 0) >= RATE_LIMIT:
        raise Refused(RATE_LIMITED)
    if not cache.add(f"editorial_board:antispam:token:{payload['n']}", 1, MAX_AGE):
        raise Refused(REUSED)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, RATE_WINDOW)


LOOKUPS_LIMITED = _("Too many searches were made from your connection. Please try again in "
                    "an hour.")


def count_lookup(request, form_name, limit=20):
    """Raise :class:`Refused` once the address has made ``limit`` unsuccessful lookups of
    ``form_name`` within ``RATE_WINDOW`` (a guessing robot); otherwise count this one."""
    key = f"{_client_key(request)}:{form_name}"
    cache.add(key, 0, RATE_WINDOW)
    if cache.get(key, 0) >= limit:
        raise Refused(LOOKUPS_LIMITED)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, RATE_WINDOW)
