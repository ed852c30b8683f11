from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "plugins.core"
    label = "core"
    verbose_name = _("Agency core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo, i18n, signal_handlers  # noqa: F401
        from plugins.core.demo_content import load_core_demo
        from plugins.core.two_factor import session  # noqa: F401 - flags sessions at login

        demo.register("core", load_core_demo, order=0)
        i18n.connect()
