"""The optional virus scan of every uploaded file (seed 002 Đ15.6).

A site that runs ClamAV's daemon names it; every file the plugins accept (the admin's
document uploads, imports, attachments) is then streamed to it before it is kept::

    PORTAL_VIRUS_SCAN = {
        "CLAMD": "tcp://127.0.0.1:3310",   # or "unix:///run/clamav/clamd.ctl"
        "TIMEOUT": 30,                      # seconds
        "FAIL_OPEN": False,                 # an unreachable scanner refuses uploads
    }

or its own scanner, a callable ``scan(content: bytes, name: str) -> str | None`` that returns
the name of what it found::

    PORTAL_VIRUS_SCAN = {"BACKEND": "mysite.antivirus.scan"}

Without the setting nothing is scanned. The clamd client speaks the daemon's INSTREAM
command (the protocol in clamd(8)): no library is needed for these few lines, and the
Python clamd packages are unmaintained.
"""

import hashlib
import socket
import struct
from urllib.parse import urlparse

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

CHUNK = 64 * 1024
CLEAN_FOR = 24 * 60 * 60  # a clean file's digest is remembered for a day


class ScannerUnavailable(Exception):
    pass


def _config():
    return getattr(settings, "PORTAL_VIRUS_SCAN", None) or {}


def _connect(address, timeout):
    url = urlparse(address)
    if url.scheme == "unix":
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(timeout)
        connection.connect(url.path)
        return connection
    if url.scheme == "tcp":
        return socket.create_connection((url.hostname, url.port or 3310), timeout=timeout)
    raise ImproperlyConfigured(f"PORTAL_VIRUS_SCAN['CLAMD'] must be tcp:// or unix://: {address}")


def clamd_scan(content, address, timeout=30):
    """Stream ``content`` to clamd at ``address``; the signature found, or ``None``."""
    try:
        with _connect(address, timeout) as connection:
            connection.sendall(b"zINSTREAM\0")
            for start in range(0, len(content), CHUNK):
                chunk = content[start:start + CHUNK]
                connection.sendall(struct.pack("!L", len(chunk)) + chunk)
            connection.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                data = connection.recv(4096)
                if not data:
                    break
                reply += data
    except OSError as error:
        raise ScannerUnavailable(str(error)) from error
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    # "stream: OK", "stream: Eicar-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
    if answer.endswith("FOUND"):
        return answer.removeprefix("stream:").removesuffix("FOUND").strip()
    if answer.endswith("OK"):
        return None
    raise ScannerUnavailable(answer or "no answer")


def _scanner(config):
    if config.get("BACKEND"):
        return import_string(config["BACKEND"])
    address = config["CLAMD"]
    timeout = config.get("TIMEOUT", 30)
    return lambda content, name: clamd_scan(content, address, timeout)


def scan(content, name):
    """Raise ValidationError when the configured scanner finds something in ``content`` (or,
    unless ``FAIL_OPEN``, cannot be reached). Nothing happens without a scanner."""
    config = _config()
    if not (config.get("CLAMD") or config.get("BACKEND")):
        return
    key = "core:virus-scan:clean:" + hashlib.sha256(content).hexdigest()
    if cache.get(key):
        return
    try:
        found = _scanner(config)(content, name)
    except ScannerUnavailable as error:
        if config.get("FAIL_OPEN"):
            return
        raise ValidationError(
            _("%(name)s could not be checked for viruses just now. Please try again later."),
            params={"name": name}, code="scanner_unavailable") from error
    if found:
        raise ValidationError(
            _("%(name)s was refused: the virus scan found %(found)s."),
            params={"name": name, "found": found}, code="virus")
    cache.set(key, True, CLEAN_FOR)
