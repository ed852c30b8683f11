"""Import the directory from CSV or XLSX (R-EM-1): atomic, every bad row reported.

Each row is a person (the default), or with "Loại" = Đơn vị / Cơ quan a unit's or the
agency's mailbox. Every row is checked first; if any is wrong nothing is written and each
bad row is listed with its reasons. Names typed in the legacy TCVN3 or VNI encodings are
converted to Unicode (core). A person without an address gets the one the agency's naming
scheme suggests, checked against the addresses already used and those given earlier in
the same file. A row whose address (or, without one, whose name and unit) is already in
the agency's directory updates that entry, so importing the same file twice changes
nothing the second time.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plugins.core.models import Unit
from plugins.core.tabular import (
    ImportRefused,
    RowErrors,
    header_map,
    length_problems,
    missing_columns,
    parse_date,
    read_table,
)
from plugins.core.tabular import rows as table_rows
from plugins.core.text import fold
from plugins.email_directory.addresses import assign_personal_mailbox, scheme_for, taken_addresses
from plugins.email_directory.columns import COLUMNS, KIND_WORDS, NO, YES
from plugins.email_directory.models import DirectoryEntry, Mailbox, MailboxKind
from plugins.email_directory.models.mailboxes import parse_aliases
from plugins.email_directory.naming import NamingError

TABLE_FORMATS = ("csv", "xlsx", "ods")
# Column → the entry field whose max_length it must respect.
_LENGTHS = {"full_name": "full_name", "title": "title", "phone": "phone", "mobile": "mobile"}
REQUIRED = ("full_name",)


@dataclass
class Row:
    line: int
    kind: str
    values: dict
    unit: object = None
    entry: object = None  # the existing entry a person row updates
    mailbox: object = None  # the existing mailbox a row updates


def _key(text):
    return " ".join(fold(str(text or "")).split())


def _lookup(words):
    return {_key(word): value for value, options in words.items() for word in options}


_KINDS = _lookup(KIND_WORDS)
_BOOLS = {**{_key(word): True for word in YES}, **{_key(word): False for word in NO}}


class _Context:
    """What validation needs, loaded once: units, existing entries and mailboxes."""

    def __init__(self, agency):
        self.agency = agency
        self.units = {}
        for unit in Unit.objects.for_agency(agency):
            self.units.setdefault(_key(unit.name), unit)
            if unit.symbol:
                self.units.setdefault(_key(unit.symbol), unit)
        self.entries = list(DirectoryEntry.objects.for_agency(agency).with_related())
        self.by_name_unit = {(_key(e.name), e.resolved_unit_id): e for e in self.entries}
        self.mailboxes = {
            m.address: m for m in Mailbox.objects.all().select_related("person__position__user")
        }
        self.aliases = {
            alias: m for m in self.mailboxes.values() for alias in m.alias_list
        }
        self.scheme_error = ""
        try:
            self.scheme = scheme_for(agency)
        except NamingError as error:
            self.scheme, self.scheme_error = None, str(error)
        self.taken = taken_addresses(self.scheme.domain) if self.scheme else {}
        self.in_file = set()


def _check_address(address, context, problems, own=None):
    """``address`` is well formed, not used by another record and not twice in the file."""
    try:
        validate_email(address)
    except ValidationError:
        problems.append(_("“%(value)s” is not an email address") % {"value": address})
        return
    holder = context.mailboxes.get(address) or context.aliases.get(address)
    if holder is not None and holder != own:
        if holder.agency_id != context.agency.pk:
            problems.append(_("%(address)s belongs to another agency") % {"address": address})
        else:
            problems.append(_("%(address)s is already used by %(holder)s")
                            % {"address": address, "holder": holder.label})
    if address in context.in_file:
        problems.append(_("%(address)s appears earlier in this file") % {"address": address})
    context.in_file.add(address)


def _flag(values, key, default, problems):
    raw = values.get(key, "")
    if raw in ("", None):
        return default
    value = _BOOLS.get(_key(raw))
    if value is None:
        problems.append(_("“%(value)s” in “%(column)s” should be Có or Không")
                        % {"value": raw, "column": COLUMNS[key][0]})
        return default
    return value


def _person(row, values, context, problems):
    name = " ".join(str(values.get("full_name") or "").split())
    if not name:
        problems.append(_("“%(column)s” is empty") % {"column": COLUMNS["full_name"][0]})
    values["full_name"] = name
    if values.get("birth_date") not in ("", None):
        try:
            values["birth_date"] = parse_date(values["birth_date"])
        except ValueError:
            problems.append(_("“%(value)s” is not a date (dd/mm/yyyy)")
                            % {"value": values["birth_date"]})
            values["birth_date"] = None
    else:
        values["birth_date"] = None
    order = str(values.get("order") or "0").strip()
    if not order.isdigit():
        problems.append(_("“%(value)s” is not a display order (a whole number)")
                        % {"value": order})
        order = "0"
    values["order"] = int(order)
    values["leader"] = _flag(values, "leader", False, problems)
    values["published"] = _flag(values, "published", True, problems)
    address = str(values.get("email") or "").strip().lower()
    existing = context.mailboxes.get(address) if address else None
    if existing is not None and existing.person_id and existing.agency_id == context.agency.pk \
            and _key(existing.person.name) == _key(name):
        row.entry, row.mailbox = existing.person, existing  # the same person: an update
    elif name and not address:
        row.entry = context.by_name_unit.get((_key(name), getattr(row.unit, "pk", None)))
        row.mailbox = getattr(row.entry, "mailbox", None) if row.entry else None
    if address:
        _check_address(address, context, problems, own=row.mailbox)
    elif row.mailbox is None and name:
        if context.scheme is None:
            problems.append(context.scheme_error)
        else:
            try:
                suggestion = context.scheme.suggest(name, context.taken, values["birth_date"])
            except NamingError as error:
                problems.append(str(error))
            else:
                address = suggestion.address
                context.taken[address] = name
                context.in_file.add(address)
    values["email"] = address


def _shared(row, values, context, problems):
    address = str(values.get("email") or "").strip().lower()
    if not address:
        problems.append(_("“%(column)s” is empty") % {"column": COLUMNS["email"][0]})
    if row.kind == MailboxKind.UNIT and row.unit is None and not problems:
        problems.append(_("a unit mailbox needs its unit"))
    existing = context.mailboxes.get(address)
    if existing is not None and existing.agency_id == context.agency.pk and \
            existing.kind == row.kind and existing.unit_id == getattr(row.unit, "pk", None):
        row.mailbox = existing
    if address:
        _check_address(address, context, problems, own=row.mailbox)
    values["email"] = address
    values["published"] = _flag(values, "published", True, problems)


def validate(dataset, agency):
    """The rows ready to import; raises ImportRefused with every problem found."""
    mapping = header_map(dataset.headers, COLUMNS)
    missing = missing_columns(mapping, COLUMNS, REQUIRED)
    if missing:
        raise ImportRefused([_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}])
    context = _Context(agency)
    errors, rows = RowErrors(), []
    for line, values in table_rows(dataset, mapping):
        if not any(str(value).strip() for value in values.values()):
            continue  # a blank line
        problems = []
        kind = _KINDS.get(_key(values.get("kind", "")))
        if kind is None:
            problems.append(_("unknown kind “%(value)s” (Cá nhân, Đơn vị or Cơ quan)")
                            % {"value": values["kind"]})
            kind = "person"
        row = Row(line=line, kind=kind, values=values)
        unit_name = str(values.get("unit") or "").strip()
        if unit_name:
            row.unit = context.units.get(_key(unit_name))
            if row.unit is None:
                problems.append(_("unknown unit “%(value)s”") % {"value": unit_name})
        aliases = parse_aliases(values.get("aliases", ""))
        for alias in aliases:
            try:
                validate_email(alias)
            except ValidationError:
                problems.append(_("“%(value)s” is not an email address") % {"value": alias})
        values["aliases"] = aliases
        problems.extend(length_problems(values, DirectoryEntry, _LENGTHS, COLUMNS))
        (_person if kind == "person" else _shared)(row, values, context, problems)
        if problems:
            errors.add(line, problems)
            continue
        rows.append(row)
    errors.raise_if_any()
    return rows


def _write_person(row, agency):
    values = row.values
    entry = row.entry or DirectoryEntry(agency=agency)
    if not entry.position_id:
        entry.full_name, entry.title = values["full_name"], values.get("title", "")
        entry.unit, entry.is_leader = row.unit, values["leader"]
        entry.phone, entry.duties = values.get("phone", ""), values.get("duties", "")
    entry.mobile = values.get("mobile", "") or entry.mobile
    entry.birth_date = values["birth_date"] or entry.birth_date
    entry.sort_order, entry.is_published = values["order"], values["published"]
    entry.full_clean()
    entry.save()
    if values["email"] and (row.mailbox is None or row.mailbox.address != values["email"]):
        mailbox, _suggestion = assign_personal_mailbox(entry, values["email"])
    else:
        mailbox = row.mailbox
    if mailbox is not None and values["aliases"]:
        mailbox.aliases = "\n".join(dict.fromkeys([*mailbox.alias_list, *values["aliases"]]))
        mailbox.full_clean()
        mailbox.save()
    return entry


def _write_shared(row, agency):
    values = row.values
    mailbox = row.mailbox or Mailbox(agency=agency, kind=row.kind, unit=row.unit)
    mailbox.address = values["email"]
    mailbox.aliases = "\n".join(dict.fromkeys([*mailbox.alias_list, *values["aliases"]]))
    mailbox.is_published = values["published"]
    mailbox.full_clean()
    mailbox.save()
    return mailbox


def import_rows(rows, agency, progress=None):
    """Write validated rows in one transaction; returns ``(created, updated)``."""
    created = updated = 0
    with transaction.atomic():
        for index, row in enumerate(rows, start=1):
            existed = (row.entry if row.kind == "person" else row.mailbox) is not None
            try:
                if row.kind == "person":
                    _write_person(row, agency)
                else:
                    _write_shared(row, agency)
            except ValidationError as error:
                raise ImportRefused([
                    _("Line %(line)s: %(problems)s.")
                    % {"line": row.line, "problems": "; ".join(error.messages)}
                ]) from None
            updated += existed
            created += not existed
            if progress:
                progress(index, len(rows))
    return created, updated


def import_file(content, filename, agency, progress=None):
    rows = validate(read_table(content, filename, TABLE_FORMATS), agency)
    return import_rows(rows, agency, progress=progress)


def summary(created, updated):
    return " ".join([
        ngettext("%(counter)s entry added.", "%(counter)s entries added.", created)
        % {"counter": created},
        ngettext("%(counter)s entry updated.", "%(counter)s entries updated.", updated)
        % {"counter": updated},
    ])


def run_import(content, filename, *, agency_id, user=None, progress=None):
    """The admin screen's importer (a django-q2 task through core.import_jobs)."""
    from plugins.core.models import Agency

    agency = Agency.objects.get(pk=agency_id)
    return summary(*import_file(content, filename, agency, progress=progress))
