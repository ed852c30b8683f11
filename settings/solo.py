"""Base of the per-plugin settings variants: a site with no reference site at all.

Each ``settings/solo_<plugin>.py`` installs ``plugins.core`` and one plugin, so its tests
prove the plugin works alone; nothing of ``site/`` (apps, templates, static, catalogues)
is used.
"""

import copy

from settings.base import installed_apps
from settings.test import *  # noqa: F403
from settings.test import BASE_DIR, TEMPLATES

SITE_APPS = []
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["DIRS"] = []
STATICFILES_DIRS = []
LOCALE_PATHS = [BASE_DIR / "plugins" / "core" / "wagtail_vi" / "js_locale"]
PORTAL_BASE_TEMPLATE = "core/base.html"


def solo_apps(*plugins):
    return installed_apps(["plugins.core", *plugins])

