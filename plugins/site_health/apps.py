from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SiteHealthConfig(AppConfig):
    name = "plugins.site_health"
    label = "site_health"
    verbose_name = _("Site health")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import demo
        from plugins.site_health.demo import load_site_health_demo

        post_migrate.connect(schedule_link_checks, sender=self)
        demo.register("site_health", load_site_health_demo, order=900)


def schedule_link_checks(sender, **kwargs):
    """The link inventory is brought up to date once a day; a bounded batch of links is
    checked every hour (idempotent, post_migrate)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func="plugins.site_health.jobs.collect_links_task",
        defaults={"name": "site_health: collect links", "schedule_type": Schedule.DAILY},
    )
    Schedule.objects.get_or_create(
        func="plugins.site_health.jobs.check_links_task",
        defaults={"name": "site_health: check links", "schedule_type": Schedule.HOURLY},
    )
