"""Per-column validators that a plugin composes into the checks of its imported rows.

A check is a callable that takes a :class:`Row` and, when the value of its column is
wrong, adds a sentence to ``row.problems`` (translated: the clerk reads it in Vietnamese or
English); when the value is right it replaces the cell's text by what it means (a date, a
record of a list, a number). Messages are given lazily (``gettext_lazy``) or the checks
built for each import, so that they speak the language of the import. The checks run in
their order, so a later check may use what
an earlier one found (a document number is parsed knowing the document type)::

    CHECKS = (
        checks.required("number", "title"),
        checks.choice("doc_type", lambda: types, _("unknown document type “%(value)s”")),
        checks.document_number("number", taken=...),
        checks.dates("issue_date", "effective_date"),
        checks.max_lengths(LegalDocumentPage, {"title": "title"}),
    )
    rows = checks.check_table(dataset, COLUMNS, CHECKS, required=REQUIRED)

:func:`check_table` maps the headers, refuses a table without a required column, runs the
checks on every row and raises :class:`~plugins.core.tabular.ImportRefused` with each bad
row's reasons (``Line 3: “Tiêu đề” is empty.``); nothing is written then.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core import numbers
from plugins.core.tabular import (
    ImportRefused,
    RowErrors,
    header_map,
    length_problems,
    missing_columns,
    parse_date,
)
from plugins.core.tabular import rows as table_rows
from plugins.core.text import fold

EMPTY = ("", None)


def is_empty(value):
    return value in EMPTY


def words_key(text):
    """How a typed word is compared with a list: without case, accents or extra spaces."""
    return " ".join(fold(str(text or "")).split())


def casefold_key(text):
    """How a typed name is compared with a list: without case (accents count)."""
    return str(text or "").casefold()


class Row:
    """One line of an imported table: its cells by column key, what the checks found wrong.

    A plugin may subclass it to carry what its checks find (the files of a row, the record
    it updates)."""

    def __init__(self, line, values, columns):
        self.line = line
        self.values = values
        self.columns = columns
        self.problems = []

    def header(self, key):
        """The column's header as the template sheet writes it (the first accepted one)."""
        return self.columns[key][0]

    def is_blank(self):
        return not any(str(value).strip() for value in self.values.values())

    def refuse(self, *problems):
        self.problems.extend(problems)


def check_table(dataset, columns, checks, *, required=(), row_class=Row, skip_blank=False):
    """The rows of ``dataset`` that pass every check; ImportRefused with every problem found.

    ``columns`` maps a column key to its accepted headers (the first one names it),
    ``required`` the columns the table must have; ``skip_blank`` passes over empty lines."""
    mapping = header_map(dataset.headers, columns)
    missing = missing_columns(mapping, columns, required)
    if missing:
        raise ImportRefused([_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}])
    errors, rows = RowErrors(), []
    for line, values in table_rows(dataset, mapping):
        row = row_class(line, values, columns)
        if skip_blank and row.is_blank():
            continue
        for check in checks:
            check(row)
        if row.problems:
            errors.add(line, row.problems)
        else:
            rows.append(row)
    errors.raise_if_any()
    return rows


# --- the validators -------------------------------------------------------------------


def required(*keys):
    """Each column of ``keys`` must hold a value."""

    def check(row):
        for key in keys:
            if is_empty(row.values.get(key)):
                row.refuse(_("“%(column)s” is empty") % {"column": row.header(key)})

    return check


def parsed(key, parse, message, *, default=None):
    """The value of ``key`` read by ``parse`` (ValueError, TypeError or ArithmeticError: it
    is wrong, and ``message`` with ``%(value)s`` says so); an empty cell gives ``default``."""

    def check(row):
        value = row.values.get(key)
        if is_empty(value):
            row.values[key] = default
            return
        try:
            row.values[key] = parse(value)
        except (ValueError, TypeError, ArithmeticError):
            row.refuse(message % {"value": value})
            row.values[key] = default

    return check


def dates(*keys):
    """Each column of ``keys`` is empty (``None``) or a date: a date cell or text as
    dd/mm/yyyy (the formats of :data:`plugins.core.tabular.DATE_FORMATS`)."""
    each = [parsed(key, parse_date, gettext_lazy("“%(value)s” is not a date (dd/mm/yyyy)"))
            for key in keys]

    def check(row):
        for one in each:
            one(row)

    return check


def _whole_number(value):
    text = str(value).strip()
    if not text.isdigit():
        raise ValueError(value)
    return int(text)


def whole_number(key, *, default=0, message=None):
    """A whole number (an order, a count); an empty cell gives ``default``."""
    return parsed(key, _whole_number, message or gettext_lazy("“%(value)s” is not a whole number"),
                  default=default)


def choice(key, options, message, *, default=None, compare=casefold_key, to=None):
    """One of ``options`` (a dict of compared text → value, or a callable returning it when
    the rows are checked), compared by ``compare`` (without case by default). An empty cell
    gives ``default``; a value not in the list is refused with ``message`` (``%(value)s``)
    and gives ``default`` too. The value found is stored under ``to`` (``key`` by default)."""

    def check(row):
        lookup = options() if callable(options) else options
        raw = row.values.get(key)
        target = to or key
        if is_empty(raw):
            row.values[target] = lookup.get(compare(""), default)
            return
        found = lookup.get(compare(raw))
        if found is None:
            row.refuse(message % {"value": raw})
            found = default
        row.values[target] = found

    return check


def choices(key, options, message, *, separator=";", compare=casefold_key):
    """Several of ``options`` separated by ``separator`` (the fields of a document); each
    value not in the list is refused with ``message``. Gives the list of what was found."""

    def check(row):
        lookup = options() if callable(options) else options
        chosen = []
        for name in str(row.values.get(key) or "").split(separator):
            name = name.strip()
            if not name:
                continue
            found = lookup.get(compare(name))
            if found is None:
                row.refuse(message % {"value": name})
            chosen.append(found)
        row.values[key] = chosen

    return check


def flag(key, *, yes, no, default):
    """Yes or no, in the words ``yes`` and ``no`` (compared without case or accents); an
    empty cell gives ``default``."""
    words = {**{words_key(word): True for word in yes}, **{words_key(word): False for word in no}}

    def check(row):
        raw = row.values.get(key, "")
        if is_empty(raw):
            row.values[key] = default
            return
        value = words.get(words_key(raw))
        if value is None:
            row.refuse(_("“%(value)s” in “%(column)s” should be %(yes)s or %(no)s")
                       % {"value": raw, "column": row.header(key), "yes": yes[0], "no": no[0]})
            value = default
        row.values[key] = value

    return check


def email_problem(address):
    """The sentence that refuses ``address`` when it is not an e-mail address, or ``None``."""
    try:
        validate_email(address)
    except ValidationError:
        return _("“%(value)s” is not an email address") % {"value": address}
    return None


def emails(key, *, split=None):
    """The column holds e-mail addresses (one, or a list ``split`` reads): each is checked."""

    def check(row):
        value = row.values.get(key)
        addresses = split(value) if split else ([] if is_empty(value) else [value])
        for address in addresses:
            problem = email_problem(address)
            if problem:
                row.refuse(problem)
        if split:
            row.values[key] = addresses

    return check


def document_number(key, *, taken, types_from=None, key_to="number_key"):
    """A document number (``36/2016/QĐ-UBND``) read by :mod:`plugins.core.numbers`: written
    the normalised way, its search key stored under ``key_to``. ``taken`` is the set of the
    search keys already used (the library's numbers; the file's earlier rows are added as
    they are read); ``types_from`` names the column whose parsed document type (a record
    with a ``code``) the number may carry."""

    def check(row):
        value = row.values.get(key)
        if is_empty(value):
            return
        doc_type = row.values.get(types_from) if types_from else None
        extra = [doc_type.code] if getattr(doc_type, "code", None) else []
        try:
            number = numbers.parse(value, extra_types=extra)
        except numbers.InvalidNumber as error:
            row.refuse(error.message)
            return
        keys = taken() if callable(taken) else taken
        if number.search_key in keys:
            row.refuse(_("%(number)s is already in the library or earlier in this file")
                       % {"number": number})
        keys.add(number.search_key)
        row.values[key] = str(number)
        row.values[key_to] = number.search_key

    return check


def max_lengths(model, fields):
    """Each value fits the field of ``model`` it is written to (``fields``: column key →
    field name): the database would refuse a longer one with a traceback, or cut it."""

    def check(row):
        row.refuse(*length_problems(row.values, model, fields, row.columns))

    return check
