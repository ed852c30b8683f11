from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailViConfig(AppConfig):
    name = "plugins.core.wagtail_vi"
    label = "core_wagtail_vi"
    verbose_name = _("Vietnamese admin translation")
