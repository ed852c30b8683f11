"""Test settings: only the core and plugins.site_health installed (no reference site), and
the tests' page type with every kind of field that holds links."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = [*solo_apps("plugins.site_health"), "tests.site_health.pages"]
