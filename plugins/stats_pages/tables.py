"""The table of a statistics page: read from an uploaded CSV, XLSX or ODS file, checked,
and kept on the page as plain data.

The first row names the columns; the first column labels the rows (a year, a street, a
district); every other column holds numbers. A file that breaks one of these rules is
refused whole with every reason, in the editor's language, and the page keeps the table
it had: nothing is half written. The stored table is::

    {"headers": ["Năm", "Điểm PCI"], "rows": [["2023", "64.07"], ["2024", null]]}

numbers kept as the exact decimal text read (``"64.07"``; ``null`` for an empty cell), so
they are shown with as many decimals as the source gave, in the reader's number format.

Numbers typed as text follow the Vietnamese way first: ``1.250.000`` and ``12.500`` are
thousands, ``61,43`` has a decimal comma; ``61.43`` (one dot, not three digits after it)
and ``1,250,000.5`` are read too. A spreadsheet's own number cells need no guessing.
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core.imports.forms import Upload, check_upload
from plugins.core.tabular import ImportRefused, cell, read_table

FORMATS = ("csv", "xlsx", "ods")
MAX_MB = 2
MAX_ROWS = 500
MAX_COLUMNS = 12  # the label column and up to eleven columns of numbers
MAX_CELL = 200  # characters of a header or a row label
MAX_REASONS = 20  # the reasons listed before "and N more"

UPLOAD = Upload(formats=FORMATS, max_mb=MAX_MB, wrong_type=gettext_lazy(
    "Upload the table as a CSV, XLSX or ODS file."))

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_INTEGER = re.compile(r"[+-]?\d+")
_DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
_COMMA_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3}){2,}")
_DECIMAL_DOT = re.compile(r"[+-]?\d*\.\d+")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+")
_MIXED = re.compile(r"[+-]?\d{1,3}([.,]\d{3})*[.,]\d+")
NO_VALUE = ("", "-", "–", "—", "..")  # what statistical tables write for "no figure"


def parse_number(value):
    """A Decimal from a cell (a number, or text as Vietnamese or English write numbers);
    ``None`` for an empty cell or a dash; ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, Decimal)):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    elif isinstance(value, str):
        text = _SPACES.sub("", value)
        if text in NO_VALUE:
            return None
        number = Decimal(_number_text(text))
    else:  # a date, a time
        raise ValueError(value)
    if not number.is_finite():
        raise ValueError(value)
    return number


def _number_text(text):
    """``text`` in Python's decimal notation, or ValueError."""
    if _INTEGER.fullmatch(text):
        return text
    if "." in text and "," in text:
        if not _MIXED.fullmatch(text):
            raise ValueError(text)
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal_mark == "." else "."
        whole, fraction = text.rsplit(decimal_mark, 1)
        return whole.replace(thousands, "") + "." + fraction
    if _DOT_THOUSANDS.fullmatch(text):
        return text.replace(".", "")
    if _COMMA_THOUSANDS.fullmatch(text):
        return text.replace(",", "")
    if _DECIMAL_DOT.fullmatch(text):
        return text
    if _DECIMAL_COMMA.fullmatch(text):
        return text.replace(",", ".")
    raise ValueError(text)


def number_text(number):
    """The stored text of a Decimal: plain notation, no exponent (``1.2E+3`` → ``1200``)."""
    text = format(number, "f")
    return "0" if text in ("-0", "+0") else text


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value):
    text = cell(value)
    return text.isoformat() if hasattr(text, "isoformat") else str(text)


def _looks_numeric(value):
    try:
        return parse_number(value) is not None
    except (ValueError, InvalidOperation):
        return False


def read_upload(upload):
    """The table of an uploaded file (a Django UploadedFile), checked: size, type by
    content, the site's virus scan, then :func:`read_content`. ValidationError otherwise."""
    check_upload(upload, UPLOAD)
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    return read_content(content, upload.name)


def read_content(content, filename):
    """The table in ``content`` (the bytes of ``filename``), or ValidationError with every
    reason it is refused."""
    if len(content) > MAX_MB * 1024 * 1024:
        raise ValidationError(_("The file is larger than %(limit)s MB.") % {"limit": MAX_MB})
    if isinstance(content, bytes) and filename.lower().endswith(".csv") and b"\0" in content:
        raise ValidationError(_("The CSV file holds binary data: it is not a table of text."))
    try:
        dataset = read_table(content, filename, formats=FORMATS)
    except ImportRefused as refused:
        raise ValidationError(refused.errors) from None
    return check_dataset(dataset.headers, list(dataset))


def _used_columns(headers, rows):
    """The indexes of the columns that have a header or any value (a spreadsheet often
    carries empty columns after the last one)."""
    width = max([len(headers), *(len(row) for row in rows)]) if rows or headers else 0
    used = []
    for index in range(width):
        header = headers[index] if index < len(headers) else None
        values = [row[index] for row in rows if index < len(row)]
        if not _is_blank(header) or any(not _is_blank(value) for value in values):
            used.append(index)
    return used


def check_dataset(headers, rows):
    """The stored table of ``headers`` and ``rows`` (cells as read), or ValidationError."""
    headers = list(headers or [])
    rows = [list(row) for row in rows
            if any(not _is_blank(value) for value in row)]
    if not headers or all(_is_blank(header) for header in headers):
        if not rows:
            raise ValidationError(_("The file is empty: it holds no table."))
        raise ValidationError(_("The first row must name the columns: it is empty."))
    columns = _used_columns(headers, rows)
    if len(columns) > MAX_COLUMNS:
        raise ValidationError(
            _("The table has %(count)s columns; at most %(limit)s are accepted (the labels "
              "and %(numbers)s columns of numbers).")
            % {"count": len(columns), "limit": MAX_COLUMNS, "numbers": MAX_COLUMNS - 1})
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("The table has %(count)s rows; at most %(limit)s are accepted.")
                              % {"count": len(rows), "limit": MAX_ROWS})
    names = _header_names(headers, columns)
    if not rows:
        raise ValidationError(_("The table has a header row but no data under it."))
    return {"headers": names, "rows": _checked_rows(names, columns, rows)}


def _header_names(headers, columns):
    header_cells = [headers[index] if index < len(headers) else None for index in columns]
    if len(columns) < 2:
        raise ValidationError(_("The table needs a first column of labels and at least one "
                                "column of numbers."))
    if all(_looks_numeric(header) for header in header_cells[1:]) and _looks_numeric(
            header_cells[0]):
        raise ValidationError(_("The first row holds numbers, not names of columns: add a "
                                "header row above the data."))
    problems, names = [], []
    for position, header in enumerate(header_cells, start=1):
        name = "" if header is None else _text(header)
        if not name:
            problems.append(_("column %(number)s has no name in the first row")
                            % {"number": position})
        elif len(name) > MAX_CELL:
            problems.append(_("the name of column %(number)s is longer than %(limit)s "
                              "characters") % {"number": position, "limit": MAX_CELL})
        elif name.casefold() in (known.casefold() for known in names):
            problems.append(_("two columns are named “%(name)s”") % {"name": name})
        names.append(name)
    if problems:
        raise ValidationError(_("The header row is incomplete: %(problems)s.")
                              % {"problems": "; ".join(problems)})
    return names


def _checked_rows(names, columns, rows):
    reasons, result = [], []
    for line, row in enumerate(rows, start=2):
        values = [row[index] if index < len(row) else None for index in columns]
        label = "" if values[0] is None else _text(values[0])
        problems = []
        if not label:
            problems.append(_("the first column (“%(column)s”) is empty")
                            % {"column": names[0]})
        elif len(label) > MAX_CELL:
            problems.append(_("“%(column)s” is longer than %(limit)s characters")
                            % {"column": names[0], "limit": MAX_CELL})
        numbers = []
        for name, value in zip(names[1:], values[1:], strict=True):
            try:
                number = parse_number(value)
            except (ValueError, InvalidOperation):
                problems.append(_("“%(value)s” in column “%(column)s” is not a number")
                                % {"value": _text(value)[:40], "column": name})
                continue
            numbers.append(None if number is None else number_text(number))
        if problems:
            reasons.append(_("Line %(line)s: %(problems)s.")
                           % {"line": line, "problems": "; ".join(problems)})
        else:
            result.append([label, *numbers])
    if reasons:
        shown = reasons[:MAX_REASONS]
        if len(reasons) > MAX_REASONS:
            shown.append(_("… and %(count)s more lines with problems.")
                         % {"count": len(reasons) - MAX_REASONS})
        raise ValidationError(shown)
    if all(value is None for row in result for value in row[1:]):
        raise ValidationError(_("The columns of numbers are all empty."))
    return result


def is_valid(table):
    """Whether ``table`` is a stored table as :func:`check_dataset` makes it."""
    if not isinstance(table, dict):
        return False
    headers, rows = table.get("headers"), table.get("rows")
    return (isinstance(headers, list) and len(headers) >= 2 and isinstance(rows, list)
            and bool(rows) and all(isinstance(row, list) and len(row) == len(headers)
                                   for row in rows))


def series_values(table, name):
    """The Decimals (or None) of column ``name``, one per row."""
    index = table["headers"].index(name)
    return [None if row[index] is None else Decimal(row[index]) for row in table["rows"]]


def decimals(text):
    """How many decimals the stored number text has (``"61.43"`` → 2)."""
    return len(text.split(".", 1)[1]) if "." in text else 0
