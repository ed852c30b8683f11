from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "plugins.enterprises"
    label = "enterprises"
    verbose_name = _("Enterprises")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from plugins.core import areas, demo, periodic_updates
        from plugins.core.roles import ALL_ROLES, Role, grant
        from plugins.core.search import documents
        from plugins.enterprises import signal_handlers  # noqa: F401
        from plugins.enterprises.demo import load_enterprises_demo
        from plugins.enterprises.models import Enterprise
        from plugins.enterprises.permissions import DELETERS, KEEPERS, EnterprisePermissionPolicy
        from plugins.enterprises.register import PERIOD_MONTHS
        from plugins.enterprises.search_index import build

        documents.register(Enterprise, build)
        register_permission_policy(Enterprise, EnterprisePermissionPolicy(Enterprise))
        # Seed 001 Đ8.4: the enterprise data is brought up to date every 3 months; the
        # editorial board (when installed) sees the directory due after that.
        periodic_updates.register("enterprises.EnterpriseDirectoryPage", months=PERIOD_MONTHS,
                                  updated_at="agency__enterprise_register__updated_at")
        # After the site's English pages (portal_english, 50).
        demo.register("enterprises", load_enterprises_demo, order=57)
        areas.register("enterprises.EnterpriseDirectoryPage", _("Enterprises"), icon="site",
                       order=27, description=_("Look up by zone, field of business and "
                                               "status; download the list"))
        for role in ALL_ROLES:
            grant(role, "enterprises.view_enterprise", "enterprises.view_zone",
                  "enterprises.view_industry")
        for role in KEEPERS:
            grant(role, "enterprises.add_enterprise", "enterprises.change_enterprise")
        for role in DELETERS:
            grant(role, "enterprises.delete_enterprise")
        # The agency's own zones and fields: kept by its IT administrator (shared lists).
        grant(Role.IT_ADMIN, *(f"enterprises.{action}_{model}" for model in ("zone", "industry")
                               for action in ("add", "change", "delete")))
