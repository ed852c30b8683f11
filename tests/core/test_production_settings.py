"""The production settings pass Django's deployment checks, and every response carries the
site's security headers (R-SEC-2)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_the_documented_environment():
    """README's production environment gives no deployment warning at all."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.production",
           "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "cong.example.gov.vn",
           "PORTAL_VAR_DIR": os.environ.get("TMPDIR", "/tmp")}
    for test_only in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # set by other tests
        env.pop(test_only, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _directives(response):
    """The Content-Security-Policy header as {directive: its sources} (order is free)."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        if part.strip():
            name, *sources = part.split()
            directives[name] = set(sources)
    return directives


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_and_no_framing(client):
    response = client.get(reverse("robots_txt"))
    policy = _directives(response)
    assert policy["script-src"] == {"'self'"} and policy["frame-ancestors"] == {"'none'"}
    assert policy["object-src"] == {"'none'"}
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_the_admin_gets_what_its_widgets_need(client):
    response = client.get(reverse("wagtailadmin_login"))
    policy = _directives(response)
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
    assert policy["frame-ancestors"] == {"'self'"}
