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

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public pages: Vietnamese at the URLs they always had, English under /en/ (R-ED-16).
urlpatterns += i18n_patterns(
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
