from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Reference agency site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from portal import menu, search_index
        from portal.demo import load_portal_demo
        from portal.demo_english import load_english_demo

        menu.connect()
        search_index.connect()  # the site's pages in the core search (site-wide search)
        demo.register("portal", load_portal_demo, order=10)
        # After the board's demo: the English pages are copied under its workflow.
        demo.register("portal_english", load_english_demo, order=50)
        # Last: the site's demo pages (made without publishing) in the site-wide search.
        demo.register("portal_search", search_index.reindex_site_pages, order=1000)
        areas.register("portal.OrganisationPage", _("Introduction"), icon="site", order=10,
                       description=_("Functions, tasks, organisation and leadership"))
        areas.register("portal.ArticleIndexPage", _("News and events"), icon="doc-full",
                       order=20, description=_("The agency's work and coming events"))
        areas.register("portal.WeblinksPage", _("Web links"), icon="link", order=85,
                       description=_("Websites of state agencies, the Party and unions"))
        areas.register("portal.ContactPage", _("Contact"), icon="mail", order=90,
                       description=_("Address, phone numbers and email of the agency"))
