"""A statistics page's figures to download: CSV (UTF-8), XLSX and ODS (the open format).

Numbers are written as numbers (a spreadsheet can sum them), empty figures as empty cells.
A label that a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@`` first) is
written with a leading apostrophe, so that opening the download never runs anything.
"""

from decimal import Decimal

import tablib
from django.http import Http404
from django.utils.text import slugify

from plugins.core.spreadsheets import FORMATS, dataset_response, sheet_title

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text):
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(text):
    if text is None:
        return None
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() and "." not in text else float(
        number)


def dataset(page):
    table = page.table
    data = tablib.Dataset(headers=[safe_text(name) for name in table["headers"]],
                          title=sheet_title(page.title))
    for label, *values in table["rows"]:
        data.append([safe_text(label), *(_number(value) for value in values)])
    return data


def table_response(page, fmt):
    if fmt not in FORMATS:
        raise Http404
    return dataset_response(dataset(page), slugify(page.slug) or "du-lieu", fmt)
