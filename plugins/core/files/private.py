"""Where the e-office keeps its files: a folder that is never served as media.

Documents, the attachments of notices and messages, the files of tasks and consultations are
read only through each app's admin download view, which asks that app who may see them.
The folder is ``EOFFICE_FILES_ROOT`` when set, else ``eoffice`` under MEDIA_ROOT (kept by
the backups; the proxy exposes only the images' folders of the media, README).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """A file system storage without public URLs."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", _location())
        super().__init__(**kwargs)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the admin's download view.")


def _location():
    root = getattr(settings, "EOFFICE_FILES_ROOT", None)
    return str(root) if root else str(Path(settings.MEDIA_ROOT) / "eoffice")


def private_storage():
    """The storage of private files (a callable, so the folder follows the settings)."""
    return PrivateStorage()
