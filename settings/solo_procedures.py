"""Test settings: only the core and plugins.procedures installed (no reference site, and no
legal documents plugin: legal bases are plain text)."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.procedures")
