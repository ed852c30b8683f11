"""Test settings: only the core and plugins.public_consultation installed (no reference
site)."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.public_consultation")
