from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "plugins.events"
    label = "events"
    verbose_name = _("Conferences, workshops and training")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from plugins.core.search import documents
        from plugins.events import signal_handlers  # noqa: F401
        from plugins.events.demo import load_events_demo
        from plugins.events.models import EventPage
        from plugins.events.search_index import build

        documents.register(EventPage, build)
        # After the site's English pages (portal_english, 50): the English list goes
        # under the English home.
        demo.register("events", load_events_demo, order=55)
        areas.register("events.EventIndexPage", _("Conferences, workshops and training"),
                       icon="date", order=25,
                       description=_("Coming and past events, their materials to read or "
                                     "download"))
