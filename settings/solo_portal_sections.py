"""Test settings: the core and the public portal's section plugins (events, statistics,
site health, investment, enterprises, public consultation) — no reference site, no other
plugin. None of them imports or links to another (tests/core/test_plugin_boundaries.py),
so CI runs their solo tests side by side here, in one process; each plugin's own
``settings/solo_<plugin>.py`` runs it entirely alone."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = [
    *solo_apps("plugins.events", "plugins.stats_pages", "plugins.site_health",
               "plugins.investment", "plugins.enterprises", "plugins.public_consultation"),
    "tests.site_health.pages",
]
