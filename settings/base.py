"""Settings shared by every environment. The reference site runs every plugin."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from plugins.core import sqlite

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

# The plugins a site installs; each works with only `plugins.core` beside it.
PLUGIN_APPS = [
    "plugins.core",
    "plugins.email_directory",
    "plugins.legal_docs",
    "plugins.procedures",
    "plugins.editorial_board",
]
SITE_APPS = ["portal"]

WAGTAIL_VI_APP = "plugins.core.wagtail_vi"
WAGTAIL_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.locales",
    # Wagtail's users app with the core's user screens (an IT administrator manages the
    # users of its own agency only): in place of "wagtail.users".
    "plugins.core.wagtail_users.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
]
THIRD_PARTY_APPS = [
    "simple_history",
    "csp",
    "django_q",
    "django_tasks",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]


def installed_apps(plugins, site_apps=()):
    """INSTALLED_APPS for a site made of ``plugins`` (and the reference site's apps).

    The Vietnamese admin translation comes with the core, before the Wagtail apps so that
    its catalogues win over Wagtail's partial ones.
    """
    return [*site_apps, *plugins, WAGTAIL_VI_APP, *WAGTAIL_APPS, *THIRD_PARTY_APPS, *DJANGO_APPS]


INSTALLED_APPS = installed_apps(PLUGIN_APPS, SITE_APPS)

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
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "plugins.core.middleware.PasswordChangeRequiredMiddleware",
    "plugins.core.middleware.AgencyPagesMiddleware",
    "plugins.core.two_factor.middleware.TwoFactorRequiredMiddleware",
    "plugins.core.accounts.throttling.PasswordResetThrottleMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out login into the lockout page (django-axes).
    "axes.middleware.AxesMiddleware",
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

# Login lockouts (R-SEC-2): django-axes counts wrong passwords per account and per client
# address; past the limit within the cool-off, that account or address waits it out.
AUTHENTICATION_BACKENDS = [
    "plugins.core.accounts.throttling.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "plugins.core.net.client_address"
AXES_LOCKOUT_CALLABLE = "plugins.core.accounts.throttling.lockout_response"
# Successful logins are the audit log's, not a second unbounded table.
AXES_DISABLE_ACCESS_LOG = True
# Password-reset mails: at most this many per client address and per address typed.
PORTAL_PASSWORD_RESET_LIMITS = {"PER_ADDRESS": 10, "PER_ACCOUNT": 3, "PERIOD": 3600}
# Shown with the lockout message: whom to call (the site's agency's phone is shown too).
PORTAL_ACCOUNT_HELP = ""
# Two-factor sign-in (TOTP app + recovery codes) for superusers, agency leaders, IT
# administrators and whoever plugins add (plugins.core.two_factor). On unless a site says.
PORTAL_TWO_FACTOR_REQUIRED = True

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
                "plugins.core.context_processors.layout",
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

# Vietnamese by default, for the public site and the Wagtail admin.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Content in Vietnamese, with optional English versions of pages made from the Vietnamese
# ones (Điều 8.1b of the seed regulation; R-ED-16): Wagtail's own localisation, each
# translation in its own page tree, linked to its original by ``translation_key``.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Wagtail's JavaScript catalogue only reads wagtail.admin's folder and LOCALE_PATHS, so the
# Vietnamese admin translation is listed here too (the Python strings come from the app).
LOCALE_PATHS = [
    BASE_DIR / "site" / "locale",
    BASE_DIR / "plugins" / "core" / "wagtail_vi" / "js_locale",
]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# The plugins' public search: "database" (SQLite FTS5 or PostgreSQL full text, whichever the
# database is) or "elasticsearch" (settings/production.py, from ELASTICSEARCH_URL).
PORTAL_SEARCH = {"BACKEND": "database"}

# The reference site's layout; plugin pages extend it (plugins.core.context_processors).
PORTAL_BASE_TEMPLATE = "base.html"

STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "wagtailadmin_login"
WAGTAIL_SITE_NAME = "Cổng thông tin điện tử"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Avatars are uploaded in the admin, never fetched from gravatar.com: staff addresses are
# not sent to an outside service, and offline networks show no broken images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "ods", "xls", "xlsx", "zip"]
# Documents always go through Wagtail's serve view, which asks plugins.core who may download
# each one; never a redirect to a storage URL that anyone could share.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every upload is checked by its content and, where configured, for viruses (plugins.core.files).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "plugins.core.files.uploads.CheckedDocumentForm"

# Background work: django-q2. The ORM broker needs nothing else running but the worker
# (`manage.py qcluster`); production switches to Redis when REDIS_URL is set.
Q_CLUSTER = {
    "name": "portal",
    "orm": "default",
    "workers": 2,
    "timeout": 300,
    "retry": 600,
    "catch_up": False,
    "label": "Tác vụ nền",
}

# Wagtail 8 queues its own jobs (search index and reference index updates) through
# django-tasks. They run in the request by default; production sends them to the
# django-q2 workers, so a deployment runs one kind of worker (see production.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

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
