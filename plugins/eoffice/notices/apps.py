from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EofficeNoticesConfig(AppConfig):
    name = "plugins.eoffice.notices"
    label = "eoffice_notices"
    verbose_name = _("E-office: internal notices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.eoffice.notices.demo import load_notices_demo
        from plugins.eoffice.notices.notifications import register_kinds
        from plugins.eoffice.notices.retention import schedule_retention

        demo.register("eoffice_notices", load_notices_demo, order=68)
        register_kinds()
        # Who may do what is decided per record by .access (seed 004 Đ7.2–7.8): every staff
        # member opens the notices' screens, no model permission is needed.
        # Announcements are kept one quarter, then purged by a django-q2 schedule (R-EO-11).
        post_migrate.connect(schedule_retention, sender=self)
