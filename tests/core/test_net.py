"""The client's address behind the site's own proxies (R-SEC-2): what spam limits, lockouts
and the audit log count, and what a client cannot forge."""

import pytest
from django.test import RequestFactory

from plugins.core.net import client_address


def _request(remote="10.0.0.2", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_connection_is_the_client(settings):
    settings.PORTAL_TRUSTED_PROXIES = 0
    assert client_address(_request(forwarded="203.0.113.9")) == "10.0.0.2"


@pytest.mark.parametrize(("proxies", "forwarded", "expected"), [
    (1, "203.0.113.9", "203.0.113.9"),
    # A client's own header is kept on the left by the proxy: it cannot choose its address.
    (1, "1.2.3.4, 203.0.113.9", "203.0.113.9"),
    (2, "1.2.3.4, 203.0.113.9, 198.51.100.7", "203.0.113.9"),
    (1, "2001:db8::1", "2001:db8::1"),
    # Too few hops, or garbage: the connection's own address.
    (2, "203.0.113.9", "10.0.0.2"),
    (1, "not-an-address", "10.0.0.2"),
    (1, "", "10.0.0.2"),
])
def test_behind_trusted_proxies_the_nth_address_from_the_right(settings, proxies, forwarded,
                                                                 expected):
    settings.PORTAL_TRUSTED_PROXIES = proxies
    assert client_address(_request(forwarded=forwarded)) == expected


def test_a_missing_or_broken_remote_address_is_unknown():
    assert client_address(_request(remote="")) == "0.0.0.0"
