"""Import procedures from the national database's JSON or from a workbook (XLSX, ODS).

All or nothing: every record (and every form file it attaches) is checked first; if any
is wrong, nothing is written and each bad record is reported with its reason. A clean
file is written in one transaction. Idempotent by procedure code within the agency: a
known code updates that procedure, and a record identical to the last import of that
code changes nothing.

Form templates are looked up in a folder (the command) or a ZIP archive (the admin
screen) by the record's TENMAUDON, then by the file name of its URL; a file with the same
name in another accepted format (the ODT beside a DOCX) is attached too. Forms named by
the national record but absent locally stay linked to the national portal; forms a
workbook names explicitly must be present.
"""

import hashlib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from plugins.core.files.archives import DEFAULT_LIMITS, UnsafeArchive, open_archive
from plugins.core.files.imports import WrittenFiles
from plugins.core.tabular import ImportRefused
from plugins.core.text import fold, nfc, slugify
from plugins.procedures import national, records, workbook
from plugins.procedures.files import ACCEPTED, check_form_file
from plugins.procedures.models import ProcedureField, ProcedurePage

FORMATS = ("json", *workbook.BOOK_FORMATS)
MAX_ZIP_MB = 200
MAX_ZIP_FILES = 2000
ZIP_LIMITS = DEFAULT_LIMITS.but(max_members=MAX_ZIP_FILES, max_total_mb=MAX_ZIP_MB)


def _key(name):
    return fold(nfc(name or "")).strip()


def _stem(name):
    key = _key(name)
    base, dot, ext = key.rpartition(".")
    return base if dot and ext in ACCEPTED else key


class FormFiles:
    """Form files by name, from a folder or a ZIP archive; looked up without case or accents."""

    def __init__(self, entries=None):
        self.entries = {}  # key → (file name, loader)
        for name, loader in (entries or {}).items():
            self.entries.setdefault(_key(name), (nfc(name), loader))

    @classmethod
    def from_folder(cls, folder):
        root = Path(folder)
        if not root.is_dir():
            raise ImportRefused([_("The folder of forms “%(folder)s” does not exist.")
                                 % {"folder": folder}])
        inside = root.resolve()
        return cls({path.name: path.read_bytes for path in sorted(root.rglob("*"))
                    if path.is_file() and path.resolve().is_relative_to(inside)})

    @classmethod
    def from_zip(cls, content):
        """The files of a ZIP archive, checked first against :data:`ZIP_LIMITS` (core)."""
        try:
            archive = open_archive(content, ZIP_LIMITS, label=_("The archive of forms"))
        except UnsafeArchive as refused:
            raise ImportRefused([refused.message]) from None
        infos = [info for info in archive.infolist() if not info.is_dir()]
        return cls({posixpath.basename(info.filename): (lambda i=info: archive.read(i))
                    for info in infos})

    def exact(self, name):
        found = self.entries.get(_key(posixpath.basename(name or "")))
        return [found] if found else []

    def same_stem(self, name):
        stem = _stem(posixpath.basename(name or ""))
        if not stem:
            return []
        return [entry for key, entry in sorted(self.entries.items())
                if _stem(key) == stem and key.rpartition(".")[2] in ACCEPTED]

    def for_paper(self, paper):
        """The files of a national record's paper: by TENMAUDON, then by its URL's name."""
        url_name = unquote(urlparse(paper.form_url).path.rsplit("/", 1)[-1]) \
            if paper.form_url else ""
        for name in (paper.form_name, url_name):
            found = self.same_stem(name)
            if found:
                return found
        return []


@dataclass
class Plan:
    records: list
    attachments: dict = field(default_factory=dict)  # code → {(case, paper): [(name, bytes)]}
    unmatched_forms: int = 0


def read(content, filename):
    kind = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if kind == "json":
        return national.read_records(content)
    if kind in workbook.BOOK_FORMATS:
        return workbook.read_book(content, filename)
    raise ImportRefused([_("Only %(formats)s files can be imported.")
                         % {"formats": "JSON, XLSX, ODS"}])


def _check(name, content):
    try:
        check_form_file(ContentFile(content, name=name), name)
    except ValidationError as error:
        return error.messages
    return []


def validate(content, filename, form_files=None):
    """The checked :class:`Plan` of a file; ImportRefused with every problem otherwise."""
    form_files = form_files or FormFiles()
    plan = Plan(records=read(content, filename))
    errors = []
    for position, data in enumerate(plan.records, start=1):
        problems, found = [], {}
        for ci, case in enumerate(data.dossier):
            for pi, paper in enumerate(case["papers"]):
                if paper.form_files:  # named one by one in a workbook
                    files = [found for name in paper.form_files
                             for found in form_files.exact(name)]
                    missing = [name for name in paper.form_files if not form_files.exact(name)]
                    if missing and not paper.form_url:
                        problems.extend(_("form file “%(name)s” not found") % {"name": name}
                                        for name in missing)
                    elif missing:  # the paper keeps its link to the form
                        plan.unmatched_forms += 1
                else:
                    files = form_files.for_paper(paper)
                    if not files and (paper.form_name or paper.form_url):
                        plan.unmatched_forms += 1
                loaded = []
                for name, loader in files:
                    data_bytes = loader()
                    problems.extend(_check(name, data_bytes))
                    loaded.append((name, data_bytes))
                if loaded:
                    found[(ci, pi)] = loaded
        if problems:
            errors.append(_("Record %(number)s (%(code)s): %(problems)s.") % {
                "number": position, "code": data.code, "problems": "; ".join(problems)})
        plan.attachments[data.code] = found
    if errors:
        raise ImportRefused(errors)
    return plan


def _field_lookup(agency):
    """The fields the agency's procedures may be classified by: national and its own."""
    by_code, by_name = {}, {}
    for procedure_field in ProcedureField.objects.offered_to(agency):
        if procedure_field.code:
            by_code[procedure_field.code] = procedure_field
        by_name[_key(procedure_field.name)] = procedure_field
    return by_code, by_name


def _fields(pairs, lookup, agency):
    """The fields named by a record; one the agency's list lacks is added to it (to the
    national list when the procedures belong to no agency)."""
    by_code, by_name = lookup
    chosen = []
    for code, name in pairs:
        found = by_code.get(code) if code else None
        found = found or by_name.get(_key(name))
        if found is None:
            found = ProcedureField.objects.create(code=code if code not in by_code else "",
                                                  name=name, agency=agency)
            if code:
                by_code[code] = found
            by_name[_key(name)] = found
        if found not in chosen:
            chosen.append(found)
    return chosen


def _document(name, content, collection, user, cache, written):
    """A Wagtail document for a form file; the same bytes are stored once per collection."""
    digest = hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's own file_hash
    if digest in cache:
        return cache[digest]
    Document = get_document_model()
    document = Document.objects.filter(file_hash=digest, collection=collection).first()
    if document is None:
        title = Path(name).stem.replace("_", " ").replace("-", " ")
        document = Document(title=title[:255], collection=collection, uploaded_by_user=user,
                            file_hash=digest, file_size=len(content))
        document.file.save(name, ContentFile(content), save=False)
        written.add(document.file)
        document.save()
    cache[digest] = document
    return document


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    forms: int = 0
    unmatched_forms: int = 0

    def message(self):
        return _("%(created)s procedures created, %(updated)s updated, %(unchanged)s unchanged; "
                 "%(forms)s form files attached, %(unmatched)s forms left linked to the national "
                 "portal.") % {"created": self.created, "updated": self.updated,
                               "unchanged": self.unchanged, "forms": self.forms,
                               "unmatched": self.unmatched_forms}


def write(plan, index_page, *, publish=False, user=None, progress=None):
    """Create or update the procedures of a checked plan, in one transaction."""
    from wagtail.models import Collection

    from plugins.core.roles import agency_collection
    from plugins.core.scoping import agency_for_page

    agency = agency_for_page(index_page)
    collection = agency_collection(agency) if agency else Collection.get_first_root_node()
    outcome = Outcome(unmatched_forms=plan.unmatched_forms)
    written = WrittenFiles()  # deleted again if the transaction fails
    with written.atomic():
        known = (ProcedurePage.objects.filter(agency=agency, locale_id=index_page.locale_id)
                 if agency is not None else ProcedurePage.objects.child_of(index_page))
        existing = {page.code: page for page in known}
        lookup, cache = _field_lookup(agency), {}
        for position, data in enumerate(plan.records, start=1):
            files = plan.attachments.get(data.code, {})
            fingerprint = data.fingerprint(
                hashlib.sha1(content).hexdigest()  # noqa: S324
                for loaded in files.values() for _name, content in loaded)
            page = existing.get(data.code)
            if page is not None:
                page = page.get_latest_revision_as_object()
                if page.import_fingerprint == fingerprint:
                    outcome.unchanged += 1
                    if progress:
                        progress(position, len(plan.records))
                    continue
            documents = {
                where: [_document(name, content, collection, user, cache, written)
                        for name, content in loaded]
                for where, loaded in files.items()
            }
            outcome.forms += sum(len(found) for found in documents.values())
            if not data.implementing_body and agency is not None:
                data.implementing_body = agency.name
            try:
                if page is None:
                    page = ProcedurePage(live=False, owner=user)
                    records.apply(page, data, documents, _fields(data.fields, lookup, agency))
                    page.slug = slugify(f"{data.code.replace('.', '-')} {data.title}",
                                        max_length=80)
                    page.import_fingerprint = fingerprint
                    index_page.add_child(instance=page)
                    outcome.created += 1
                else:
                    records.apply(page, data, documents, _fields(data.fields, lookup, agency))
                    page.import_fingerprint = fingerprint
                    page.full_clean()
                    outcome.updated += 1
                revision = page.save_revision(user=user, log_action=True)
                if publish:
                    revision.publish(user=user)
            except ValidationError as error:  # a rule of the page the checks did not foresee
                raise ImportRefused([_("Record %(number)s (%(code)s): %(problems)s.") % {
                    "number": position, "code": data.code,
                    "problems": "; ".join(error.messages)}]) from None
            if progress:
                progress(position, len(plan.records))
    return outcome


def import_file(content, filename, index_page, *, form_files=None, publish=False, user=None,
                progress=None):
    plan = validate(content, filename, form_files)
    return write(plan, index_page, publish=publish, user=user, progress=progress)


def run_import(content, filename, *, index_id, publish=False, forms_zip=None, user=None,
               progress=None):
    """The admin screen's importer (a django-q2 task through core.import_jobs)."""
    from django.core.files.storage import default_storage

    from plugins.procedures.models import ProcedureIndexPage

    index_page = ProcedureIndexPage.objects.get(pk=index_id)
    form_files = None
    if forms_zip:
        with default_storage.open(forms_zip, "rb") as handle:
            form_files = FormFiles.from_zip(handle.read())
    try:
        outcome = import_file(content, filename, index_page, form_files=form_files,
                              publish=publish, user=user, progress=progress)
    finally:
        if forms_zip:
            default_storage.delete(forms_zip)
    return outcome.message()
