from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EofficeExchangeConfig(AppConfig):
    """Exchange of official documents between agencies (edXML, QCVN 102:2016)."""

    name = "plugins.eoffice.exchange"
    label = "eoffice_exchange"
    verbose_name = _("E-office: exchange between agencies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.core.notifications import register_kind
        from plugins.eoffice.exchange import events
        from plugins.eoffice.exchange.demo import load_exchange_demo
        from plugins.eoffice.exchange.sending import schedule_sending
        from plugins.eoffice.exchange.signing import permissions as signing_permissions

        events.connect()
        register_kind("eoffice_exchange.received",
                      _("A document arrives, is recalled or is refused through the exchange"),
                      group=self.verbose_name, email=True)
        register_kind("eoffice_exchange.not_delivered",
                      _("A document sent through the exchange could not be delivered"),
                      group=self.verbose_name, email=True)
        demo.register("eoffice_exchange", load_exchange_demo, order=61)
        signing_permissions.register()
        post_migrate.connect(schedule_sending, sender=self)
