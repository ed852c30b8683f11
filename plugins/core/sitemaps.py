"""The XML sitemap of the site serving the request, in the active language (R-ED-16).

Wagtail's own sitemap lists the pages below the site's root page, which is the Vietnamese
home: the English versions live in their own tree (the translation of that home), so
``/sitemap.xml`` lists the Vietnamese pages and ``/en/sitemap.xml`` the English ones.
"""

from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from plugins.core.i18n import page_language


class LocalizedSitemap(Sitemap):
    def items(self):
        site_root = self.get_wagtail_site().root_page
        root = site_root.localized
        if root.pk == site_root.pk and page_language(root) != translation.get_language():
            return Page.objects.none()  # no home in this language: nothing to list
        return (
            root.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def sitemap(request, **kwargs):
    return wagtail_sitemap(request, sitemaps={"wagtail": LocalizedSitemap(request)}, **kwargs)
