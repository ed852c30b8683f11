from dataclasses import dataclass

from django import template
from django.utils import translation
from wagtail.models import Site

from plugins.core.i18n import default_language, language_versions
from plugins.core.routing import ancestors_of, page_url
from plugins.core.scoping import current_agency
from portal.menu import navigation

register = template.Library()


@dataclass
class MenuItem:
    title: str
    url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def site_context(context):
    """Name, home, agency and main menu of the site serving this request (cached per request)."""
    request = context.get("request")
    if request is None:
        return {}
    cached = getattr(request, "_portal_site_context", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    agency = current_agency(request)
    current = context.get("page")
    menu = []
    home_url = "/"
    homes = {}
    if site is not None:
        nav = navigation(site, request)
        home_url, homes = nav.home.url, nav.homes
        menu = [
            MenuItem(entry.title, entry.url,
                     bool(current and current.path.startswith(entry.path)))
            for entry in nav.entries
        ]
    # The page in the other content languages, or their home pages (R-ED-16); nothing
    # when the site has only its Vietnamese pages.
    versions = language_versions(current, request, homes) if len(homes) > 1 else []
    site_name = agency.name if agency else (site.site_name if site else "")
    if homes and translation.get_language() != default_language() \
            and translation.get_language() in homes:
        site_name = nav.home.title  # the agency's name in that language: its home's title
    result = {
        "site_name": site_name,
        "agency": agency,
        "home_url": home_url,
        "menu": menu,
        "languages": [v for v in versions if not v["is_current"]],
        "alternates": _alternates(request, versions),
    }
    request._portal_site_context = result
    return result


def _alternates(request, versions):
    """``hreflang`` links: the page's live versions, when it has more than its own."""
    translated = [v for v in versions if v["is_translation"]]
    if len(translated) < 2:
        return []
    return [{"code": v["code"], "url": request.build_absolute_uri(v["url"])} for v in translated]


@register.simple_tag
def breadcrumb_pages(page):
    """The pages above ``page`` that its breadcrumbs link to (the ones routing found)."""
    return ancestors_of(page)


@register.simple_tag(takes_context=True)
def kept_pageurl(context, page):
    """What ``{% pageurl page %}`` writes, from memory (``plugins.core.routing.page_url``)."""
    return page_url(page, context.get("request"))
