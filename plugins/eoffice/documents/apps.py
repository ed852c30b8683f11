from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EofficeDocumentsConfig(AppConfig):
    name = "plugins.eoffice.documents"
    label = "eoffice_documents"
    verbose_name = _("E-office: documents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.core.roles import ALL_ROLES, Role, grant
        from plugins.eoffice.documents.demo import load_eoffice_demo
        from plugins.eoffice.documents.permissions import register_policies
        from plugins.eoffice.documents.reminders import schedule_reminders
        from plugins.eoffice.documents.services.common import register_notification_kinds

        register_policies()
        register_notification_kinds()
        demo.register("eoffice_documents", load_eoffice_demo, order=60)
        app = self.label
        # Everyone of the agency works with documents; what each one sees and may do is
        # narrowed per record by plugins.eoffice.documents.access and the services.
        for role in ALL_ROLES:
            grant(role, f"{app}.view_incomingdocument", f"{app}.view_outgoingdocument",
                  f"{app}.view_workdossier", f"{app}.add_outgoingdocument",
                  f"{app}.view_register")
        # The clerk (văn thư) keeps the registers, registers incoming documents and issues
        # outgoing ones (seed 004 Đ14.2; seed 003 Đ10).
        grant(Role.CLERK, f"{app}.add_incomingdocument", f"{app}.change_incomingdocument",
              f"{app}.add_register", f"{app}.change_register")
        grant(Role.IT_ADMIN, f"{app}.add_register", f"{app}.change_register")
        # Dossiers are opened by units' leaders and specialists for their unit's work.
        for role in (Role.UNIT_LEADER, Role.SPECIALIST, Role.AGENCY_LEADER, Role.CLERK):
            grant(role, f"{app}.add_workdossier", f"{app}.change_workdossier")
        # Review and processing deadlines are reminded by a django-q2 schedule (R-EO-18).
        post_migrate.connect(schedule_reminders, sender=self)
