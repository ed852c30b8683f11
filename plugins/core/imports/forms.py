"""The upload form of an import screen: the file's size, type and content checked at once.

A plugin's import form subclasses :class:`ImportUploadForm` and names its uploads in
``uploads`` (field name → :class:`Upload`); each is refused, with a sentence beside the
field, when it is larger than its limit, of a type the import does not read, not really
that type by its bytes (a workbook that is no ZIP archive), or when the site's virus scan
(:mod:`plugins.core.files.scanning`) finds something. Reading and checking the rows is the
import's own work (:mod:`.checks`); archives are unpacked within the limits of
:mod:`plugins.core.files.archives` where they are read.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _

from plugins.core.files import archives, scanning
from plugins.core.files.formats import FORMATS, extension

# Formats that are ZIP archives: their bytes must start as one.
ZIPPED = ("xlsx", "ods", "odt", "docx", "zip")


@dataclass(frozen=True)
class Upload:
    formats: tuple  # the extensions accepted, lower case
    max_mb: int
    wrong_type: str  # the sentence that refuses another type (translated lazily)


def _read(upload):
    upload.seek(0)
    try:
        return upload.read()
    finally:
        upload.seek(0)


def check_upload(upload, spec):
    """Raise ValidationError unless ``upload`` passes ``spec``'s limits and its content is
    its type's."""
    if upload.size > spec.max_mb * 1024 * 1024:
        raise forms.ValidationError(_("The file is larger than %(limit)s MB.")
                                    % {"limit": spec.max_mb})
    kind = extension(upload.name)
    if kind not in spec.formats:
        raise forms.ValidationError(spec.wrong_type)
    content = _read(upload)
    if kind in ZIPPED and not archives.is_zip(content):
        raise forms.ValidationError(
            _("%(name)s is not really a %(format)s file: its content does not match its name.")
            % {"name": upload.name, "format": FORMATS[kind].label})
    scanning.scan(content, upload.name)


class ImportUploadForm(forms.Form):
    """Checks every upload named in ``uploads`` (an empty optional upload is fine); the
    choice ``target_field`` (where to import: a library, a list) offers ``targets``."""

    uploads = {}
    target_field = None

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.target_field and targets is not None:
            self.fields[self.target_field].queryset = targets

    def clean(self):
        cleaned = super().clean()
        for name, spec in self.uploads.items():
            upload = cleaned.get(name)
            if upload is None or name in self.errors:
                continue
            try:
                check_upload(upload, spec)
            except forms.ValidationError as error:
                self.add_error(name, error)
        return cleaned
