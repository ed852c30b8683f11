"""The backup archive: a tar.gz of the database file, the media files and a manifest.

The manifest (``manifest.json``, the last member) names every other member with its size
and SHA-256. Reading an archive (:func:`unpack`) extracts it into a staging folder with
tarfile's ``data`` filter — no absolute path, no ``..``, no link, device or special file —
and accepts it only when its members are exactly those of the manifest, each with the
checksum the manifest gives.
"""

import hashlib
import io
import json
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from plugins.core.backups.errors import BackupError

FORMAT = "agency-portal-backup/1"
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_PREFIX = "database/"
CHUNK = 1024 * 1024


class _HashingReader:
    """A file whose bytes are hashed as tarfile reads them (one read of each file)."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.raw.read(size)
        self.sha256.update(data)
        return data


class ArchiveWriter:
    """Adds files to a new archive and remembers their checksums for the manifest."""

    def __init__(self, path):
        self.tar = tarfile.open(path, "w:gz", compresslevel=6)
        self.members = {}

    def add_file(self, source, name):
        with open(source, "rb") as raw:
            info = self.tar.gettarinfo(fileobj=raw, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            reader = _HashingReader(raw)
            self.tar.addfile(info, reader)
        self.members[name] = {"size": info.size, "sha256": reader.sha256.hexdigest()}

    def close(self, manifest):
        data = json.dumps({**manifest, "format": FORMAT, "members": self.members},
                          ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mtime = int(manifest.get("created_timestamp", 0))
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()

    def abort(self):
        self.tar.close()


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _checked_name(member):
    """The member's name if it is one a backup can hold, else refuse the archive."""
    name = member.name
    parts = PurePosixPath(name).parts
    if (not name or name.startswith(("/", "\\")) or ".." in parts or "\\" in name
            or ":" in parts[0]):
        raise BackupError(_("The archive holds a file outside its own folder (%(name)s): "
                            "it is refused.") % {"name": name})
    if not member.isfile():
        raise BackupError(_("The archive holds a link or a special file (%(name)s): "
                            "it is refused.") % {"name": name})
    if name != MANIFEST and not name.startswith((MEDIA_PREFIX, DATABASE_PREFIX)):
        raise BackupError(_("The archive holds an unexpected file (%(name)s): it is not a "
                            "backup of this site.") % {"name": name})
    return name


def unpack(archive, staging):
    """Extract ``archive`` into the folder ``staging`` and check it; return the manifest.

    Raises BackupError for an archive that is unsafe, damaged, altered or not a backup.
    """
    staging = Path(staging)
    seen = set()
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                name = _checked_name(member)
                if name in seen:
                    raise BackupError(_("The archive holds %(name)s twice: it is refused.")
                                      % {"name": name})
                seen.add(name)
                tar.extract(member, staging, filter="data")
    except BackupError:
        raise
    except FileNotFoundError as error:
        raise BackupError(_("No such archive: %(path)s") % {"path": archive}) from error
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise BackupError(_("The archive is damaged or not a backup (%(error)s).")
                          % {"error": error}) from error
    manifest = _read_manifest(staging)
    expected = manifest["members"]
    if seen - {MANIFEST} != set(expected):
        missing, extra = set(expected) - seen, seen - {MANIFEST} - set(expected)
        raise BackupError(_("The archive does not match its manifest (missing: %(missing)s; "
                            "not listed: %(extra)s).")
                          % {"missing": ", ".join(sorted(missing)) or "-",
                             "extra": ", ".join(sorted(extra)) or "-"})
    for name, facts in expected.items():
        if sha256_of(staging / name) != facts.get("sha256"):
            raise BackupError(_("%(name)s was changed after the backup was made (its checksum "
                                "does not match the manifest): the archive is refused.")
                              % {"name": name})
    return manifest


def _read_manifest(staging):
    try:
        manifest = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(_("The archive has no manifest: it is not a backup of this site.")
                          ) from error
    except ValueError as error:
        raise BackupError(_("The archive's manifest is damaged.")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(
            manifest.get("members"), dict):
        raise BackupError(_("The archive's manifest is not one this version can restore."))
    return manifest
