"""Where the notices keep their attachments: a folder that is never served as media.

Files are read only through the admin's download views, which ask :mod:`.access` who may
read the announcement, message or post. The folder is ``EOFFICE_NOTICES_FILES_ROOT`` when
set, else ``eoffice_notices`` under MEDIA_ROOT (kept by the backups; the proxy exposes only
the images' folders of the media, README).
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
        raise ValueError("Notice attachments have no public URL; use the download view.")


def _location():
    root = getattr(settings, "EOFFICE_NOTICES_FILES_ROOT", None)
    return str(root) if root else str(Path(settings.MEDIA_ROOT) / "eoffice_notices")


def private_storage():
    """The storage of attachments (a callable, so the folder follows the settings)."""
    return PrivateStorage()
