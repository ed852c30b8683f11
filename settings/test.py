"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL says so."""

import atexit
import shutil
import tempfile

from settings.base import *  # noqa: F403
from settings.base import Q_CLUSTER

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
for _folder in (MEDIA_ROOT, STATIC_ROOT):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run synchronously, in the test's own transaction.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Demo content is loaded by many tests: a smaller generated library keeps them quick.
LEGAL_DOCS_DEMO_GENERATED = 6
# Wagtail's own admin search index is not under test; our search index is.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}
# Tests log staff in with force_login: the second factor is off, and the tests of it
# (tests/core/test_two_factor.py) turn it on.
PORTAL_TWO_FACTOR_REQUIRED = False
# The site health tests' page type (every kind of field that holds links, and a unit).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.site_health.pages"]  # noqa: F405
# A test's changes are never committed, so the page cache and the rows kept in memory
# (refreshed after commit) are off; tests/site/test_page_cache.py turns them on and commits.
PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": False}
# The test databases are thrown away: PostgreSQL need not wait for the disk at each commit
# (the live-server and thread tests commit thousands of times).
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
