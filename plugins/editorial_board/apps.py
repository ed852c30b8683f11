from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialBoardConfig(AppConfig):
    name = "plugins.editorial_board"
    label = "editorial_board"
    verbose_name = _("Editorial board")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.core.roles import Role, grant
        from plugins.editorial_board.demo import (
            load_editorial_demo,
            load_questions_and_reviews_demo,
        )
        from plugins.editorial_board.notifications import register_kinds

        register_kinds()
        demo.register("editorial_board", load_editorial_demo, order=40)
        demo.register("editorial_board_questions", load_questions_and_reviews_demo, order=45)
        from plugins.editorial_board.moderation import signal_handlers, workflow  # noqa: F401

        workflow.connect()

        grant(Role.AGENCY_LEADER, *_crud("board"), *_crud("delegation"),
              *_crud("trustedsource"), *_crud("deadlinerule"),
              "editorial_board.view_editorialsettings", "editorial_board.change_editorialsettings",
              "editorial_board.add_editorialsettings")
        grant(Role.IT_ADMIN, "editorial_board.view_board", "editorial_board.view_delegation",
              *_crud("trustedsource"))
        for role in (Role.UNIT_LEADER, Role.SPECIALIST, Role.CLERK):
            grant(role, "editorial_board.view_board")
        for role in (Role.AGENCY_LEADER, Role.IT_ADMIN, Role.UNIT_LEADER, Role.SPECIALIST):
            grant(role, "editorial_board.view_editorialrecord",
                  "editorial_board.change_editorialrecord")
        # R-ED-15: every unit may receive questions (the list narrows them to its own);
        # R-ED-8: the agency's leaders and IT administrators choose what is reviewed.
        for role in (Role.AGENCY_LEADER, Role.IT_ADMIN, Role.UNIT_LEADER, Role.SPECIALIST,
                     Role.CLERK):
            grant(role, "editorial_board.view_question", "editorial_board.change_question")
        grant(Role.AGENCY_LEADER, *_crud("subjectarea"), *_crud("reviewrule"),
              *_crud("questionsettings"))
        grant(Role.IT_ADMIN, *_crud("subjectarea"), *_crud("reviewrule"),
              "editorial_board.view_questionsettings")
        _register_questions()
        post_migrate.connect(ensure_schedules, sender=self)
        self._royalties_and_checks()

    def _royalties_and_checks(self):
        """Permissions of the royalties (R-ED-11) and of the checks (R-ED-14)."""
        from wagtail.permissions import register_permission_policy

        from plugins.core.roles import Role, grant
        from plugins.editorial_board.models import RoyaltyShare
        from plugins.editorial_board.royalties.admin import RoyaltyLinePermissionPolicy

        grant(Role.AGENCY_LEADER, *_crud("royaltyrate"), *_crud("prohibitedexpression"))
        grant(Role.IT_ADMIN, *_crud("prohibitedexpression"))
        register_permission_policy(RoyaltyShare, RoyaltyLinePermissionPolicy(RoyaltyShare))


def _register_questions():
    from wagtail.permissions import register_permission_policy

    from plugins.core import areas
    from plugins.core.search import documents
    from plugins.editorial_board.models import Question
    from plugins.editorial_board.questions.admin import QuestionPermissionPolicy
    from plugins.editorial_board.questions.search import build_question

    register_permission_policy(Question, QuestionPermissionPolicy(Question))
    documents.register(Question, build_question)
    areas.register("editorial_board.QuestionIndexPage", _("Questions and answers"), icon="help",
                   order=60, description=_("Ask the agency a question and read its answers"))


def _crud(model):
    return [f"editorial_board.{action}_{model}" for action in ("view", "add", "change", "delete")]


#: The board's periodic work on django-q2: (function, schedule type, name).
SCHEDULES = [
    ("plugins.editorial_board.digests.send_weekly_digests", "W",
     "editorial_board: weekly digest of direct publications"),
    ("plugins.editorial_board.monthly.send_monthly_reports", "D",
     "editorial_board: monthly report on the first working day"),
    ("plugins.editorial_board.reviews.send_review_reminders", "W",
     "editorial_board: weekly list of pages due for periodic review"),
]


def ensure_schedules(sender, **kwargs):
    from django_q.models import Schedule

    for func, schedule_type, name in SCHEDULES:
        Schedule.objects.get_or_create(func=func,
                                       defaults={"name": name, "schedule_type": schedule_type})
