"""The XML sitemap of the site serving the request, in the active language (R-ED-16).

Wagtail's own sitemap lists the pages below the site's root page, which is the Vietnamese
home: the English versions live in their own tree (the translation of that home), so
``/sitemap.xml`` lists the Vietnamese pages and ``/en/sitemap.xml`` the English ones.
"""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


class LocalizedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page.localized
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
