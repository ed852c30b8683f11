"""Test settings: only the core and plugins.enterprises installed (no reference site, no
editorial board)."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.enterprises")
