"""Search backends, one class each, chosen by ``settings.PORTAL_SEARCH["BACKEND"]``.

The value is the dotted path of a module defining ``SearchBackend`` (as Wagtail's
``WAGTAILSEARCH_BACKENDS`` are written) or of a :class:`~.base.SearchBackend` subclass:

- ``"plugins.core.search.backends.sqlite"``: SQLite FTS5 and the facet snapshot;
- ``"plugins.core.search.backends.postgresql"``: PostgreSQL ``tsvector`` and the snapshot;
- ``"plugins.core.search.backends.elasticsearch"``: an Elasticsearch cluster (``URL``,
  ``INDEX_PREFIX``, ``REFRESH`` in the same dictionary).

Two short names are kept: ``"database"`` (the default: the backend of the default
database, SQLite or PostgreSQL) and ``"elasticsearch"``.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils.module_loading import import_string

from plugins.core.search.backends.base import SearchBackend

__all__ = ["SearchBackend", "get_search_backend", "backend_path"]

DEFAULT = "database"
ALIASES = {"elasticsearch": "plugins.core.search.backends.elasticsearch"}
DATABASE_BACKENDS = {
    "sqlite": "plugins.core.search.backends.sqlite",
    "postgresql": "plugins.core.search.backends.postgresql",
}
_backends = {}  # (path, the settings' repr) → SearchBackend


def _params():
    return dict(getattr(settings, "PORTAL_SEARCH", None) or {})


def backend_path(name):
    """The dotted path a ``BACKEND`` value stands for (aliases resolved)."""
    if name == DEFAULT:
        if connection.vendor not in DATABASE_BACKENDS:
            raise ImproperlyConfigured(
                f'PORTAL_SEARCH["BACKEND"] = "database": no full-text search for the '
                f"{connection.vendor} database (SQLite and PostgreSQL have one)."
            )
        return DATABASE_BACKENDS[connection.vendor]
    return ALIASES.get(name, name)


def _import(path):
    """The SearchBackend class at ``path``: a module's ``SearchBackend``, or a class."""
    try:
        found = getattr(import_module(path), "SearchBackend", None)
    except ModuleNotFoundError as error:
        if not error.name or not path.startswith(error.name):
            raise  # the module exists but imports something missing: that error, as it is
        found = None
    if found is None:
        try:
            found = import_string(path)
        except ImportError as error:
            raise ImproperlyConfigured(
                f'PORTAL_SEARCH["BACKEND"] = {path!r} is not a search backend ({error}). '
                'Use "database", "elasticsearch" or the dotted path of a module defining '
                "SearchBackend or of a plugins.core.search.backends.base.SearchBackend "
                f"subclass, e.g. {DATABASE_BACKENDS['postgresql']!r}."
            ) from error
    if not (isinstance(found, type) and issubclass(found, SearchBackend)):
        raise ImproperlyConfigured(
            f'PORTAL_SEARCH["BACKEND"] = {path!r} names {found!r}, not a subclass of '
            "plugins.core.search.backends.base.SearchBackend."
        )
    return found


def get_search_backend():
    """The backend ``settings.PORTAL_SEARCH`` names, made once per value of the setting."""
    params = _params()
    path = backend_path(params.get("BACKEND") or DEFAULT)
    key = (path, repr(sorted(params.items())))
    backend = _backends.get(key)
    if backend is None:
        backend = _backends[key] = _import(path)(params)
    return backend
