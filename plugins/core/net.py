"""The address a request really comes from, read the same way by every guard.

Behind a reverse proxy every request arrives from the proxy's own address; the client's is
in a header the proxy adds. Trusting that header blindly lets anyone claim any address, so
a site says how many proxies of its own stand in front of it::

    PORTAL_TRUSTED_PROXIES = 1                       # nginx on the same host, say
    PORTAL_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"   # the default

With ``N`` proxies the client is the ``N``-th address from the right of the header (the one
the outermost trusted proxy saw); addresses further left were written by the client and are
ignored. With none (the default) the connection's own address is the client's. Spam limits,
login lockouts and the audit log all ask :func:`client_address`.
"""

import ipaddress

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder, never bound


def _valid(text):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request):
    """The client's IP address as text (``0.0.0.0`` when none can be read)."""
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "") or UNKNOWN
    proxies = int(getattr(settings, "PORTAL_TRUSTED_PROXIES", 0) or 0)
    if proxies <= 0:
        return remote
    header = getattr(settings, "PORTAL_CLIENT_ADDRESS_HEADER", "HTTP_X_FORWARDED_FOR")
    hops = [hop for hop in request.META.get(header, "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return _valid(hops[-proxies]) or remote
