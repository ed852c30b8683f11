"""Export any filtered list of the library to XLSX, ODS or CSV (tablib)."""

import tablib
from django.utils.translation import gettext as _

from plugins.core.spreadsheets import dataset_response, sheet_title
from plugins.legal_docs.library import library_context

MAX_ROWS = 5000


def dataset(index_page, request):
    request.GET = request.GET.copy()
    request.GET.pop("page", None)
    index_page.per_page = MAX_ROWS
    context = library_context(index_page, request)
    data = tablib.Dataset(headers=[
        _("Document number"), _("Document type"), _("Issuing body"), _("Title"),
        _("Document summary"), _("Signer"), _("Issue date"), _("Effective date"),
        _("Validity status"), _("Address"),
    ], title=sheet_title(_("Legal documents")))
    for hit in context["hits"]:
        page = hit["page"]
        data.append([
            page.number, page.doc_type.name, page.issuing_body.name, page.title, page.summary,
            page.signer_name,
            page.issue_date.isoformat() if page.issue_date else "",
            page.effective_date.isoformat() if page.effective_date else "",
            page.get_status_display(), page.get_full_url(request),
        ])
    return data


def export_response(index_page, request, fmt):
    return dataset_response(dataset(index_page, request), "van-ban", fmt)
