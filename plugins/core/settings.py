"""Add the plugins to a Wagtail site's settings in one call.

In the site's settings module (``mysite/settings/base.py`` of ``wagtail start``), after
INSTALLED_APPS, MIDDLEWARE and TEMPLATES::

    from plugins.core.settings import install

    install(globals(), plugins=["legal_docs"])      # or plugins="all"

It adds, keeping what the site already has:

- INSTALLED_APPS: ``plugins.core``, the plugins and the Vietnamese admin translation
  (``plugins.core.wagtail_vi``) just before the first Wagtail app, so that their catalogues
  win over Wagtail's partial Vietnamese one; the Wagtail and third-party apps the plugins
  use; ``wagtail.users`` replaced by the core's user screens;
- MIDDLEWARE: two-factor sign-in, first-login password change, reset throttling, page
  history, and django-axes last; AUTHENTICATION_BACKENDS: the login lockouts;
- LOCALE_PATHS: the admin's JavaScript catalogue; LANGUAGE_CODE ``vi`` and TIME_ZONE
  ``Asia/Ho_Chi_Minh`` (pass ``language_code=None`` / ``time_zone=None`` to keep the site's);
- the core's template context processor, and defaults for the task queue (django-q2 on the
  database), Wagtail's background tasks, lockouts, two-factor sign-in, document uploads,
  day-first dates in the admin (WAGTAIL_DATE_FORMAT, WAGTAIL_DATETIME_FORMAT and
  FORMAT_MODULE_PATH ``plugins.core.dateformats``: a site with its own format modules gives
  them day-first DATE_INPUT_FORMATS) and the ``PORTAL_*`` settings, each only where the site
  has not set it; of the site's
  WAGTAILDOCS_EXTENSIONS, those core checks by content.

Each step is also a function of its own (``installed_apps``, ``middleware``, …) for a site
that builds its settings differently.
"""

import copy
from datetime import timedelta

from plugins.core.wagtail_vi.paths import JS_LOCALE_PATH

# Every plugin of the package; each works with the core alone.
ALL = ("email_directory", "legal_docs", "procedures", "editorial_board", "eoffice.documents",
       "eoffice.exchange", "eoffice.schedules", "eoffice.tasks", "eoffice.consultations",
       "eoffice.notices", "site_health", "events", "stats_pages", "investment",
       "enterprises", "public_consultation")

CORE_APP = "plugins.core"
WAGTAIL_VI_APP = "plugins.core.wagtail_vi"
USERS_APP = "plugins.core.wagtail_users.UsersAppConfig"
# The Wagtail apps the plugins use beyond those of ``wagtail start``.
WAGTAIL_APPS = [
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "simple_history",
    "django_q",
    "django_tasks",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

AUTHENTICATION_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"
OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"
PLUGIN_MIDDLEWARE = [
    # Names who made a permission or configuration change in the system log.
    "plugins.core.audit.context.AuditRequestMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "plugins.core.middleware.PasswordChangeRequiredMiddleware",
    # An admin URL naming another agency's page answers 404.
    "plugins.core.middleware.AgencyPagesMiddleware",
    "plugins.core.two_factor.middleware.TwoFactorRequiredMiddleware",
    "plugins.core.accounts.throttling.PasswordResetThrottleMiddleware",
]
# Citizens' pages from the cache (docs/page-cache.md): once the language is known, before
# the CSRF middleware, whose cookie (a page with a form) keeps a page out of the cache.
PAGE_CACHE_MIDDLEWARE = "plugins.core.page_cache.middleware.PageCacheMiddleware"
PAGE_CACHE_AFTER = ("django.middleware.locale.LocaleMiddleware",
                    "django.contrib.sessions.middleware.SessionMiddleware")
# Last: turns a locked-out login into the lockout page.
AXES_MIDDLEWARE = "axes.middleware.AxesMiddleware"
LOGIN_THROTTLE_BACKEND = "plugins.core.accounts.throttling.LoginThrottleBackend"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
CONTEXT_PROCESSOR = "plugins.core.context_processors.layout"

DEFAULTS = {
    # Background work on django-q2 with the database as broker: nothing else to run but
    # `manage.py qcluster` (a site with Redis sets its own Q_CLUSTER).
    "Q_CLUSTER": {
        "name": "portal",
        "orm": "default",
        "workers": 2,
        "timeout": 300,
        "retry": 600,
        "catch_up": False,
        "label": "Tác vụ nền",
    },
    # Wagtail's own jobs (search and reference index) run in the request; a deployment with
    # workers sends them to django-q2 with "plugins.core.task_backend.DjangoQ2Backend".
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    # Login lockouts (django-axes): five wrong passwords in 15 minutes, per account and per
    # client address.
    "AXES_FAILURE_LIMIT": 5,
    "AXES_COOLOFF_TIME": timedelta(minutes=15),
    "AXES_LOCKOUT_PARAMETERS": ["username", "ip_address"],
    "AXES_RESET_ON_SUCCESS": True,
    "AXES_CLIENT_IP_CALLABLE": "plugins.core.net.client_address",
    "AXES_LOCKOUT_CALLABLE": "plugins.core.accounts.throttling.lockout_response",
    "AXES_DISABLE_ACCESS_LOG": True,
    "PORTAL_PASSWORD_RESET_LIMITS": {"PER_ADDRESS": 10, "PER_ACCOUNT": 3, "PERIOD": 3600},
    "PORTAL_ACCOUNT_HELP": "",
    "PORTAL_TWO_FACTOR_REQUIRED": True,
    # The system log (R-EO-19) keeps its entries this many days.
    "PORTAL_AUDIT_RETENTION_DAYS": 365,
    # The site's layout, which plugin pages extend (``wagtail start`` names it base.html).
    "PORTAL_BASE_TEMPLATE": "base.html",
    # The plugins' public search: "database" is the backend of the default database
    # (plugins.core.search.backends.sqlite or .postgresql); any dotted path of a backend
    # module or class also works (docs/search.md).
    "PORTAL_SEARCH": {"BACKEND": "database"},
    # Uploads checked by content; files served only through the view that asks who may.
    "WAGTAILDOCS_DOCUMENT_FORM_BASE": "plugins.core.files.uploads.CheckedDocumentForm",
    "WAGTAILDOCS_SERVE_METHOD": "serve_view",
    "LOGIN_URL": "wagtailadmin_login",
    # Slugs of new pages folded to ASCII (/thu-tuc-hanh-chinh/), as Vietnamese sites do.
    "WAGTAIL_ALLOW_UNICODE_SLUGS": False,
    # Dates in the admin's pickers as Vietnamese write them (19/11/2026, not 2026-11-19), and
    # forms that read them back, day first, in Vietnamese and English (plugins.core.dateformats).
    "WAGTAIL_DATE_FORMAT": "%d/%m/%Y",
    "WAGTAIL_DATETIME_FORMAT": "%d/%m/%Y %H:%M",
    "FORMAT_MODULE_PATH": ["plugins.core.dateformats"],
}


# What a site without its own list accepts: office documents in open and Microsoft formats.
DOCUMENT_EXTENSIONS = ("pdf", "doc", "docx", "odt", "ods", "xls", "xlsx", "zip")


def plugin_apps(plugins=()):
    """``plugins.core`` and the plugins named (``"legal_docs"``, ``"plugins.legal_docs"``, or
    ``"all"``), in the package's order."""
    if plugins == "all":
        plugins = ALL
    names = [name.removeprefix("plugins.") for name in plugins]
    unknown = sorted(set(names) - set(ALL) - {"core"})
    if unknown:
        raise ValueError(f"Unknown plugin(s) {unknown}; the plugins are {list(ALL)}.")
    return [CORE_APP, *(f"plugins.{name}" for name in ALL if name in names)]


def _is_wagtail(app):
    return app == "wagtail" or app.startswith("wagtail.")


def installed_apps(apps, plugins=()):
    """``apps`` (a site's INSTALLED_APPS) with the plugins and what they need added."""
    apps = [USERS_APP if app == "wagtail.users" else app for app in apps]
    ours = [*plugin_apps(plugins), WAGTAIL_VI_APP]
    apps = [app for app in apps if app not in ours]
    first_wagtail = next((i for i, app in enumerate(apps) if _is_wagtail(app)), len(apps))
    missing_wagtail = [app for app in WAGTAIL_APPS if app not in apps]
    apps[first_wagtail:first_wagtail] = [*ours, *missing_wagtail]
    if USERS_APP not in apps:
        apps.insert(apps.index(WAGTAIL_VI_APP) + 1 + len(missing_wagtail), USERS_APP)
    return apps + [app for app in THIRD_PARTY_APPS if app not in apps]


def middleware(middleware):
    """A site's MIDDLEWARE with the plugins' added: OTP after authentication, axes last."""
    result = [m for m in middleware
              if m not in (OTP_MIDDLEWARE, AXES_MIDDLEWARE, PAGE_CACHE_MIDDLEWARE)]
    if AUTHENTICATION_MIDDLEWARE not in result:
        raise ValueError(f"MIDDLEWARE needs {AUTHENTICATION_MIDDLEWARE}.")
    result.insert(result.index(AUTHENTICATION_MIDDLEWARE) + 1, OTP_MIDDLEWARE)
    after = next((result.index(m) + 1 for m in PAGE_CACHE_AFTER if m in result), 0)
    result.insert(after, PAGE_CACHE_MIDDLEWARE)
    result += [m for m in PLUGIN_MIDDLEWARE if m not in result]
    return [*result, AXES_MIDDLEWARE]


def authentication_backends(backends=None):
    """The login lockouts' backend first, then the site's (Django's model backend if none)."""
    backends = [b for b in (backends or [MODEL_BACKEND]) if b != LOGIN_THROTTLE_BACKEND]
    return [LOGIN_THROTTLE_BACKEND, *backends]


def templates(templates):
    """TEMPLATES with the core's context processor in the Django template engine."""
    result = []
    for engine in templates:
        engine = {**engine, "OPTIONS": dict(engine.get("OPTIONS", {}))}
        if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates":
            processors = list(engine["OPTIONS"].get("context_processors", []))
            if CONTEXT_PROCESSOR not in processors:
                processors.append(CONTEXT_PROCESSOR)
            engine["OPTIONS"]["context_processors"] = processors
        result.append(engine)
    return result


def document_extensions(extensions=None):
    """The site's WAGTAILDOCS_EXTENSIONS less those core cannot check by content (their
    uploads would be refused anyway; `wagtail start` lists csv, key, pptx, rtf, txt)."""
    from plugins.core.files.formats import FORMATS

    kept = [ext for ext in extensions or () if ext.lower() in FORMATS]
    return kept or list(DOCUMENT_EXTENSIONS)


def locale_paths(paths=()):
    """LOCALE_PATHS with the admin's JavaScript catalogue in Vietnamese."""
    paths = list(paths)
    return paths if JS_LOCALE_PATH in paths else [*paths, JS_LOCALE_PATH]


def install(settings, plugins=(), *, language_code="vi", time_zone="Asia/Ho_Chi_Minh"):
    """Add ``plugins`` (names, or ``"all"``) to the settings module whose ``globals()`` is
    ``settings``; see the module's docstring for what it adds."""
    settings["INSTALLED_APPS"] = installed_apps(settings.get("INSTALLED_APPS", []), plugins)
    settings["MIDDLEWARE"] = middleware(settings.get("MIDDLEWARE", []))
    settings["AUTHENTICATION_BACKENDS"] = authentication_backends(
        settings.get("AUTHENTICATION_BACKENDS"))
    settings["TEMPLATES"] = templates(settings.get("TEMPLATES", []))
    settings["LOCALE_PATHS"] = locale_paths(settings.get("LOCALE_PATHS", ()))
    settings["WAGTAILDOCS_EXTENSIONS"] = document_extensions(
        settings.get("WAGTAILDOCS_EXTENSIONS"))
    if language_code:
        settings["LANGUAGE_CODE"] = language_code
    if time_zone:
        settings["TIME_ZONE"] = time_zone
    for name, value in DEFAULTS.items():
        settings.setdefault(name, copy.deepcopy(value))
    settings.setdefault("OTP_TOTP_ISSUER", settings.get("WAGTAIL_SITE_NAME", "Wagtail"))
