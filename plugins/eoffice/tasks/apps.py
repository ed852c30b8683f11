from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EofficeTasksConfig(AppConfig):
    name = "plugins.eoffice.tasks"
    label = "eoffice_tasks"
    verbose_name = _("E-office: assigned tasks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.core.roles import ALL_ROLES, grant
        from plugins.eoffice.tasks.demo import load_tasks_demo
        from plugins.eoffice.tasks.notices import register_kinds
        from plugins.eoffice.tasks.reminders import schedule_reminders

        demo.register("eoffice_tasks", load_tasks_demo, order=66)
        register_kinds()
        # Everyone of the agency opens the lists (each sees only the tasks that concern
        # them, .access) and the assign form (only leaders may assign, checked by the
        # services). Nobody changes or deletes a task through the generic screens: every
        # change is a transition of .services.
        for role in ALL_ROLES:
            grant(role, f"{self.label}.view_task", f"{self.label}.add_task")
        post_migrate.connect(schedule_reminders, sender=self)
