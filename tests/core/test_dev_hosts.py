"""The development settings accept every host the README and the demo sites use.

The test settings allow every host, so only this test sees a host pattern that Django
does not understand (``*.localhost`` matches nothing; ``.localhost`` does).
"""

import importlib

import pytest
from django.http.request import split_domain_port, validate_host

from plugins.core.demo_content import AGENCIES

README_HOSTS = ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "skh.localhost:8000"]


def _allowed_hosts():
    return importlib.import_module("settings.dev").ALLOWED_HOSTS


@pytest.mark.parametrize(
    "host", [*README_HOSTS, *(f"{agency['hostname']}:8000" for agency in AGENCIES)]
)
def test_every_demo_host_is_accepted_by_the_dev_settings(host):
    domain, _port = split_domain_port(host)
    assert validate_host(domain, _allowed_hosts()), host


def test_the_dev_settings_still_refuse_other_hosts():
    domain, _port = split_domain_port("evil.example.com:8000")
    assert not validate_host(domain, _allowed_hosts())
