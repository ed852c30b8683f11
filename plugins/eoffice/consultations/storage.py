"""Where the consultations keep the draft's files and the responses' files: a folder that
is never served as media. They are read only through the admin's download views, which ask
:mod:`.access` who may see each file. The folder is ``consultations`` under
``EOFFICE_FILES_ROOT`` when set, else under ``MEDIA_ROOT/eoffice`` (kept by the backups; the
proxy exposes only the images' folders of the media)."""

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
        raise ValueError("Consultation files have no public URL; use the admin's download "
                         "view.")


def _location():
    root = getattr(settings, "EOFFICE_FILES_ROOT", None)
    base = Path(root) if root else Path(settings.MEDIA_ROOT) / "eoffice"
    return str(base / "consultations")


def private_storage():
    """The storage of consultation files (a callable, so the folder follows the settings)."""
    return PrivateStorage()
