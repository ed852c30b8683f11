"""Attached files: their format checked by content, their size limited, their text extracted.

Open formats (ODF, PDF) are preferred and marked as such on the public page (R-LD-7).
"""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_MB = 50

# extension → (label, open format?)
FORMATS = {
    "pdf": ("PDF", True),
    "odt": ("ODT", True),
    "ods": ("ODS", True),
    "docx": ("DOCX", False),
    "doc": ("DOC", False),
}
_ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def file_format(filename):
    """(label, is_open) for a file name, or None for a format not accepted."""
    return FORMATS.get(extension(filename))


def max_bytes():
    return int(getattr(settings, "LEGAL_DOCS_MAX_FILE_MB", DEFAULT_MAX_MB)) * 1024 * 1024


def _read(file):
    file.open("rb")
    try:
        file.seek(0)
        return file.read()
    finally:
        file.seek(0)


def detect(content):
    """The format the bytes really are: 'pdf', 'docx', 'odt', 'ods', 'doc' or None."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(_OLE_MAGIC):
        return "doc"
    if content.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").strip()
                    for ext, expected in _ODF_MIMETYPES.items():
                        if mimetype == expected:
                            return ext
                if "word/document.xml" in names:
                    return "docx"
        except zipfile.BadZipFile:
            return None
    return None


def check_file(file, filename):
    """Raise ValidationError unless the file is an accepted format, by content, within size."""
    ext = extension(filename)
    if ext not in FORMATS:
        raise ValidationError(
            _("%(name)s: only PDF, DOC, DOCX, ODT and ODS files are accepted.") % {"name": filename}
        )
    if file.size > max_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(limit)s MB.")
            % {"name": filename, "limit": max_bytes() // (1024 * 1024)}
        )
    real = detect(_read(file))
    if real != ext:
        raise ValidationError(
            _("%(name)s is not really a %(format)s file: its content does not match its name.")
            % {"name": filename, "format": FORMATS[ext][0]}
        )


def extract_text(file, filename):
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
