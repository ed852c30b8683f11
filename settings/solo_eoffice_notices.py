"""Test settings: only the core and the e-office's internal notices installed (no documents
part of the e-office, no reference site): the notices work alone."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.eoffice.notices")
