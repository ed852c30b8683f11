"""Fixtures of the reference site's tests."""

import pytest
from django.db import connection


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as a committed transaction (its after-commit work done). The test's
    own transaction never commits: the bump the demo's rows scheduled is forgotten, so that
    the change schedules one of its own inside the captured block."""

    def commit():
        connection._page_cache_bump = None
        return django_capture_on_commit_callbacks(execute=True)

    return commit
