"""The files of a legal document: PDF, DOC/DOCX, ODT/ODS, checked by content (core.files).

Open formats (ODF, PDF) are preferred and marked as such on the public page (R-LD-7).
"""

from django.conf import settings

from plugins.core import files

ACCEPTED = ("pdf", "odt", "ods", "docx", "doc")
DEFAULT_MAX_MB = 50

detect = files.detect
extract_text = files.extract_text


def max_mb():
    return int(getattr(settings, "LEGAL_DOCS_MAX_FILE_MB", DEFAULT_MAX_MB))


def file_format(filename):
    """(label, is_open) for an accepted file name, or None."""
    if files.extension(filename) not in ACCEPTED:
        return None
    found = files.file_format(filename)
    return found.label, found.is_open


def check_file(file, filename):
    """Raise ValidationError unless the file is an accepted format, by content, within size."""
    files.check_file(file, filename, accepted=ACCEPTED, max_mb=max_mb())
