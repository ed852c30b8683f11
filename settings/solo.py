"""Base of the per-plugin settings variants: a site with no reference site at all.

Each ``settings/solo_<plugin>.py`` installs ``plugins.core`` and one plugin, so its tests
prove the plugin works alone; nothing of ``site/`` (apps, templates, static, catalogues)
is used.
"""

import copy

from plugins.core.settings import installed_apps, locale_paths
from settings.test import *  # noqa: F403
from settings.test import BASE_APPS, TEMPLATES

SITE_APPS = []
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["DIRS"] = []
STATICFILES_DIRS = []
LOCALE_PATHS = locale_paths()  # the admin's JavaScript catalogue, not the site's
PORTAL_BASE_TEMPLATE = "core/base.html"


def solo_apps(*plugins):
    """INSTALLED_APPS of a site made of Wagtail, the core and ``plugins``."""
    return installed_apps(BASE_APPS, plugins)

