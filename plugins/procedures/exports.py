"""Export the list as shown (search and filters applied): a workbook in XLSX or ODS (the
open format), or the national database's JSON records. The exports import back."""

import json

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse

from plugins.core.spreadsheets import FORMATS
from plugins.procedures import national, records, workbook
from plugins.procedures.listing import run_search

MAX_ROWS = 5000
BASENAME = "thu-tuc-hanh-chinh"


def _pages(index_page, request):
    request.GET = request.GET.copy()
    request.GET.pop("page", None)
    _form, _results, pages, *_rest = run_search(index_page, request, per_page=MAX_ROWS)
    prefetch_related_objects(pages, "legal_bases")
    return pages


def export_response(index_page, request, fmt):
    if fmt not in ("xlsx", "ods", "json"):
        raise Http404
    pages = _pages(index_page, request)
    documents = records.form_documents(pages)

    def document_url(document):
        return request.build_absolute_uri(document.url)

    if fmt == "json":
        items = [national.to_record(records.from_page(page, documents=documents,
                                                      document_url=document_url))
                 for page in pages]
        response = HttpResponse(json.dumps(items, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
    else:
        book = workbook.databook((records.from_page(page, documents=documents,
                                                    document_url=document_url),
                                  page.get_full_url(request)) for page in pages)
        response = HttpResponse(book.export(fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{BASENAME}.{fmt}"'
    return response

