"""The reference site's own routes (besides Wagtail's pages): the site-wide search."""

from django.template.response import TemplateResponse
from wagtail.models import Site

from plugins.core.scoping import current_agency
from portal.site_search import site_search_context


def site_search(request):
    """/tim-kiem/ (and /en/tim-kiem/): every public kind of this site's agency, searched
    together (docs/site-search.md)."""
    context = site_search_context(request, current_agency(request),
                                  Site.find_for_request(request))
    return TemplateResponse(request, "portal/search_results.html", context)
