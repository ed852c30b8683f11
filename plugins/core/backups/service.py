"""Making, keeping and restoring backups (the commands and the weekly task call these)."""

import contextlib
import datetime
import io
import os
import platform
import re
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.backups import archive as archives
from plugins.core.backups import database, media
from plugins.core.backups.errors import BackupBusy, BackupError

try:
    import fcntl
except ImportError:  # not POSIX: no lock between concurrent backups
    fcntl = None

DEFAULT_KEEP = 8
NAME = re.compile(r"^backup-(\d{8}-\d{6})(?:-(\d+))?\.tar\.gz$")
BACKUP_FUNC = "plugins.core.backups.service.scheduled_backup"
# A backup of many files may take long: the weekly task gets hours, not the cluster's minutes.
TASK_TIMEOUT = 6 * 3600


def backup_dir():
    """Where archives go: ``PORTAL_BACKUP_DIR`` (settings/base.py: ``var/backups``)."""
    configured = getattr(settings, "PORTAL_BACKUP_DIR", None)
    return Path(configured or Path(settings.BASE_DIR) / "var" / "backups")


def keep():
    return int(getattr(settings, "PORTAL_BACKUP_KEEP", DEFAULT_KEEP))


def archives_in(folder=None):
    """The backup archives in ``folder``, oldest first (by the date in their names; a second
    one within the same second is numbered -2, -3…)."""
    folder = Path(folder or backup_dir())
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = NAME.match(path.name)
        if match and path.is_file():
            found.append(((match[1], int(match[2] or 1)), path))
    return [path for _key, path in sorted(found)]


@contextlib.contextmanager
def _exclusive(folder):
    """One backup or restore at a time (a second one is refused, not queued)."""
    if fcntl is None:
        yield
        return
    with open(folder / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise BackupBusy(_("Another backup or restore is running; try again when it "
                                "has finished.")) from error
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _private_folder(folder):
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        folder.chmod(0o700)  # the archives hold every personal record of the site
    return folder


def _new_archive_path(folder, now):
    stamp = timezone.localtime(now).strftime("%Y%m%d-%H%M%S")
    path, number = folder / f"backup-{stamp}.tar.gz", 1
    while path.exists():
        number += 1
        path = folder / f"backup-{stamp}-{number}.tar.gz"
    return path


def _versions(using):
    def version(distribution):
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            return ""

    return {
        "portal": version("agency-portal-plugins"), "django": version("Django"),
        "wagtail": version("wagtail"), "python": platform.python_version(),
        "database_server": database.server_version(using),
    }


def _applied_migrations(using):
    from django.db.migrations.recorder import MigrationRecorder

    latest = {}
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def create_backup(folder=None, using="default"):
    """Back up the database and the media files into a new archive; return its path."""
    folder = _private_folder(Path(folder or backup_dir()))
    vendor = database.vendor(using)
    media_root = media.root()
    with _exclusive(folder):
        now = timezone.now()
        path = _new_archive_path(folder, now)
        partial = path.with_name(path.name + ".partial")
        work = Path(tempfile.mkdtemp(prefix=".backup-", dir=folder))
        try:
            dump = work / "database"
            database.dump(dump, using)
            writer = archives.ArchiveWriter(partial)
            try:
                os.chmod(partial, 0o600)
                writer.add_file(dump, database.MEMBER[vendor])
                count = size = 0
                if media_root is not None and media_root.is_dir():
                    for source, name in media.files(media_root, skip=[folder]):
                        writer.add_file(source, archives.MEDIA_PREFIX + name)
                        count += 1
                        size += writer.members[archives.MEDIA_PREFIX + name]["size"]
                writer.close({
                    "created_at": now.isoformat(), "created_timestamp": now.timestamp(),
                    "versions": _versions(using),
                    "database": {"vendor": vendor, "member": database.MEMBER[vendor]},
                    "media": {"included": media_root is not None, "files": count,
                              "bytes": size},
                    "migrations": _applied_migrations(using),
                })
            except BaseException:
                writer.abort()
                raise
            os.replace(partial, path)
        finally:
            shutil.rmtree(work, ignore_errors=True)
            partial.unlink(missing_ok=True)
    return path


def prune(folder=None, keep_newest=None):
    """Delete all but the newest ``keep_newest`` archives (``PORTAL_BACKUP_KEEP``); a value
    below 1 keeps every archive. Returns the deleted paths."""
    keep_newest = keep() if keep_newest is None else keep_newest
    if keep_newest < 1:
        return []
    old = archives_in(folder)[:-keep_newest]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def restore(archive, *, confirm=None, stdout=None, using="default"):
    """Restore the database and the media files from ``archive``, then rebuild the search
    indexes. ``confirm(manifest)`` is asked once the archive is checked; when it says no,
    nothing changes and None is returned. Returns the manifest."""
    media_root = media.root()
    folder = _private_folder(backup_dir())
    staging_parent = media_root.parent if media_root is not None else folder
    staging_parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(folder):
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=staging_parent))
        try:
            manifest = archives.unpack(archive, staging)
            vendor = database.vendor(using)
            described = manifest.get("database") or {}
            if described.get("vendor") != vendor:
                raise BackupError(
                    _("This archive holds a %(archive)s database; this site runs on "
                      "%(site)s. It cannot be restored here.")
                    % {"archive": described.get("vendor"), "site": vendor})
            member = described.get("member")
            if member != database.MEMBER[vendor] or member not in manifest["members"]:
                raise BackupError(_("The archive's manifest is not one this version can "
                                    "restore."))
            database.check_dump(staging / member, vendor)
            if confirm is not None and not confirm(manifest):
                return None
            database.restore(staging / member, using)
            if media_root is not None and (manifest.get("media") or {}).get("included"):
                restored = staging / archives.MEDIA_PREFIX.rstrip("/")
                restored.mkdir(exist_ok=True)
                media.swap_in(restored, media_root)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _after_restore(stdout, using)
    return manifest


def _after_restore(stdout, using):
    """Forget what this process cached of the old data and rebuild the search indexes."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Site

    from plugins.core.search import snapshot

    connections[using].close()
    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()
    snapshot.forget()
    stdout = stdout if stdout is not None else io.StringIO()
    call_command("rebuild_search_index", stdout=stdout)
    if apps.is_installed("wagtail.search"):
        call_command("update_index", stdout=stdout)


def unapplied_migrations(using="default"):
    """Migrations of the code that the restored database has not had (run ``migrate``)."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[using])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def scheduled_backup():
    """The weekly django-q2 task: a backup, then the old archives go. Returns its path."""
    try:
        path = create_backup()
    except BackupBusy:
        return ""  # a backup started by hand is under way: that one counts
    prune()
    return str(path)


def _next_sunday_night(now=None):
    local = timezone.localtime(now or timezone.now(), ZoneInfo(settings.TIME_ZONE))
    days = (6 - local.weekday()) % 7 or 7
    start = (local + datetime.timedelta(days=days)).replace(hour=1, minute=30, second=0,
                                                             microsecond=0)
    return start


def schedule_backups(**kwargs):
    """Create the weekly backup schedule, Sunday 01:30 local time (post_migrate;
    idempotent; an administrator may change its day, time or turn it off in the admin)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=BACKUP_FUNC,
        defaults={"name": "core: weekly backup", "schedule_type": Schedule.WEEKLY,
                  "next_run": _next_sunday_night(),
                  "kwargs": f"q_options={{'timeout': {TASK_TIMEOUT}}}"},
    )
