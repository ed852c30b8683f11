"""Test settings: only the core and plugins.stats_pages installed."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.stats_pages")
