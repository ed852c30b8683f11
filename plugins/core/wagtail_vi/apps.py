from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class WagtailViConfig(AppConfig):
    name = "plugins.core.wagtail_vi"
    label = "core_wagtail_vi"
    verbose_name = _("Vietnamese admin translation")

    def ready(self):
        checks.register(check_settings)


def check_settings(app_configs=None, **kwargs):
    """The compiled catalogues must be there, and LOCALE_PATHS must name the JavaScript one."""
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings

    from plugins.core.wagtail_vi.paths import COMPILED, JS_LOCALE_PATH

    problems = [
        checks.Error(
            f"The Vietnamese admin translation is incomplete: {path} is missing, so the "
            "admin shows Wagtail's English.",
            hint="Reinstall agency-portal-plugins from a wheel that carries its package data "
            "(pyproject.toml [tool.setuptools.package-data]).",
            id="core_wagtail_vi.E001",
        )
        for path in COMPILED
        if not path.is_file()
    ]
    if JS_LOCALE_PATH.resolve() not in {Path(p).resolve() for p in settings.LOCALE_PATHS}:
        problems.append(checks.Warning(
            "Wagtail's JavaScript strings stay in English: LOCALE_PATHS lacks the Vietnamese "
            "JavaScript catalogue.",
            hint=f'Add "{JS_LOCALE_PATH}" to LOCALE_PATHS (plugins.core.settings.install '
            "does).",
            id="core_wagtail_vi.W001",
        ))
    names = [config.name for config in apps.get_app_configs()]
    if "wagtail.admin" in names and names.index(WagtailViConfig.name) > names.index(
        "wagtail.admin"
    ):
        problems.append(checks.Warning(
            "plugins.core.wagtail_vi comes after wagtail.admin in INSTALLED_APPS, so "
            "Wagtail's partial Vietnamese catalogue wins over the complete one.",
            hint="List plugins.core.wagtail_vi before the Wagtail apps.",
            id="core_wagtail_vi.W002",
        ))
    return problems
