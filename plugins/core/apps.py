from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "plugins.core"
    label = "core"
    verbose_name = _("Agency core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from plugins.core import checks, demo, i18n, page_forms, signal_handlers, slugs  # noqa: F401
        from plugins.core.antispam import schedule_purge
        from plugins.core.audit import retention as audit_retention
        from plugins.core.audit import signals as audit_signals
        from plugins.core.backups.service import schedule_backups
        from plugins.core.demo_cleanup import remove_wagtail_welcome_page
        from plugins.core.demo_content import load_core_demo
        from plugins.core.mail import schedule_delivery
        from plugins.core.notifications.service import schedule_purge as schedule_notification_purge
        from plugins.core.page_cache import tables as page_cache_tables
        from plugins.core.page_cache import versions as page_cache_versions
        from plugins.core.two_factor import session  # noqa: F401 - flags sessions at login

        demo.register("core", load_core_demo, order=0)
        # Last: only once the sites have their own home pages is Wagtail's welcome page unused.
        demo.register("core_cleanup", remove_wagtail_welcome_page, order=1000)
        i18n.connect()
        connection_created.connect(page_cache_tables.install, dispatch_uid="page_cache")
        for connection in connections.all(initialized_only=True):
            page_cache_tables.install(None, connection)
        post_migrate.connect(page_cache_versions.track_every_table, sender=self)
        page_forms.guard_every_page_form()
        slugs.use_vietnamese_slug_input()
        post_migrate.connect(schedule_delivery, sender=self)
        post_migrate.connect(schedule_purge, sender=self)
        audit_signals.connect()
        post_migrate.connect(audit_retention.schedule_purge, sender=self)
        post_migrate.connect(schedule_backups, sender=self)
        post_migrate.connect(schedule_notification_purge, sender=self)
