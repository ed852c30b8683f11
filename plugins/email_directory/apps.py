from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmailDirectoryConfig(AppConfig):
    name = "plugins.email_directory"
    label = "email_directory"
    verbose_name = _("Email directory")
    default_auto_field = "django.db.models.BigAutoField"
