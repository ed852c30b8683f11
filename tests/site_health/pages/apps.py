from django.apps import AppConfig


class SiteHealthPagesConfig(AppConfig):
    """A page type for the site health tests only (installed by the test settings)."""

    name = "tests.site_health.pages"
    label = "site_health_pages"
    default_auto_field = "django.db.models.BigAutoField"
