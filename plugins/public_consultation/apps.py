from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PublicConsultationConfig(AppConfig):
    name = "plugins.public_consultation"
    label = "public_consultation"
    verbose_name = _("Public consultation on drafts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from plugins.core import areas, demo
        from plugins.core.roles import Role, grant
        from plugins.core.search import documents
        from plugins.public_consultation import signal_handlers  # noqa: F401
        from plugins.public_consultation.admin import CommentPermissionPolicy
        from plugins.public_consultation.demo import load_consultation_demo
        from plugins.public_consultation.models import Comment, ConsultationPage
        from plugins.public_consultation.search_index import build
        from plugins.public_consultation.services import schedule_sweep

        documents.register(ConsultationPage, build)
        register_permission_policy(Comment, CommentPermissionPolicy(Comment))
        # The people who draft and answer (the unit's leader and specialists) and the
        # agency's leader read the comments with their senders' contacts, approve or refuse
        # them and write the answers; the clerk and the IT administrator do not see the
        # citizens' personal data.
        for role in (Role.AGENCY_LEADER, Role.UNIT_LEADER, Role.SPECIALIST):
            grant(role, "public_consultation.view_comment", "public_consultation.change_comment")
        post_migrate.connect(schedule_sweep, sender=self)
        # After the site's English pages (portal_english, 50), like the events (55).
        demo.register("public_consultation", load_consultation_demo, order=57)
        areas.register("public_consultation.ConsultationIndexPage",
                       _("Public consultation on drafts"), icon="comment", order=62,
                       description=_("Drafts open for comments, and the agency's answers"))
