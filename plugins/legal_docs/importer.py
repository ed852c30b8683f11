"""Import legal documents from CSV or XLSX, with their files from a folder (atomic).

Every row is checked first; if any row is wrong, nothing is written and each bad row is
reported with its reason (a value longer than its field, a file outside the folder of
files). Otherwise all documents are created in one transaction, their files in the
agency's collection; if the transaction fails the files written are deleted again.
Text typed in the legacy TCVN3 or VNI encodings is converted to Unicode (core.text).
"""

from django.core.files import File
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.models import Collection

from plugins.core.files.imports import OutsideFolder, WrittenFiles, file_in_folder
from plugins.core.imports import checks
from plugins.core.tabular import ImportRefused, read_table
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

__all__ = ["COLUMNS", "ImportRefused", "import_file", "run_import", "summary", "validate"]

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
# Column → the page field whose max_length it must respect.
_LENGTHS = {"number": "number", "title": "title", "signer_title": "signer_title",
            "signer_name": "signer_name", "summary": "summary"}


class Row(checks.Row):
    """A row of the table, with the files its “Tệp” column names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.files = []


class Lists:
    """The lists a row is checked against, loaded once per import: the document types,
    issuing bodies and fields the library's agency may use, the numbers already taken."""

    def __init__(self, library):
        from plugins.core.scoping import agency_for_page

        agency = agency_for_page(library)
        self.types, self.issuers = {}, {}
        for doc_type in DocumentType.objects.offered_to(agency):
            self.types[doc_type.code.casefold()] = doc_type
            self.types[doc_type.name.casefold()] = doc_type
        for issuer in IssuingBody.objects.offered_to(agency):
            self.issuers[issuer.name.casefold()] = issuer
            self.issuers.setdefault(issuer.abbreviation.casefold(), issuer)
        self.fields = {f.name.casefold(): f for f in LegalField.objects.offered_to(agency)}
        self.secrecy = {label.casefold(): value for value, label in Secrecy.choices}
        self.secrecy.update({"mật": "mat", "tối mật": "toi_mat", "tuyệt mật": "tuyet_mat",
                             "": ""})
        self.taken = set(
            LegalDocumentPage.objects.filter(agency=agency, locale_id=library.locale_id)
            .values_list("number_key", flat=True)
        )


def files_named(files_dir):
    """The check of the “Tệp” column: each file named (``;`` between two) is inside the
    folder of files, exists, and passes the check of a document's file."""

    def check(row):
        for name in str(row.values.get("file", "")).split(";"):
            name = name.strip()
            if not name:
                continue
            try:
                path = file_in_folder(files_dir, name)
            except OutsideFolder as refused:
                row.refuse(refused.message)
                continue
            if path is None:
                row.refuse(_("file “%(name)s” not found") % {"name": name[:200]})
                continue
            with path.open("rb") as handle:
                try:
                    check_file(File(handle, name=name), name)
                except Exception as error:  # noqa: BLE001 - ValidationError, reported as text
                    row.refuse(" ".join(getattr(error, "messages", [str(error)])))
            row.files.append(path)

    return check


def row_checks(lists, files_dir=None):
    """The checks of a row, in the order their problems are reported."""
    return (
        checks.required(*REQUIRED),
        checks.choice("doc_type", lists.types, _("unknown document type “%(value)s”")),
        checks.choice("issuing_body", lists.issuers, _("unknown issuing body “%(value)s”")),
        checks.document_number("number", taken=lists.taken, types_from="doc_type"),
        checks.dates("issue_date", "effective_date", "expiry_date"),
        checks.choices("legal_fields", lists.fields, _("unknown field “%(value)s”")),
        checks.choice("secrecy", lists.secrecy, _("unknown secrecy “%(value)s”"), default=""),
        checks.max_lengths(LegalDocumentPage, _LENGTHS),
        files_named(files_dir),
    )


def validate(dataset, library, files_dir=None):
    """The rows ready to import; raises ImportRefused with every problem found."""
    return checks.check_table(dataset, COLUMNS, row_checks(Lists(library), files_dir),
                              required=REQUIRED, row_class=Row)


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
    return summary(import_file(content, filename, library, publish=publish, user=user,
                               progress=progress))


def summary(created):
    return ngettext("%(counter)s document imported.", "%(counter)s documents imported.",
                    created) % {"counter": created}
