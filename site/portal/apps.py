from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Reference agency site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from portal import menu
        from portal.demo import load_portal_demo
        from portal.demo_english import load_english_demo

        menu.connect()
        demo.register("portal", load_portal_demo, order=10)
        # After the board's demo: the English pages are copied under its workflow.
        demo.register("portal_english", load_english_demo, order=50)
        areas.register("portal.OrganisationPage", _("Introduction"), icon="site", order=10)
        areas.register("portal.ArticleIndexPage", _("News and events"), icon="doc-full", order=20)
        areas.register("portal.ContactPage", _("Contact"), icon="mail", order=90)
