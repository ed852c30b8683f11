"""Settings of the development server the concurrency tests start: the embedded defaults
(settings.dev, so SQLite gets core's tuning), the test's database (DATABASE_URL), the test's
host, and the client's address read from X-Forwarded-For as behind one proxy."""

import os

from settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PORTAL_TRUSTED_PROXIES = 1
MEDIA_ROOT = os.environ["PORTAL_TEST_MEDIA_ROOT"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}}}
