from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "plugins.procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import areas, demo
        from plugins.core.roles import Role, grant
        from plugins.core.search import documents
        from plugins.procedures import signal_handlers  # noqa: F401
        from plugins.procedures.demo import load_procedures_demo
        from plugins.procedures.models import ProcedurePage
        from plugins.procedures.search_index import build

        documents.register(ProcedurePage, build)
        demo.register("procedures", load_procedures_demo, order=30)
        areas.register("procedures.ProcedureIndexPage", _("Administrative procedures"),
                       icon="list-ul", order=35,
                       description=_("Papers, processing times, fees and forms to download"))
        # The fields (lĩnh vực) list is kept by the IT administrators; everyone reads it.
        for role in Role:
            grant(role, "procedures.view_procedurefield")
        grant(Role.IT_ADMIN, "procedures.add_procedurefield", "procedures.change_procedurefield",
              "procedures.delete_procedurefield")
