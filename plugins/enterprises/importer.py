"""Import an agency's enterprises from a CSV, XLSX or ODS table (seed 001 Đ8.4: the data is
brought up to date every 3 months, usually from the business registration office's list).

All or nothing: every row is checked first (the core's per-column checks), and with any bad
row nothing is written and every bad row is listed with its reasons, in the clerk's language
(Vietnamese or English). A row whose tax code is already in the agency's directory updates
that enterprise, so importing the same file twice changes nothing the second time. Zones
and fields of business are found by name (without case or accents) among the national
entries and the agency's own; an unknown one refuses the row. The whole import is indexed
and dated once, at its end.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from plugins.core.imports import checks
from plugins.core.imports.checks import words_key
from plugins.core.search import documents
from plugins.core.tabular import ImportRefused, read_table
from plugins.enterprises.columns import COLUMNS, REQUIRED
from plugins.enterprises.models import Enterprise, EnterpriseStatus, Industry, Zone
from plugins.enterprises.register import brought_up_to_date
from plugins.enterprises.signal_handlers import quietly
from plugins.enterprises.tax_codes import compact_tax_code

TABLE_FORMATS = ("csv", "xlsx", "ods")
_TEXT_FIELDS = ("name", "english_name", "short_name", "address", "legal_representative",
                "phone", "email", "website", "products")
_LENGTHS = {key: key for key in _TEXT_FIELDS if key != "products"}


def status_words():
    """Each status by its Vietnamese and English label and its code."""
    words = {}
    for status in EnterpriseStatus:
        for language in ("vi", "en"):
            with translation.override(language):
                words[words_key(str(status.label))] = status.value
        words[words_key(status.value)] = status.value
    return words


def _names(model, agency):
    return {words_key(entry.name): entry for entry in model.objects.offered_to(agency)}


def _tax_code(seen):
    def check(row):
        value = row.values.get("tax_code")
        if checks.is_empty(value):
            return
        try:
            code = compact_tax_code(value)
        except ValidationError as error:
            row.refuse(_("tax code “%(value)s”: %(reason)s")
                       % {"value": value, "reason": " ".join(error.messages)})
            return
        if code in seen:
            row.refuse(_("the tax code %(value)s is already on line %(line)s")
                       % {"value": value, "line": seen[code]})
        seen.setdefault(code, row.line)
        row.values["tax_code"] = code

    return check


def _email(row):
    value = row.values.get("email")
    if not checks.is_empty(value):
        problem = checks.email_problem(value)
        if problem:
            row.refuse(problem)


def _website(row):
    from django.core.validators import URLValidator

    value = row.values.get("website")
    if checks.is_empty(value):
        return
    if "://" not in value:
        value = f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        row.refuse(_("“%(value)s” is not a website address") % {"value": row.values["website"]})
        return
    row.values["website"] = value


def validate(dataset, agency):
    """The rows of a clean table; ImportRefused with every problem found."""
    return checks.check_table(dataset, COLUMNS, [
        checks.required(*REQUIRED),
        _tax_code({}),
        checks.choice("zone", lambda: _names(Zone, agency),
                      gettext_lazy("unknown zone “%(value)s”"), compare=words_key),
        checks.choice("industry", lambda: _names(Industry, agency),
                      gettext_lazy("unknown field of business “%(value)s”"), compare=words_key),
        checks.choice("status", status_words(), gettext_lazy("unknown status “%(value)s”"),
                      default=EnterpriseStatus.OPERATING, compare=words_key),
        checks.dates("registered_on"),
        _email,
        _website,
        checks.max_lengths(Enterprise, _LENGTHS),
    ], required=REQUIRED, skip_blank=True)


def import_rows(rows, agency, user=None, progress=None):
    """Write validated rows in one transaction; returns ``(created, updated)``."""
    existing = {e.tax_code: e for e in Enterprise.objects.for_agency(agency)}
    created = updated = 0
    written = []
    with transaction.atomic(), quietly():
        for index, row in enumerate(rows, start=1):
            values = row.values
            enterprise = existing.get(values["tax_code"]) or Enterprise(agency=agency)
            updated += enterprise.pk is not None
            created += enterprise.pk is None
            for name in _TEXT_FIELDS:
                if name in values:
                    setattr(enterprise, name, values[name] or "")
            enterprise.tax_code = values["tax_code"]
            for name in ("zone", "industry", "registered_on", "status"):
                if name in values:
                    setattr(enterprise, name, values[name])
            try:
                enterprise.full_clean()
            except ValidationError as error:
                raise ImportRefused([_("Line %(line)s: %(problems)s.")
                                     % {"line": row.line,
                                        "problems": "; ".join(error.messages)}]) from None
            enterprise.save()
            existing[enterprise.tax_code] = enterprise
            written.append(enterprise)
            if progress:
                progress(index, len(rows))
        for enterprise in written:
            documents.index(enterprise)
        brought_up_to_date(agency.pk, user)
    return created, updated


def import_file(content, filename, agency, user=None, progress=None):
    rows = validate(read_table(content, filename, TABLE_FORMATS), agency)
    return import_rows(rows, agency, user=user, progress=progress)


def summary(created, updated):
    return " ".join([
        ngettext("%(counter)s enterprise added.", "%(counter)s enterprises added.", created)
        % {"counter": created},
        ngettext("%(counter)s enterprise updated.", "%(counter)s enterprises updated.", updated)
        % {"counter": updated},
    ])


def run_import(content, filename, *, agency_id, user=None, progress=None):
    """The admin screen's importer (a django-q2 task through core.import_jobs)."""
    from plugins.core.models import Agency

    agency = Agency.objects.get(pk=agency_id)
    return summary(*import_file(content, filename, agency, user=user, progress=progress))
