"""Test settings for a site that installs only the core plugin (no reference site)."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps()
