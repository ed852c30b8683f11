"""Test settings: only the core and plugins.investment installed (no reference site)."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.investment")
