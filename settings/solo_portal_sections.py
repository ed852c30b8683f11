"""Test settings: the core and the public portal's sections that share nothing — the legal
library, the e-mail directory, events, statistics, site health, investment, enterprises,
public consultation — no reference site, no other plugin. None of them imports or links
to another (tests/core/test_plugin_boundaries.py), so CI runs their solo tests side by
side here, in one process; each plugin's own ``settings/solo_<plugin>.py`` runs it
entirely alone. (The procedures, which show their legal documents when that plugin is
installed, and the editorial board, which reviews the directory, stay apart.)"""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = [
    *solo_apps("plugins.legal_docs", "plugins.email_directory", "plugins.events",
               "plugins.stats_pages", "plugins.site_health", "plugins.investment",
               "plugins.enterprises", "plugins.public_consultation"),
    "tests.site_health.pages",
]
