"""Reading the tables clerks import (CSV, XLSX, ODS), one rule for every plugin.

An import is all or nothing: a plugin validates every row first, collecting each bad
row's reasons with :class:`RowErrors`, and raises :class:`ImportRefused` with all of them;
only a clean table is written, in one transaction. Text typed in the legacy TCVN3 or VNI
encodings is converted to Unicode NFC on reading (R-ED-13).
"""

import datetime
import io

import tablib
from django.utils.translation import gettext as _

from plugins.core.text import to_unicode

TABLE_FORMATS = ("csv", "xlsx", "ods")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


class ImportRefused(Exception):
    """Nothing was written; ``errors`` lists every problem, one line each."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


def extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def read_table(content, filename, formats=TABLE_FORMATS):
    """A tablib Dataset from the bytes of a CSV (UTF-8), XLSX or ODS file."""
    kind = extension(filename)
    if kind not in formats:
        raise ImportRefused([
            _("Only %(formats)s files can be imported.")
            % {"formats": ", ".join(f.upper() for f in formats)}
        ])
    if kind != "csv":
        check_workbook(content, kind)
    try:
        if kind == "csv":
            text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
            return tablib.Dataset().load(text, format="csv")
        return tablib.Dataset().load(io.BytesIO(content), format=kind)
    except UnicodeDecodeError:
        raise ImportRefused([_("The CSV file is not in UTF-8: save it as “CSV UTF-8”.")]) from None
    except Exception:  # noqa: BLE001 - any parser error means an unreadable file
        raise ImportRefused([
            _("The file could not be read as %(format)s.") % {"format": kind.upper()}
        ]) from None


def check_workbook(content, kind):
    """Refuse an XLSX or ODS workbook (a ZIP archive) that would unpack beyond the limits of
    :mod:`plugins.core.files.archives` (a ZIP bomb, sizes that lie, a damaged file)."""
    from plugins.core.files.archives import DOCUMENT_LIMITS, UnsafeArchive, check_archive

    try:
        check_archive(content, DOCUMENT_LIMITS,
                      label=_("The %(format)s file") % {"format": kind.upper()})
    except UnsafeArchive as refused:
        raise ImportRefused([refused.message]) from None


def header_map(headers, columns):
    """``{key: column index}`` for the headers found; ``columns`` maps a key to its
    accepted headers (Vietnamese first, then aliases), compared without case."""
    wanted = {alias.casefold(): key for key, aliases in columns.items() for alias in aliases}
    mapping = {}
    for index, header in enumerate(headers or []):
        key = wanted.get(str(header or "").strip().casefold())
        if key and key not in mapping:
            mapping[key] = index
    return mapping


def missing_columns(mapping, columns, required):
    """The first header of each required column the table lacks."""
    return [columns[key][0] for key in required if key not in mapping]


def cell(value):
    """A cell as stripped Unicode NFC text; date cells stay dates, and a whole number typed
    in a spreadsheet reads as its digits (``12``, not ``12.0``)."""
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return to_unicode(str(value)).strip()


def rows(dataset, mapping):
    """``(line, {key: cell})`` for each data row; line 1 is the header."""
    for line, raw in enumerate(dataset, start=2):
        yield line, {
            key: cell(raw[index]) if index < len(raw) else "" for key, index in mapping.items()
        }


def length_problems(values, model, fields, columns):
    """A problem for each value longer than its model field keeps (the database would
    refuse it with a traceback, or cut it): ``fields`` maps a column key to the field name
    of ``model``, ``columns`` a column key to its headers (the first names it)."""
    problems = []
    for key, field_name in fields.items():
        value = values.get(key)
        limit = model._meta.get_field(field_name).max_length
        if isinstance(value, str) and limit and len(value) > limit:
            problems.append(_("“%(column)s” is longer than %(limit)s characters (%(length)s)")
                            % {"column": columns[key][0], "limit": limit,
                               "length": len(value)})
    return problems


def parse_date(value):
    """A date from a date cell or text in one of :data:`DATE_FORMATS`; ValueError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(str(value).strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


class RowErrors:
    """Collects the problems of each line, and refuses the import if there are any."""

    def __init__(self):
        self.errors = []

    def add(self, line, problems):
        if problems:
            self.errors.append(
                _("Line %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(
                    str(p) for p in problems)}
            )

    def general(self, message):
        self.errors.append(str(message))

    def __bool__(self):
        return bool(self.errors)

    def raise_if_any(self):
        if self.errors:
            raise ImportRefused(self.errors)
