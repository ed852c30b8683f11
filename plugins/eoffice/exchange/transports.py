"""How a package reaches the other side, behind one function (:func:`deliver`).

- **direct**: the recipient is an agency of this installation; its receiving runs here.
- **folder**: the package is written to ``<EOFFICE_EXCHANGE_DIR>/outbox/<organ id>/`` for a
  gateway program (the national platform's connector, say) to pick up; packages the
  gateway drops into ``inbox/<our organ id>/`` are collected every minute
  (:func:`collect_folder`).
- **http**: the package is posted to the organ's endpoint with its key; other systems post
  to this installation's endpoint (:mod:`.views`) with an agency's key.

A failure the other side may get over raises :class:`TransportFailed` (core's outbox tries
again later); one it never will (no route, refused for good) raises :class:`Undeliverable`.
Receiving is idempotent by the package's DocumentId, so a package delivered twice after a
failure half-way is received once.
"""

import logging
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from plugins.core.models import Agency
from plugins.eoffice.exchange.models import Organ, Transport

logger = logging.getLogger(__name__)

HTTP_TIMEOUT = 30  # seconds
PACKAGE_SUFFIX = ".xml"


class TransportFailed(Exception):
    """The package did not get through this time: try again later."""


class Undeliverable(TransportFailed):
    """The package will never get through this way (no route, refused for good)."""


def route(organ_id):
    """(transport, target) for ``organ_id``: the agency of this installation that has it,
    else the organ directory's entry in use."""
    agency = Agency.objects.filter(organ_id=organ_id).first() if organ_id else None
    if agency is not None:
        return Transport.DIRECT, agency
    organ = Organ.objects.filter(organ_id=organ_id, is_active=True).first()
    if organ is None:
        raise Undeliverable(_("No way to reach the organ %(organ)s: add it to the organ "
                              "directory with its transport.") % {"organ": organ_id})
    return organ.transport, organ


def deliver(envelope, data):
    """Hand ``data`` (the envelope's package) to the transport that reaches its peer."""
    kind, target = route(envelope.peer_organ_id)
    if kind == Transport.DIRECT:
        _direct(envelope, target, data)
    elif kind == Transport.FOLDER:
        write_to_folder(exchange_dir() / "outbox" / target.organ_id, envelope.uid, data)
    else:
        post(target, data)
    return kind


def _direct(envelope, agency, data):
    from plugins.eoffice.exchange import receiving

    received = receiving.receive(agency, data, Transport.DIRECT)
    if received.state == "invalid":
        raise Undeliverable(received.reason)


def exchange_dir():
    """The folder of the folder transport: ``EOFFICE_EXCHANGE_DIR``, else ``exchange`` next
    to the e-office's private files."""
    configured = getattr(settings, "EOFFICE_EXCHANGE_DIR", None)
    if configured:
        return Path(configured)
    from plugins.eoffice.documents.storage import private_storage

    return Path(private_storage().location) / "exchange"


def write_to_folder(folder, uid, data):
    """Write the package whole or not at all: a gateway never sees half a file (a temporary
    name in the same folder, renamed once written and flushed)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, folder / f"{uid}{PACKAGE_SUFFIX}")
    except OSError as error:
        raise TransportFailed(str(error)) from error


def post(organ, data):
    """Post the package to ``organ``'s endpoint. 4xx (but 408 and 429) is a refusal for
    good; anything else — no answer, 5xx — is tried again later."""
    if not organ.endpoint_url:
        raise Undeliverable(_("The organ %(organ)s has no endpoint URL.")
                            % {"organ": organ.organ_id})
    request = urllib.request.Request(  # noqa: S310 - the administrator's https/http URL
        organ.endpoint_url, data=data, method="POST",
        headers={"Content-Type": "application/xml; charset=utf-8",
                 "Authorization": f"Bearer {organ.endpoint_key}"})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:  # noqa: S310
            response.read(65536)
    except urllib.error.HTTPError as error:
        answer = error.read(2000).decode("utf-8", "replace")
        if 400 <= error.code < 500 and error.code not in (408, 429):
            raise Undeliverable(f"HTTP {error.code}: {answer}") from error
        raise TransportFailed(f"HTTP {error.code}: {answer}") from error
    except (urllib.error.URLError, OSError) as error:
        raise TransportFailed(str(error)) from error


def collect_folder(max_files=200):
    """Receive the packages a gateway dropped for the agencies of this installation; a file
    is removed once what it carried is stored (an unreadable file goes to ``failed/``).
    Returns how many were received."""
    from plugins.eoffice.exchange import receiving

    received = 0
    for agency in Agency.objects.exclude(organ_id=""):
        folder = exchange_dir() / "inbox" / agency.organ_id
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{PACKAGE_SUFFIX}"))[:max_files]:
            try:
                with transaction.atomic():
                    receiving.receive_file(agency, path, Transport.FOLDER)
            except Exception:  # noqa: BLE001 - one bad file never stops the others
                logger.exception("Could not receive %s", path)
                failed = folder / "failed"
                failed.mkdir(exist_ok=True)
                os.replace(path, failed / path.name)
                continue
            path.unlink(missing_ok=True)
            received += 1
    return received
