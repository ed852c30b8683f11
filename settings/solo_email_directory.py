"""Test settings: only the core and plugins.email_directory installed (no reference site)."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.email_directory")
