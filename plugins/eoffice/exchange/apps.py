from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EofficeExchangeConfig(AppConfig):
    """Exchange of official documents between agencies (edXML, QCVN 102:2016)."""

    name = "plugins.eoffice.exchange"
    label = "eoffice_exchange"
    verbose_name = _("E-office: exchange between agencies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.eoffice.exchange.signing import permissions as signing_permissions

        signing_permissions.register()
