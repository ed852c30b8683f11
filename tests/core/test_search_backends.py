"""The search backend is the one settings.PORTAL_SEARCH["BACKEND"] names (docs/search.md)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from plugins.core.search.backends import get_search_backend
from plugins.core.search.backends.elasticsearch import ElasticsearchSearchBackend
from plugins.core.search.backends.postgresql import PostgreSQLSearchBackend
from plugins.core.search.backends.sqlite import SQLiteSearchBackend

DATABASE_BACKEND = {"sqlite": SQLiteSearchBackend, "postgresql": PostgreSQLSearchBackend}


@pytest.mark.parametrize(("value", "expected"), [
    (f"plugins.core.search.backends.{connection.vendor}", DATABASE_BACKEND[connection.vendor]),
    (f"{DATABASE_BACKEND[connection.vendor].__module__}."
     f"{DATABASE_BACKEND[connection.vendor].__name__}", DATABASE_BACKEND[connection.vendor]),
    ("plugins.core.search.backends.elasticsearch", ElasticsearchSearchBackend),
    ("elasticsearch", ElasticsearchSearchBackend),
])
def test_a_dotted_path_or_an_alias_selects_the_backend_class(settings, value, expected):
    settings.PORTAL_SEARCH = {"BACKEND": value, "URL": "http://127.0.0.1:1"}
    backend = get_search_backend()
    assert type(backend) is expected
    assert backend.params["URL"] == "http://127.0.0.1:1"


def test_database_is_the_backend_of_the_database_in_use(settings):
    """The default ("database", as in existing installs) follows the default database."""
    for value in ({"BACKEND": "database"}, {}):
        settings.PORTAL_SEARCH = value
        assert type(get_search_backend()) is DATABASE_BACKEND[connection.vendor]


def test_the_backend_is_made_once_per_value_of_the_setting(settings):
    settings.PORTAL_SEARCH = {"BACKEND": "elasticsearch", "URL": "http://a:9200"}
    first = get_search_backend()
    assert get_search_backend() is first
    settings.PORTAL_SEARCH = {"BACKEND": "elasticsearch", "URL": "http://b:9200"}
    second = get_search_backend()
    assert second is not first and second.params["URL"] == "http://b:9200"


@pytest.mark.parametrize("value", [
    "plugins.core.search.backends.nowhere",
    "no_such_package.Backend",
    "plugins.core.search.backends.sqlite.NoSuchClass",
])
def test_an_unknown_path_is_a_clear_configuration_error(settings, value):
    settings.PORTAL_SEARCH = {"BACKEND": value}
    with pytest.raises(ImproperlyConfigured) as raised:
        get_search_backend()
    message = str(raised.value)
    assert value in message and "PORTAL_SEARCH" in message
    assert '"database", "elasticsearch" or the dotted path' in message


def test_the_other_database_s_backend_is_refused(settings):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    settings.PORTAL_SEARCH = {"BACKEND": f"plugins.core.search.backends.{other}"}
    with pytest.raises(ImproperlyConfigured, match=f"searches a {other} database"):
        get_search_backend()


def test_a_path_to_something_else_than_a_backend_is_refused(settings):
    settings.PORTAL_SEARCH = {"BACKEND": "plugins.core.search.engine.search"}
    with pytest.raises(ImproperlyConfigured, match="not a subclass of"):
        get_search_backend()
