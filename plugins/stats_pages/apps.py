from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsPagesConfig(AppConfig):
    # Not "statistics": that is a module of Python's standard library.
    name = "plugins.stats_pages"
    label = "stats_pages"
    verbose_name = _("Statistics and indices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from plugins.core.search import documents
        from plugins.stats_pages import signal_handlers  # noqa: F401
        from plugins.stats_pages.demo import load_statistics_demo
        from plugins.stats_pages.models import StatisticsPage
        from plugins.stats_pages.search_index import build

        documents.register(StatisticsPage, build)
        demo.register("stats_pages", load_statistics_demo, order=55)
        areas.register("stats_pages.StatisticsIndexPage", _("Statistics and indices"),
                       icon="table", order=50,
                       description=_("Land prices, competitiveness index and other figures, "
                                     "with charts and data to download"))
