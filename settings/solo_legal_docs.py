"""Test settings for a site that installs only the core and the legal documents plugin."""

from settings.base import installed_apps
from settings.test import *  # noqa: F403

PLUGIN_APPS = ["plugins.core", "plugins.legal_docs"]
SITE_APPS = []
INSTALLED_APPS = installed_apps(PLUGIN_APPS)
PORTAL_BASE_TEMPLATE = "core/base.html"
