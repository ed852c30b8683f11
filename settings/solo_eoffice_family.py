"""Test settings: the core and the e-office apps that work without the documents app
(schedules, tasks, consultations, notices) — no reference site, no other plugin. None of
them imports or links to another (tests/core/test_plugin_boundaries.py), so CI runs their
solo tests side by side here, in one process; each app's own ``settings/solo_<app>.py``
runs it entirely alone."""

from settings.solo import *  # noqa: F403
from settings.solo import solo_apps

INSTALLED_APPS = solo_apps("plugins.eoffice.schedules", "plugins.eoffice.tasks",
                           "plugins.eoffice.consultations", "plugins.eoffice.notices")
