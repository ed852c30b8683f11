"""Import legal documents from CSV or XLSX, with their files from a folder (atomic).

Every row is checked first; if any row is wrong, nothing is written and each bad row is
reported with its reason (a value longer than its field, a file outside the folder of
files). Otherwise all documents are created in one transaction, their files in the
agency's collection; if the transaction fails the files written are deleted again.
Text typed in the legacy TCVN3 or VNI encodings is converted to Unicode (core.text).
"""

from dataclasses import dataclass, field

from django.core.files import File
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.models import Collection

from plugins.core import numbers
from plugins.core.files.imports import OutsideFolder, WrittenFiles, file_in_folder
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
from plugins.core.text import slugify
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
TABLE_FORMATS = ("csv", "xlsx")


@dataclass
class Row:
    line: int
    values: dict
    files: list = field(default_factory=list)


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


# Column → the page field whose max_length it must respect.
_LENGTHS = {"number": "number", "title": "title", "signer_title": "signer_title",
            "signer_name": "signer_name", "summary": "summary"}


def validate(dataset, library, files_dir=None):
    """The rows ready to import; raises ImportRefused with every problem found."""
    mapping = header_map(dataset.headers, COLUMNS)
    missing = missing_columns(mapping, COLUMNS, REQUIRED)
    if missing:
        raise ImportRefused([_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}])
    types, issuers, fields, secrecy = _lookups()
    from plugins.core.scoping import agency_for_page

    agency = agency_for_page(library)
    taken = set(
        LegalDocumentPage.objects.filter(agency=agency, locale_id=library.locale_id)
        .values_list("number_key", flat=True)
    )
    errors, rows = RowErrors(), []
    for offset, values in table_rows(dataset, mapping):
 # line 1 is the header
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
                    values[key] = parse_date(values[key])
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
        problems.extend(length_problems(values, LegalDocumentPage, _LENGTHS, COLUMNS))
        attachments = []
        for name in str(values.get("file", "")).split(";"):
            name = name.strip()
            if not name:
                continue
            try:
                path = file_in_folder(files_dir, name)
            except OutsideFolder as refused:
                problems.append(refused.message)
                continue
            if path is None:
                problems.append(_("file “%(name)s” not found") % {"name": name[:200]})
                continue
            with path.open("rb") as handle:
                try:
                    check_file(File(handle, name=name), name)
                except Exception as error:  # noqa: BLE001 - ValidationError, reported as text
                    problems.append(" ".join(getattr(error, "messages", [str(error)])))
            attachments.append(path)
        if problems:
            errors.add(offset, problems)
            continue
        values.update(doc_type=doc_type, issuing_body=issuer, legal_fields=chosen,
                      secrecy=level or "")
        rows.append(Row(line=offset, values=values, files=attachments))
    errors.raise_if_any()
    return rows


def import_rows(rows, library, *, publish=False, user=None, progress=None):
    """Create the documents of validated rows in one transaction; returns how many."""
    from plugins.core.roles import agency_collection
    from plugins.core.scoping import agency_for_page

    Document = get_document_model()
    agency = agency_for_page(library)
    collection = agency_collection(agency) if agency else Collection.get_first_root_node()
    created = 0
    written = WrittenFiles()
    with written.atomic():
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
                    document = Document(title=path.stem[:255], uploaded_by_user=user,
                                        collection=collection)
                    document.file.save(path.name, File(handle), save=False)
                    written.add(document.file)
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
    dataset = read_table(content, filename, TABLE_FORMATS)
    rows = validate(dataset, library, files_dir)
    return import_rows(rows, library, publish=publish, user=user, progress=progress)


def run_import(content, filename, *, library_id, publish=False, user=None, progress=None):
    """The admin screen's importer (a django-q2 task through core.import_jobs)."""
    from plugins.legal_docs.models import LegalDocumentIndexPage

    library = LegalDocumentIndexPage.objects.get(pk=library_id)
    created = import_file(content, filename, library, publish=publish, user=user,
                          progress=progress)
    return ngettext("%(counter)s document imported.", "%(counter)s documents imported.",
                    created) % {"counter": created}
