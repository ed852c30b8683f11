from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialBoardConfig(AppConfig):
    name = "plugins.editorial_board"
    label = "editorial_board"
    verbose_name = _("Editorial board")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core.roles import Role, grant
        from plugins.editorial_board import signal_handlers  # noqa: F401

        grant(Role.AGENCY_LEADER, *_crud("board"), *_crud("delegation"))
        grant(Role.IT_ADMIN, "editorial_board.view_board", "editorial_board.view_delegation")
        for role in (Role.UNIT_LEADER, Role.SPECIALIST, Role.CLERK):
            grant(role, "editorial_board.view_board")


def _crud(model):
    return [f"editorial_board.{action}_{model}" for action in ("view", "add", "change", "delete")]
