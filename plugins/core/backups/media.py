"""The media files: which are backed up, and putting a restored folder in place."""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage


def root():
    """``MEDIA_ROOT`` when uploads are kept on this machine's disk, else None (S3 and the
    like keep their own copies; README, "Backups and restore")."""
    if not isinstance(default_storage, FileSystemStorage) or not settings.MEDIA_ROOT:
        return None
    return Path(settings.MEDIA_ROOT)


def files(folder, skip=()):
    """(path, relative POSIX name) of every regular file under ``folder``, sorted; links
    and special files are left out, as is any folder in ``skip`` (the backups' own)."""
    folder = Path(folder)
    skipped = {Path(path).resolve() for path in skip}
    found = []
    for current, subfolders, names in os.walk(folder):
        current = Path(current)
        subfolders[:] = sorted(
            name for name in subfolders
            if not (current / name).is_symlink() and (current / name).resolve() not in skipped
        )
        for name in names:
            path = current / name
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(folder).as_posix()))
    return sorted(found, key=lambda pair: pair[1])


def swap_in(restored, target):
    """Put the folder ``restored`` in the place of ``target`` (both on one file system).

    Two renames: the old folder steps aside, the restored one takes its name, and only then
    is the old one deleted. When ``target`` cannot be renamed (a mount point), its content
    is emptied and the restored content moved in.
    """
    restored, target = Path(restored), Path(target)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(restored, target)
        return
    shutil.copymode(target, restored)  # the staging folder was made private (0700)
    aside = target.with_name(f".{target.name}-before-restore-{os.getpid()}")
    try:
        os.replace(target, aside)
    except OSError:
        _swap_content(restored, target)
        return
    os.replace(restored, target)
    shutil.rmtree(aside, ignore_errors=True)


def _swap_content(restored, target):
    for entry in list(target.iterdir()):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in list(restored.iterdir()):
        os.replace(entry, target / entry.name)
    restored.rmdir()
