"""Form templates citizens download (R-PR-3): checked by content and size (core.files);
open formats (ODF, PDF) are marked on the public pages (R-LD-7)."""

from django.conf import settings

from plugins.core import files

ACCEPTED = ("docx", "doc", "odt", "pdf", "xlsx", "xls", "ods")
DEFAULT_MAX_MB = 10


def max_mb():
    return int(getattr(settings, "PROCEDURES_MAX_FORM_MB", DEFAULT_MAX_MB))


def check_form_file(file, filename):
    """Raise ValidationError unless ``file`` is an accepted form format within the size."""
    files.check_file(file, filename, accepted=ACCEPTED, max_mb=max_mb())


def form_format(filename):
    """The core :class:`~plugins.core.files.Format` of a form file name, or None."""
    return files.file_format(filename)
