from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EofficeConsultationsConfig(AppConfig):
    name = "plugins.eoffice.consultations"
    label = "eoffice_consultations"
    verbose_name = _("E-office: consultations on drafts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.eoffice.consultations.deadlines import schedule_deadlines
        from plugins.eoffice.consultations.demo import load_consultations_demo
        from plugins.eoffice.consultations.notifications import register_kinds
        from plugins.eoffice.consultations.retention import schedule_retention

        demo.register("eoffice_consultations", load_consultations_demo, order=67)
        register_kinds()
        # Who sees and does what is decided per record by .access (any staff member drafts;
        # those asked respond), not by model permissions: the screens are the app's own.
        # At the deadline a django-q2 schedule closes and flags (R-EO-12); closed
        # consultations are kept one month, then purged.
        post_migrate.connect(schedule_deadlines, sender=self)
        post_migrate.connect(schedule_retention, sender=self)
