"""Where the files of progress reports are kept: a folder that is never served as media
(``EOFFICE_FILES_ROOT`` when set, else ``eoffice`` under MEDIA_ROOT, read when a file is
stored or opened), reached only through the admin's download view, which checks that the
user may see the task."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


def _root():
    root = getattr(settings, "EOFFICE_FILES_ROOT", None)
    return str(root) if root else str(Path(settings.MEDIA_ROOT) / "eoffice")


@deconstructible
class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return _root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Task files have no public URL; use the admin's download view.")


def private_storage():
    return PrivateStorage()
