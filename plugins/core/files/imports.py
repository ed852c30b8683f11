"""Files an import reads from a folder and writes to storage, safely.

- :func:`file_in_folder`: a file named in an imported table, found only inside the folder
  the clerk gave (an absolute path or ``../`` is refused with a sentence, never followed);
- :class:`WrittenFiles`: the files an import writes inside its transaction; when the
  transaction fails (a bad row found late, an error, Ctrl-C) they are deleted again, so a
  refused or interrupted import leaves no stray files behind.
"""

import re
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.db import transaction
from django.utils.translation import gettext as _

_DRIVE = re.compile(r"^[A-Za-z]:")


class OutsideFolder(ValueError):
    """A file name that points outside the folder; ``message`` says so (translated)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def file_in_folder(folder, name):
    """The path of ``name`` inside ``folder``, or ``None`` if no such file exists there;
    :class:`OutsideFolder` if the name is absolute, climbs out with ``..``, or is a link
    that leads out of the folder."""
    pure = PurePosixPath(name.replace("\\", "/"))  # a Windows path too
    if pure.is_absolute() or ".." in pure.parts or _DRIVE.match(name) or "\0" in name:
        raise OutsideFolder(_("“%(name)s” must be the name of a file inside the folder of files "
                              "(no absolute path, no “..”).") % {"name": name[:200]})
    if folder is None:
        return None
    root = Path(folder).resolve()
    path = root / pure
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root):
        raise OutsideFolder(_("“%(name)s” leads outside the folder of files.")
                            % {"name": name[:200]})
    return resolved if resolved.is_file() else None


class WrittenFiles:
    """Remember each stored file of an import; :meth:`atomic` deletes them if it fails."""

    def __init__(self):
        self.names = []  # (storage, name)

    def add(self, field_file):
        self.names.append((field_file.storage, field_file.name))
        return field_file

    def delete_all(self):
        for storage, name in self.names:
            try:
                storage.delete(name)
            except OSError:  # pragma: no cover - best effort; nothing else to do
                pass
        self.names = []

    @contextmanager
    def atomic(self):
        """A database transaction; on any failure inside it the files written are deleted."""
        try:
            with transaction.atomic():
                yield self
        except BaseException:
            self.delete_all()
            raise
