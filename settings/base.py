"""Settings shared by every environment. The reference site runs every plugin."""

import os
from pathlib import Path

import dj_database_url

from plugins.core import settings as plugin_settings
from plugins.core import sqlite

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

# The reference site runs every plugin; each works with only `plugins.core` beside it
# (settings/solo_*.py). plugins.core.settings.install, at the end of this module, adds them
# and what they need to the apps, middleware and settings below, as it does for any site.
PLUGINS = "all"
SITE_APPS = ["portal"]
# Wagtail's and Django's apps, as `wagtail start` lists them plus the optional English
# versions (wagtail.locales, simple_translation) and the Content-Security-Policy (csp).
BASE_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.locales",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
INSTALLED_APPS = [*SITE_APPS, *BASE_APPS]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "plugins.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The public pages' language comes from the URL: none is Vietnamese, /en/… English
    # (settings/urls.py). The admin keeps its users' own language (Wagtail sets it).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# No script but the site's own files; no framing (the admin frames its own previews), no
# plugins, forms sent only to the site. plugins.core.middleware adds what the admin needs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Login lockouts, password-reset limits and two-factor sign-in (R-SEC-2) keep the defaults
# of plugins.core.settings (five wrong passwords in 15 minutes; 3 reset mails an hour per
# address typed, 10 per client address; two-factor for leaders and IT administrators).
# Shown with the lockout message: whom to call (the site's agency's phone is shown too).
PORTAL_ACCOUNT_HELP = ""

ROOT_URLCONF = "settings.urls"
WSGI_APPLICATION = "settings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    # SQLite gets WAL and immediate transactions, so concurrent writers wait their turn.
    "default": sqlite.tuned(dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60
    ))
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # The e-office's access rules (ORed EXISTS) make PostgreSQL overestimate costs and
    # JIT-compile queries that run in milliseconds: 65–750 ms lost each
    # (tests/benchmarks/bench_eoffice_inbox.py). The connection turns JIT off for itself.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese by default, for the public site and the Wagtail admin (LANGUAGE_CODE "vi" and
# TIME_ZONE "Asia/Ho_Chi_Minh" come from plugins.core.settings.install).
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Content in Vietnamese, with optional English versions of pages made from the Vietnamese
# ones (Điều 8.1b of the seed regulation; R-ED-16): Wagtail's own localisation, each
# translation in its own page tree, linked to its original by ``translation_key``.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
# The site's own catalogue; install() adds the admin's JavaScript one (Wagtail's JavaScript
# catalogue only reads wagtail.admin's folder and LOCALE_PATHS).
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# The plugins' public search: "database" (SQLite FTS5 or PostgreSQL full text, whichever the
# database is; install()'s default) or "elasticsearch" (production.py, from ELASTICSEARCH_URL).
# Plugin pages extend the site's layout, PORTAL_BASE_TEMPLATE: install()'s "base.html".

STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Backups (R-EO-19): `manage.py portal_backup` and the weekly task write one archive of the
# database and MEDIA_ROOT here, and keep the newest PORTAL_BACKUP_KEEP (README).
PORTAL_BACKUP_DIR = VAR_DIR / "backups"
PORTAL_BACKUP_KEEP = 8

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử"
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # /thu-tuc-hanh-chinh/, not /thủ-tục-hành-chính/
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Avatars are uploaded in the admin, never fetched from gravatar.com: staff addresses are
# not sent to an outside service, and offline networks show no broken images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# install() sets WAGTAILDOCS_SERVE_METHOD = "serve_view" (documents always go through
# Wagtail's serve view, which asks plugins.core who may download each one), the document
# formats core checks by content (WAGTAILDOCS_EXTENSIONS), and WAGTAILDOCS_DOCUMENT_FORM_BASE
# (every upload checked by its content and, where configured, for viruses).

# Background work: django-q2 with the ORM broker (install()'s Q_CLUSTER), which needs
# nothing else running but the worker (`manage.py qcluster`); production switches to Redis
# when REDIS_URL is set. Wagtail 8 queues its own jobs (search index and reference index
# updates) through django-tasks: install()'s TASKS run them in the request; production sends
# them to the django-q2 workers, so a deployment runs one kind of worker (production.py).

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A mail server that does not answer must not hold a worker for long (plugins.core.mail
# tries again later).
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = "no-reply@localhost"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The plugins, with the apps, middleware and defaults they need (plugins.core.settings).
plugin_settings.install(globals(), plugins=PLUGINS)
