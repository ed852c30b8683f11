"""Uploaded files: their real format told by content, their size limited, their text read.

One place for the rule every plugin applies to the files it accepts (legal documents'
texts, procedure forms, editorial attachments): the extension must be accepted, the bytes
must really be that format (a renamed program is refused), and the size stays within the
limit. Open formats (ODF, TCVN 7978:2009 / ISO 26300; PDF) are marked so pages can say so
(R-LD-7).
"""

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Format:
    label: str
    is_open: bool  # an open standard (ODF, PDF): preferred and marked on public pages
    media_type: str


FORMATS = {
    "pdf": Format("PDF", True, "application/pdf"),
    "odt": Format("ODT", True, "application/vnd.oasis.opendocument.text"),
    "ods": Format("ODS", True, "application/vnd.oasis.opendocument.spreadsheet"),
    "docx": Format(
        "DOCX", False,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "doc": Format("DOC", False, "application/msword"),
    "xlsx": Format(
        "XLSX", False, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "xls": Format("XLS", False, "application/vnd.ms-excel"),
    "jpg": Format("JPEG", True, "image/jpeg"),
    "jpeg": Format("JPEG", True, "image/jpeg"),
    "png": Format("PNG", True, "image/png"),
    "gif": Format("GIF", True, "image/gif"),
    "bmp": Format("BMP", False, "image/bmp"),
    "zip": Format("ZIP", False, "application/zip"),
}
# Extensions whose bytes look alike: an OLE container is a .doc or an .xls, a JPEG is .jpg
# or .jpeg; a .zip may hold anything a ZIP holds, office files included.
_SAME_CONTENT = {"xls": {"doc"}, "jpeg": {"jpg"}, "zip": {"zip", "odt", "ods", "docx", "xlsx"}}

TEXT_DOCUMENTS = ("pdf", "odt", "ods", "docx", "doc")
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)


def extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""


def file_format(filename):
    """The :class:`Format` of a file name's extension, or ``None`` if it is unknown."""
    return FORMATS.get(extension(filename))


def _read(file):
    file.open("rb")
    try:
        file.seek(0)
        return file.read()
    finally:
        file.seek(0)


def detect(content):
    """What the bytes really are: an extension of :data:`FORMATS` (``doc`` for any OLE
    container, ``jpg`` for JPEG), or ``None``."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(_OLE_MAGIC):
        return "doc"
    for magic, kind in _IMAGE_MAGIC:
        if content.startswith(magic):
            return kind
    if content.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    with archive.open("mimetype") as member:  # a few bytes, never a bomb
                        return _ODF_MIMETYPES.get(member.read(100).strip())
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                return "zip"
        except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
            return None
    return None


def content_matches(ext, content):
    """Whether ``content`` really is a file of extension ``ext``."""
    return detect(content) in _SAME_CONTENT.get(ext, {ext})


def check_file(file, filename, accepted=TEXT_DOCUMENTS, max_mb=50):
    """Raise ValidationError unless ``file`` is one of the ``accepted`` extensions by its
    content, within ``max_mb`` megabytes (``None``: no limit here), and the virus scan,
    when the site has one, finds nothing. The messages name the file."""
    from plugins.core.files import scanning

    ext = extension(filename)
    if ext not in accepted:
        raise ValidationError(
            _("%(name)s: only %(formats)s files are accepted.")
            % {"name": filename, "formats": ", ".join(
                dict.fromkeys(FORMATS[e].label for e in accepted if e in FORMATS))}
        )
    if max_mb is not None and file.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("%(name)s is larger than %(limit)s MB.") % {"name": filename, "limit": max_mb}
        )
    content = _read(file)
    if not content_matches(ext, content):
        raise ValidationError(
            _("%(name)s is not really a %(format)s file: its content does not match its name.")
            % {"name": filename, "format": FORMATS[ext].label}
        )
    _check_archive(content, filename)
    scanning.scan(content, filename)


def _check_archive(content, filename):
    """An office file or ZIP is an archive: refuse one that would unpack beyond the limits
    of :mod:`.archives` (a ZIP bomb, sizes that lie, archives nested too deep)."""
    from plugins.core.files import archives

    if not archives.is_zip(content):
        return
    limits = archives.DEFAULT_LIMITS if extension(filename) == "zip" else \
        archives.DOCUMENT_LIMITS
    try:
        archives.check_archive(content, limits, label=filename)
    except archives.UnsafeArchive as refused:
        raise ValidationError(refused.message) from None


def extract_text(file, filename=""):
    """The plain text of a PDF, DOCX or ODT/ODS file ('' when there is none or it fails)."""
    content = _read(file)
    kind = detect(content)
    try:
        if kind == "pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(content))
            return "\n".join(page.extract_text() or "" for page in reader.pages)
        if kind == "docx":
            import docx

            document = docx.Document(io.BytesIO(content))
            return "\n".join(paragraph.text for paragraph in document.paragraphs)
        if kind in ("odt", "ods"):
            from odfdo import Document

            return Document(io.BytesIO(content)).get_formatted_text()
    except Exception:  # noqa: BLE001 - a damaged file must not stop publishing
        return ""
    return ""
