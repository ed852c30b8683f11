from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from plugins.core.api import api_router
from plugins.core.sitemaps import sitemap
from plugins.core.views.robots import robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if apps.is_installed("plugins.eoffice.exchange"):
    # Other systems deliver edXML packages here, with an agency's key (docs/eoffice.md).
    urlpatterns.append(path("exchange/", include("plugins.eoffice.exchange.urls")))

if apps.is_installed("plugins.site_health"):
    # GET /healthz for monitoring: ok/fail per check, 200 or 503 (docs/site-health.md).
    urlpatterns.append(path("", include("plugins.site_health.urls")))

if settings.DEBUG:
    # The development server serves the images' folders only. Documents are never served
    # from MEDIA_ROOT: /documents/<id>/<name> checks who may download each one (a secret or
    # unpublished document's file stays inside the agency). A production proxy does the
    # same: README's configuration exposes these folders and nothing else of the media.
    from django.conf.urls.static import static

    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/",
                              document_root=f"{settings.MEDIA_ROOT}/{folder}")

# The reference site's search of every kind of content (docs/site-search.md).
site_routes = [path("tim-kiem/", include("portal.urls"))] if apps.is_installed("portal") else []

# The public pages: Vietnamese at the URLs they always had, English under /en/ (R-ED-16).
urlpatterns += i18n_patterns(
    path("sitemap.xml", sitemap, name="sitemap"),
    *site_routes,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
