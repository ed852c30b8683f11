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

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plugins.core.imports import checks
from plugins.core.imports.checks import email_problem, words_key
from plugins.core.models import Unit
from plugins.core.tabular import ImportRefused, read_table
from plugins.email_directory.addresses import assign_personal_mailbox, scheme_for, taken_addresses
from plugins.email_directory.columns import COLUMNS, KIND_WORDS, NO, YES
from plugins.email_directory.models import DirectoryEntry, Mailbox, MailboxKind
from plugins.email_directory.models.mailboxes import parse_aliases
from plugins.email_directory.naming import NamingError

TABLE_FORMATS = ("csv", "xlsx", "ods")
# Column → the entry field whose max_length it must respect.
_LENGTHS = {"full_name": "full_name", "title": "title", "phone": "phone", "mobile": "mobile"}
REQUIRED = ("full_name",)


class Row(checks.Row):
    """A row of the table, with what it updates: a person's entry, a mailbox."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = None
        self.entry = None  # the existing entry a person row updates
        self.mailbox = None  # the existing mailbox a row updates

    @property
    def kind(self):
        return self.values["kind"]


_key = words_key
_KINDS = {_key(word): value for value, options in KIND_WORDS.items() for word in options}


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
    problem = email_problem(address)
    if problem:
        problems.append(problem)
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


def _name(row):
    name = " ".join(str(row.values.get("full_name") or "").split())
    if not name:
        row.refuse(_("“%(column)s” is empty") % {"column": row.header("full_name")})
    row.values["full_name"] = name


def _person(row, values, context, problems):
    name = values["full_name"]
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


def _unit(context):
    def check(row):
        name = str(row.values.get("unit") or "").strip()
        if name:
            row.unit = context.units.get(_key(name))
            if row.unit is None:
                row.refuse(_("unknown unit “%(value)s”") % {"value": name})

    return check


def _entry(context):
    """A person's entry (name, dates, flags, address checked or suggested) or a shared
    mailbox (address, unit, flag)."""
    person = (
        _name,
        checks.dates("birth_date"),
        checks.whole_number("order", message=_("“%(value)s” is not a display order "
                                               "(a whole number)")),
        checks.flag("leader", yes=YES, no=NO, default=False),
        checks.flag("published", yes=YES, no=NO, default=True),
        lambda row: _person(row, row.values, context, row.problems),
    )
    shared = (
        lambda row: _shared(row, row.values, context, row.problems),
        checks.flag("published", yes=YES, no=NO, default=True),
    )

    def check(row):
        for each in person if row.kind == "person" else shared:
            each(row)

    return check


def row_checks(context):
    return (
        checks.choice("kind", _KINDS, _("unknown kind “%(value)s” (Cá nhân, Đơn vị or Cơ quan)"),
                      default="person", compare=_key),
        _unit(context),
        checks.emails("aliases", split=parse_aliases),
        checks.max_lengths(DirectoryEntry, _LENGTHS),
        _entry(context),
    )


def validate(dataset, agency):
    """The rows ready to import; raises ImportRefused with every problem found."""
    return checks.check_table(dataset, COLUMNS, row_checks(_Context(agency)), required=REQUIRED,
                              row_class=Row, skip_blank=True)


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
