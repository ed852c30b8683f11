"""A certificate's passphrase, kept encrypted in the database (Fernet).

The key is derived from SECRET_KEY, so a copy of the database alone does not open the
agency's certificate; tokens written under an earlier key still open while that key is
in SECRET_KEY_FALLBACKS (rotate by uploading the certificate again)."""

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac

_SALT = "plugins.eoffice.exchange.signing.passphrase"


def _fernet(secret):
    digest = salted_hmac(_SALT, "fernet-key", secret=secret, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _keys():
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ())]
    return MultiFernet([_fernet(secret) for secret in secrets])


def encrypt(passphrase):
    return _keys().encrypt(passphrase.encode("utf-8")).decode("ascii")


def decrypt(token):
    """The passphrase, or ``None`` when no key of this installation opens the token."""
    try:
        return _keys().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        return None
