from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestmentConfig(AppConfig):
    name = "plugins.investment"
    label = "investment"
    verbose_name = _("Investment projects and procurement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from plugins.core.search import documents
        from plugins.investment import signal_handlers  # noqa: F401
        from plugins.investment.demo import load_investment_demo
        from plugins.investment.models import NoticePage, ProjectPage
        from plugins.investment.search_index import build_notice, build_project

        documents.register(ProjectPage, build_project)
        documents.register(NoticePage, build_notice)
        # After the site's English pages (portal_english, 50): the English lists go under
        # the English home.
        demo.register("investment", load_investment_demo, order=56)
        areas.register("investment.ProjectIndexPage", _("Investment projects"),
                       icon="site", order=30,
                       description=_("Projects being prepared, calling for investment or "
                                     "under way: field, zone, capital, investor, contact"))
        areas.register("investment.NoticeIndexPage", _("Bidding and procurement"),
                       icon="doc-full-inverse", order=32,
                       description=_("Notices inviting bids, their closing time, documents "
                                     "and results"))
