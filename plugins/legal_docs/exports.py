"""Export any filtered list of the library to XLSX, ODS or CSV (tablib)."""

import tablib
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from plugins.legal_docs.library import library_context

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv; charset=utf-8",
}
MAX_ROWS = 5000


def dataset(index_page, request):
    request.GET = request.GET.copy()
    request.GET.pop("page", None)
    index_page.per_page = MAX_ROWS
    context = library_context(index_page, request)
    data = tablib.Dataset(headers=[
        _("Number"), _("Document type"), _("Issuing body"), _("Title"), _("Summary"),
        _("Signer"), _("Issue date"), _("Effective date"), _("Validity status"), _("Address"),
    ], title=_("Legal documents")[:31])
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
    if fmt not in FORMATS:
        raise Http404(_("Unknown export format."))
    content = dataset(index_page, request).export(fmt)
    if fmt == "csv":
        content = "\ufeff" + content  # so spreadsheet programs read the Vietnamese as UTF-8
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="van-ban.{fmt}"'
    return response
