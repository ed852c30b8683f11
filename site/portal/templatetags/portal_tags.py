from dataclasses import dataclass

from django import template
from wagtail.models import Site

from plugins.core.scoping import current_agency
from portal.menu import menu_entries

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
    if site is not None:
        home_url = site.root_page.get_url(request) or "/"
        menu = [
            MenuItem(entry.title, entry.url,
                     bool(current and current.path.startswith(entry.path)))
            for entry in menu_entries(site, request)
        ]
    result = {
        "site_name": agency.name if agency else (site.site_name if site else ""),
        "agency": agency,
        "home_url": home_url,
        "menu": menu,
    }
    request._portal_site_context = result
    return result
