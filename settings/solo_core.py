"""Test settings for a site that installs only the core plugin (no reference site)."""

from settings.base import installed_apps
from settings.test import *  # noqa: F403

PLUGIN_APPS = ["plugins.core"]
SITE_APPS = []
INSTALLED_APPS = installed_apps(PLUGIN_APPS)
PORTAL_BASE_TEMPLATE = "core/base.html"
