"""A register for a date range as a spreadsheet, XLSX or ODS (R-EO-9): the same columns
as the printed register (:mod:`.register_rows`); dates are dates and arrival numbers and
copies numbers, so the sheet sorts and filters as the clerk expects."""

import tablib
from django.http import Http404

from plugins.core.spreadsheets import dataset_response, sheet_title
from plugins.eoffice.documents.models import RegisterKind

FORMATS = ("xlsx", "ods")


def dataset(table):
    data = tablib.Dataset(headers=[str(column.label) for column in table.columns],
                          title=sheet_title(table.register.name))
    for row in table.rows:
        data.append(["" if value is None else value for value in row])
    return data


def basename(table):
    kind = "so-den" if table.register.kind == RegisterKind.INCOMING else "so-di"
    return (f"{kind}-{table.register.pk}-{table.first_day:%Y-%m-%d}"
            f"-{table.last_day:%Y-%m-%d}")


def response(table, fmt):
    """The attachment ``so-den-<register>-<first>-<last>.<fmt>``; 404 for another format."""
    if fmt not in FORMATS:
        raise Http404
    return dataset_response(dataset(table), basename(table), fmt)
