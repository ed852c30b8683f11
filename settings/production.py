"""Production: everything from the environment.

DATABASE_URL     postgres://user:pass@host:5432/name (SQLite if unset: one machine only)
REDIS_URL        redis://host:6379/0 — cache, sessions and the django-q2 broker
ELASTICSEARCH_URL https://host:9200 — search engine for the search module
SECRET_KEY, ALLOWED_HOSTS (comma-separated), CSRF_TRUSTED_ORIGINS (comma-separated)
HTTPS            1 (default): HTTPS only — redirect, secure cookies, HSTS; 0 behind no TLS at all
HSTS_SECONDS     31536000 by default; HSTS_INCLUDE_SUBDOMAINS, HSTS_PRELOAD (1 by default)
TRUSTED_PROXIES  how many reverse proxies of the site's own stand in front of it (0 default)
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL
MEDIA_ROOT, STATIC_ROOT (paths; or S3 storage via django-storages)
BACKUP_DIR, BACKUP_KEEP  where the backup archives go (var/backups), how many are kept (8)
PAGE_CACHE       1 (default): citizens' pages from the cache (docs/page-cache.md); 0 off
FRONTEND_CACHE_URL http://proxy:6081 — a caching proxy purged on every change (PURGE requests)
"""

import os

from settings.base import *  # noqa: F403
from settings.base import Q_CLUSTER


def _env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
HTTPS = os.environ.get("HTTPS", "1") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("HSTS_PRELOAD", "1") == "1"
SESSION_COOKIE_HTTPONLY = True
PORTAL_TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
PORTAL_AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "365"))

if os.environ.get("MEDIA_ROOT"):
    MEDIA_ROOT = os.environ["MEDIA_ROOT"]
if os.environ.get("STATIC_ROOT"):
    STATIC_ROOT = os.environ["STATIC_ROOT"]
if os.environ.get("BACKUP_DIR"):
    PORTAL_BACKUP_DIR = os.environ["BACKUP_DIR"]
PORTAL_BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "8"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

PORTAL_PAGE_CACHE = {"ENABLED": os.environ.get("PAGE_CACHE", "1") == "1"}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {"proxy": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }}

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    Q_CLUSTER = {**{k: v for k, v in Q_CLUSTER.items() if k != "orm"}, "redis": REDIS_URL}

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    # The plugins' public search (plugins.core.search) runs on the cluster; the index
    # prefix lets several installations share one cluster.
    PORTAL_SEARCH = {
        "BACKEND": "plugins.core.search.backends.elasticsearch",
        "URL": ELASTICSEARCH_URL,
        "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal"),
    }

# Wagtail's own jobs run on the django-q2 workers, beside the plugins' jobs.
TASKS = {"default": {"BACKEND": "plugins.core.task_backend.DjangoQ2Backend"}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "https://localhost")
