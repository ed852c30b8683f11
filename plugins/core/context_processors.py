"""Template context every plugin's public page relies on."""

from django.conf import settings

DEFAULT_BASE_TEMPLATE = "core/base.html"


def layout(request):
    """``base_template``: the site's own layout, which plugin pages extend.

    A site sets ``PORTAL_BASE_TEMPLATE`` to its base template; without it, plugin pages use
    core's minimal accessible layout, so a plugin works in a site that installs only it.
    """
    return {"base_template": getattr(settings, "PORTAL_BASE_TEMPLATE", DEFAULT_BASE_TEMPLATE)}
