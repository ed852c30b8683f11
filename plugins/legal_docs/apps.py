from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LegalDocsConfig(AppConfig):
    name = "plugins.legal_docs"
    label = "legal_docs"
    verbose_name = _("Legal documents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, content_kinds, demo
        from plugins.core.files.access import withhold_files_of
        from plugins.core.roles import Role, grant
        from plugins.core.search import documents
        from plugins.legal_docs import signal_handlers  # noqa: F401
        from plugins.legal_docs.demo import load_legal_docs_demo
        from plugins.legal_docs.models import LegalDocumentPage
        from plugins.legal_docs.search_index import build

        documents.register(LegalDocumentPage, build)
        content_kinds.register(LegalDocumentPage, event_date="issue_date",
                               issued_here="issued_here")  # the board's deadlines
        # A secret document's files are never public, whatever links them (R-LD-6).
        withhold_files_of(lambda: LegalDocumentPage.objects.exclude(secrecy=""))
        post_migrate.connect(schedule_daily_status_refresh, sender=self)
        demo.register("legal_docs", load_legal_docs_demo, order=20)
        areas.register("legal_docs.LegalDocumentIndexPage", _("Legal documents"), icon="doc-full",
                       order=30, description=_("Search by number, summary or content"))
        # The lists documents are classified by: everyone reads them; the IT administrators
        # keep their agency's own entries (the national ones are the superusers').
        for model in ("documenttype", "issuingbody", "legalfield"):
            for role in Role:
                grant(role, f"legal_docs.view_{model}")
            grant(Role.IT_ADMIN, *(f"legal_docs.{action}_{model}"
                                   for action in ("add", "change", "delete")))


def schedule_daily_status_refresh(sender, **kwargs):
    """Statuses move with the dates (a document takes effect, one expires): once a day."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func="plugins.legal_docs.services.refresh_all_task",
        defaults={"name": "legal_docs: refresh validity statuses",
                  "schedule_type": Schedule.DAILY},
    )
