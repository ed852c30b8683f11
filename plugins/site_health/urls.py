"""The health endpoint; a site includes it outside its language prefixes::

    path("", include("plugins.site_health.urls")),
"""

from django.urls import path

from plugins.site_health.health import health

urlpatterns = [path("healthz", health, name="site_health")]
