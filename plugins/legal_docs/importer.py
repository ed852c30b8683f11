"""Import legal documents from CSV or XLSX, with their files from a folder (atomic).

Every row is checked first; if any row is wrong, nothing is written and each bad row is
reported with its reason. Otherwise all documents are created in one transaction.
Text typed in the legacy TCVN3 or VNI encodings is converted to Unicode (core.text).
"""

import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

import tablib
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from plugins.core import numbers
from plugins.core.text import slugify, to_unicode
from plugins.legal_docs.files import check_file
from plugins.legal_docs.models import (
    DocumentType,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentPage,
    LegalField,
    Secrecy,
)

# Column → accepted headers (Vietnamese first, as in the template sheet; English aliases).
COLUMNS = {
    "number": ("Số ký hiệu", "number"),
    "title": ("Tiêu đề", "title"),
    "doc_type": ("Loại văn bản", "type"),
    "issuing_body": ("Cơ quan ban hành", "issuer"),
    "signer_title": ("Chức danh người ký", "signer title"),
    "signer_name": ("Người ký", "signer"),
    "issue_date": ("Ngày ban hành", "issue date"),
    "effective_date": ("Ngày có hiệu lực", "effective date"),
    "expiry_date": ("Ngày hết hiệu lực", "expiry date"),
    "legal_fields": ("Lĩnh vực", "fields"),
    "summary": ("Trích yếu", "summary"),
    "secrecy": ("Độ mật", "secrecy"),
    "file": ("Tệp", "file"),
}
REQUIRED = ("number", "title", "doc_type", "issuing_body", "issue_date")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


class ImportRefused(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Row:
    line: int
    values: dict
    files: list = field(default_factory=list)


def read_table(content, filename):
    """A tablib Dataset from CSV or XLSX bytes."""
    extension = filename.rsplit(".", 1)[-1].lower()
    if extension == "csv":
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
        return tablib.Dataset().load(text, format="csv")
    if extension == "xlsx":
        return tablib.Dataset().load(io.BytesIO(content), format="xlsx")
    raise ImportRefused([_("Only CSV and XLSX files can be imported.")])


def _header_map(headers):
    wanted = {alias.casefold(): key for key, aliases in COLUMNS.items() for alias in aliases}
    mapping = {}
    for index, header in enumerate(headers):
        key = wanted.get(str(header or "").strip().casefold())
        if key:
            mapping[key] = index
    return mapping


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value
    return to_unicode(str(value)).strip()


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except (TypeError, ValueError):
            continue
    raise ValueError


def _lookups():
    types = {}
    for doc_type in DocumentType.objects.all():
        types[doc_type.code.casefold()] = doc_type
        types[doc_type.name.casefold()] = doc_type
    issuers = {}
    for issuer in IssuingBody.objects.all():
        issuers[issuer.name.casefold()] = issuer
        issuers.setdefault(issuer.abbreviation.casefold(), issuer)
    fields = {f.name.casefold(): f for f in LegalField.objects.all()}
    secrecy = {label.casefold(): value for value, label in Secrecy.choices}
    secrecy.update({"mật": "mat", "tối mật": "toi_mat", "tuyệt mật": "tuyet_mat", "": ""})
    return types, issuers, fields, secrecy


def validate(dataset, library, files_dir=None):
    """The rows ready to import; raises ImportRefused with every problem found."""
    mapping = _header_map(dataset.headers or [])
    missing = [COLUMNS[key][0] for key in REQUIRED if key not in mapping]
    if missing:
        raise ImportRefused([_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}])
    types, issuers, fields, secrecy = _lookups()
    from plugins.core.scoping import agency_for_page

    agency = agency_for_page(library)
    taken = set(
        LegalDocumentPage.objects.filter(agency=agency).values_list("number_key", flat=True)
    )
    errors, rows = [], []
    for offset, raw in enumerate(dataset, start=2):  # line 1 is the header
        values = {key: _text(raw[index]) if index < len(raw) else "" for key, index in
                  mapping.items()}
        problems = []
        for key in REQUIRED:
            if values.get(key) in ("", None):
                problems.append(_("“%(column)s” is empty") % {"column": COLUMNS[key][0]})
        doc_type = types.get(str(values.get("doc_type", "")).casefold())
        if values.get("doc_type") and doc_type is None:
            problems.append(_("unknown document type “%(value)s”") % {"value": values["doc_type"]})
        issuer = issuers.get(str(values.get("issuing_body", "")).casefold())
        if values.get("issuing_body") and issuer is None:
            problems.append(
                _("unknown issuing body “%(value)s”") % {"value": values["issuing_body"]}
            )
        if values.get("number"):
            try:
                parsed = numbers.parse(values["number"],
                                       extra_types=[doc_type.code] if doc_type else [])
            except numbers.InvalidNumber as error:
                problems.append(error.message)
            else:
                if parsed.search_key in taken:
                    problems.append(_("%(number)s is already in the library or earlier in this "
                                      "file") % {"number": parsed})
                taken.add(parsed.search_key)
                values["number"] = str(parsed)
                values["number_key"] = parsed.search_key
        for key in ("issue_date", "effective_date", "expiry_date"):
            if values.get(key) not in ("", None):
                try:
                    values[key] = _date(values[key])
                except ValueError:
                    problems.append(_("“%(value)s” is not a date (dd/mm/yyyy)")
                                    % {"value": values[key]})
            else:
                values[key] = None
        chosen = []
        for name in str(values.get("legal_fields", "")).split(";"):
            if name.strip():
                found = fields.get(name.strip().casefold())
                if found is None:
                    problems.append(_("unknown field “%(value)s”") % {"value": name.strip()})
                chosen.append(found)
        level = secrecy.get(str(values.get("secrecy", "")).casefold())
        if level is None:
            problems.append(_("unknown secrecy “%(value)s”") % {"value": values["secrecy"]})
        attachments = []
        for name in str(values.get("file", "")).split(";"):
            name = name.strip()
            if not name:
                continue
            path = Path(files_dir or ".") / name
            if not files_dir or not path.is_file():
                problems.append(_("file “%(name)s” not found") % {"name": name})
                continue
            with path.open("rb") as handle:
                try:
                    check_file(File(handle, name=name), name)
                except Exception as error:  # noqa: BLE001 - ValidationError, reported as text
                    problems.append(" ".join(getattr(error, "messages", [str(error)])))
            attachments.append(path)
        if problems:
            errors.append(_("Line %(line)s: %(problems)s.")
                          % {"line": offset, "problems": "; ".join(problems)})
            continue
        values.update(doc_type=doc_type, issuing_body=issuer, legal_fields=chosen,
                      secrecy=level or "")
        rows.append(Row(line=offset, values=values, files=attachments))
    if errors:
        raise ImportRefused(errors)
    return rows


def import_rows(rows, library, *, publish=False, user=None, progress=None):
    """Create the documents of validated rows in one transaction; returns how many."""
    Document = get_document_model()
    created = 0
    with transaction.atomic():
        for index, row in enumerate(rows, start=1):
            values = dict(row.values)
            legal_fields = values.pop("legal_fields")
            values.pop("file", None)
            number_key = values.pop("number_key")
            page = LegalDocumentPage(
                slug=slugify(f"{values['number']} {values['title']}", max_length=80),
                live=False, owner=user, number_key=number_key,
                summary=values.pop("summary", "") or values["title"],
                **{k: v for k, v in values.items() if k in _PAGE_FIELDS},
            )
            page.legal_fields = legal_fields
            documents = []
            for path in row.files:
                with path.open("rb") as handle:
                    document = Document(title=path.stem, uploaded_by_user=user)
                    document.file.save(path.name, File(handle), save=False)
                    document.save()
                    documents.append(document)
            page.files = [LegalDocumentFile(document=d, kind="main") for d in documents]
            library.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            if publish and not page.secrecy:
                revision.publish(user=user)
            created += 1
            if progress:
                progress(index, len(rows))
    return created


_PAGE_FIELDS = {
    "number", "title", "doc_type", "issuing_body", "signer_title", "signer_name", "issue_date",
    "effective_date", "expiry_date", "secrecy",
}


def import_file(content, filename, library, *, files_dir=None, publish=False, user=None,
                progress=None):
    dataset = read_table(content, filename)
    rows = validate(dataset, library, files_dir)
    return import_rows(rows, library, publish=publish, user=user, progress=progress)


# --- background job for the admin screen ------------------------------------------------

PROGRESS_KEY = "legal_docs:import:{job}"
PROGRESS_TIMEOUT = 24 * 3600


def set_progress(job, **state):
    from django.core.cache import cache

    current = cache.get(PROGRESS_KEY.format(job=job)) or {}
    current.update(state)
    cache.set(PROGRESS_KEY.format(job=job), current, PROGRESS_TIMEOUT)
    return current


def get_progress(job):
    from django.core.cache import cache

    return cache.get(PROGRESS_KEY.format(job=job))


def run_job(job, stored_name, filename, library_id, publish, user_id):
    """The django-q2 task behind the admin import screen; progress goes to the cache."""
    from django.contrib.auth import get_user_model
    from django.core.files.storage import default_storage

    from plugins.legal_docs.models import LegalDocumentIndexPage

    library = LegalDocumentIndexPage.objects.get(pk=library_id)
    user = get_user_model().objects.filter(pk=user_id).first()
    with default_storage.open(stored_name, "rb") as handle:
        content = handle.read()
    try:
        created = import_file(
            content, filename, library, publish=publish, user=user,
            progress=lambda done, total: set_progress(job, done=done, total=total),
        )
    except ImportRefused as refused:
        set_progress(job, status="failed", errors=refused.errors)
    except Exception as error:  # noqa: BLE001 - reported to the clerk, nothing was written
        set_progress(job, status="failed", errors=[str(error)])
    else:
        set_progress(job, status="done", created=created)
    finally:
        default_storage.delete(stored_name)
