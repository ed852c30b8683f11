"""The directory's routes: one enterprise's page and the exports of the chosen list."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from plugins.core.spreadsheets import FORMATS, dataset_response
from plugins.enterprises.exports import dataset
from plugins.enterprises.models import Enterprise

# Enough for any agency's directory; a larger one is cut (the count says so).
MAX_EXPORT = 5000


def detail_view(page, request, enterprise_id):
    """A published enterprise of the page's agency; any other id is not found."""
    enterprise = get_object_or_404(
        Enterprise.objects.published().with_related().filter(
            agency_id=page.listing_agency_id()), pk=enterprise_id)
    context = {"page": page, "self": page, "enterprise": enterprise,
               "back_url": page.get_url(request)}
    return TemplateResponse(request, "enterprises/enterprise_page.html", context)


def export_view(page, request, fmt):
    """The list as the visitor chose it (words, facets, order), every page of it."""
    if fmt not in FORMATS:
        raise Http404
    params = request.GET.copy()
    params.pop("page", None)  # the whole list, not the page the visitor was on
    listing = page.run_listing(params, per_page=MAX_EXPORT, request=request)
    response = dataset_response(dataset(listing.pages), "doanh-nghiep", fmt)
    response["X-Robots-Tag"] = "noindex"
    return response
