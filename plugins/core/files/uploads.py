"""Every document uploaded through the Wagtail admin is checked by its content.

Wagtail checks an uploaded document's extension only: a Windows program renamed
``bao-cao.pdf`` or a web page renamed ``trang.pdf`` would be kept and served. This form base,
set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, applies core's rule to the admin's upload, edit,
multiple-upload and chooser-upload forms: the bytes must be the format the name says
(:mod:`.formats`) and the site's virus scan (:mod:`.scanning`) must find nothing.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from plugins.core.files.formats import FORMATS, check_file


def accepted_extensions():
    """The extensions the site accepts (``WAGTAILDOCS_EXTENSIONS``) that core can verify."""
    wanted = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or FORMATS
    return tuple(ext.lower() for ext in wanted if ext.lower() in FORMATS)


def check_upload(file):
    """Raise ValidationError unless the uploaded ``file`` passes core's checks; its size is
    left to Wagtail's own ``WAGTAILDOCS_MAX_UPLOAD_SIZE``."""
    check_file(file, file.name, accepted=accepted_extensions(), max_mb=None)


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):  # a new file, not the one already kept
            try:
                check_upload(file)
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return file
