from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalDocsConfig(AppConfig):
    name = "plugins.legal_docs"
    label = "legal_docs"
    verbose_name = _("Legal documents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from plugins.core.search import documents
        from plugins.legal_docs import signal_handlers  # noqa: F401
        from plugins.legal_docs.demo import load_legal_docs_demo
        from plugins.legal_docs.models import LegalDocumentPage
        from plugins.legal_docs.search_index import build

        documents.register(LegalDocumentPage, build)
        demo.register("legal_docs", load_legal_docs_demo, order=20)
        areas.register("legal_docs.LegalDocumentIndexPage", _("Legal documents"), icon="doc-full",
                       order=30)
