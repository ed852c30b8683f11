"""Test settings: only the core and the e-office's apps installed (no reference site)."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.eoffice.documents", "plugins.eoffice.exchange")
