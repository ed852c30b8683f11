from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EofficeSchedulesConfig(AppConfig):
    name = "plugins.eoffice.schedules"
    label = "eoffice_schedules"
    verbose_name = _("E-office: work schedules")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.core.roles import ALL_ROLES, grant
        from plugins.eoffice.schedules.demo import load_schedules_demo
        from plugins.eoffice.schedules.retention import schedule_retention
        from plugins.eoffice.schedules.services import register_notification_kinds

        demo.register("eoffice_schedules", load_schedules_demo, order=65)
        register_notification_kinds(self.verbose_name)
        app = self.label
        # Everyone of the agency reads the schedules and may draft their own unit's; who
        # drafts and approves which schedule is decided per record by .access (the office
        # drafts the leaders' schedule, the agency leader approves it: seed 004 Đ7.1).
        for role in ALL_ROLES:
            grant(role, f"{app}.view_scheduleentry", f"{app}.view_workplan",
                  f"{app}.add_scheduleentry", f"{app}.change_scheduleentry",
                  f"{app}.add_workplan", f"{app}.change_workplan")
        # Entries are kept one year, then purged by a django-q2 schedule (R-EO-10).
        post_migrate.connect(schedule_retention, sender=self)
