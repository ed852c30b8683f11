"""Lists exported as spreadsheets: XLSX, ODS (the open format, R-LD-7) and CSV.

A plugin builds a ``tablib.Dataset`` of what the user sees and answers with
:func:`dataset_response`; the CSV starts with a byte-order mark so that spreadsheet
programs read the Vietnamese as UTF-8.
"""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv; charset=utf-8",
}


def sheet_title(text):
    """A worksheet name: at most 31 characters and none of ``[]:*?/\\``."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in str(text))
    return cleaned[:31].strip() or "Sheet1"


def dataset_response(dataset, basename, fmt):
    """An attachment response with ``dataset`` as ``<basename>.<fmt>``; 404 for another
    format."""
    if fmt not in FORMATS:
        raise Http404(_("Unknown export format."))
    content = dataset.export(fmt)
    if fmt == "csv":
        content = "\ufeff" + content
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{basename}.{fmt}"'
    return response
