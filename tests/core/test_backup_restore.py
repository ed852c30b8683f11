"""Backups and restore (R-EO-19: weekly backups an administrator can restore; R-SEC-3:
nothing lost on faults, quick restore)."""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from plugins.core.backups import archive as archives
from plugins.core.backups import database, service
from plugins.core.backups.errors import BackupError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted in English; the Vietnamese ones are checked once below."""
    with translation.override("en"):
        yield


# --- the restore drill, on a real database file (or the PostgreSQL test database) -------

def _database_url(tmp_path):
    """A database the drill process may use: a file copy of the (in-memory) SQLite test
    database, or the PostgreSQL test database itself (the test commits its data)."""
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed: the PostgreSQL drill needs them")
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return (f"postgres://{s.get('USER') or ''}{password}@{s.get('HOST') or 'localhost'}:"
            f"{s.get('PORT') or 5432}/{s['NAME']}")


@pytest.mark.django_db(transaction=True)
def test_restore_drill_brings_back_pages_documents_files_and_search(tmp_path):
    """R-EO-19, R-SEC-3: back up, change and delete pages, a document and files, restore:
    everything is as it was at the backup, on disk and in search, and later additions are
    gone. Runs on the database in use (SQLite file or PostgreSQL)."""
    (tmp_path / "drill_settings.py").write_text(
        f"from {django_settings.SETTINGS_MODULE} import *  # noqa\n"  # the suite's apps
        f"MEDIA_ROOT = {str(tmp_path / 'media')!r}\n"
        f"PORTAL_BACKUP_DIR = {str(tmp_path / 'backups')!r}\n")
    env = {**os.environ, "DATABASE_URL": _database_url(tmp_path),
           "DJANGO_SETTINGS_MODULE": "drill_settings",
           "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), str(ROOT / "site")])}
    completed = subprocess.run([sys.executable, "-m", "tests.core.backup_drill"], cwd=ROOT,
                               env=env, capture_output=True, text=True, timeout=300,
                               check=False)
    assert completed.returncode == 0, completed.stderr[-4000:]
    states = json.loads(completed.stdout)
    before, changed, after = states["before"], states["changed"], states["after"]

    assert "Lịch tiếp công dân tháng Mười Hai" in before["pages"]
    assert before["search"] == ["Lịch tiếp công dân tháng Mười Hai"]
    assert before["document_bytes"] == "%PDF-1.4 quy che tiep cong dan"
    # The drill did change things.
    assert "Lịch tiếp công dân tháng Mười Hai" not in changed["pages"]
    assert changed["documents"] == [] and changed["search"] == []
    assert "documents/tao-sau.pdf" in changed["files"]

    assert after == before
    assert "Trang tạo sau khi sao lưu" not in after["pages"]
    assert "documents/tao-sau.pdf" not in after["files"]
    assert list((tmp_path / "backups").glob("backup-*.tar.gz"))
    # The restore left no staging folder beside the media folder.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# --- in-process checks: retention, refused archives ---------------------------------------

@pytest.fixture
def backup_settings(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PORTAL_BACKUP_DIR = str(tmp_path / "backups")
    settings.PORTAL_BACKUP_KEEP = 8
    media = tmp_path / "media" / "documents"
    media.mkdir(parents=True)
    (media / "quy-che.pdf").write_bytes(b"%PDF-1.4 original")
    return tmp_path


def _backup():
    call_command("portal_backup", stdout=io.StringIO())
    return service.archives_in()[-1]


def _rewrite(source, target, change):
    """Copy the archive ``source`` to ``target``, passing each (info, bytes) through
    ``change``, which returns the pair to write (or None to leave the member out)."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for info in old:
            data = old.extractfile(info).read() if info.isfile() else b""
            changed = change(info, data)
            if changed is not None:
                info, data = changed
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))
    return target


def _nothing_changed(tmp_path):
    from wagtail.models import Page

    assert Page.objects.filter(title="Trang tạo sau khi sao lưu").exists()
    assert (tmp_path / "media" / "documents" / "quy-che.pdf").read_bytes() == b"%PDF-1.4 later"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "media"]


def _change_after_backup(tmp_path):
    from wagtail.models import Page

    Page.get_first_root_node().add_child(
        instance=Page(title="Trang tạo sau khi sao lưu", slug="trang-moi"))
    (tmp_path / "media" / "documents" / "quy-che.pdf").write_bytes(b"%PDF-1.4 later")


@pytest.mark.django_db(transaction=True)
def test_retention_keeps_the_newest_archives(backup_settings):
    """R-EO-19: a backup deletes all but the newest PORTAL_BACKUP_KEEP archives, and nothing
    else in the folder."""
    folder = backup_settings / "backups"
    folder.mkdir()
    for stamp in ("20240101-010000", "20250101-010000", "20250101-010000-2", "20250601-010000"):
        (folder / f"backup-{stamp}.tar.gz").write_bytes(b"old")
    (folder / "notes.txt").write_text("kept")

    out = io.StringIO()
    call_command("portal_backup", "--keep", "3", stdout=out)

    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    newest = service.archives_in()[-1].name
    assert names == sorted(["backup-20250101-010000-2.tar.gz", "backup-20250601-010000.tar.gz",
                            newest, "notes.txt"])
    assert "backup-20240101-010000.tar.gz" in out.getvalue()
    assert oct((folder / newest).stat().st_mode & 0o777) == "0o600"


@pytest.mark.django_db(transaction=True)
def test_archive_has_database_media_and_a_manifest_of_checksums(backup_settings):
    """R-EO-19: one archive holds the database, every media file and a manifest."""
    path = _backup()
    with tarfile.open(path) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[-1] == "manifest.json"
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["media"]["files"] == 1
    assert manifest["versions"]["wagtail"] and manifest["versions"]["django"]
    assert set(manifest["members"]) == {database.MEMBER[connection.vendor],
                                        "media/documents/quy-che.pdf"}
    assert (manifest["members"]["media/documents/quy-che.pdf"]["sha256"]
            == archives.sha256_of(backup_settings / "media" / "documents" / "quy-che.pdf"))


@pytest.mark.django_db(transaction=True)
def test_a_tampered_archive_is_refused_and_nothing_changes(backup_settings):
    """R-SEC-3: a member changed after the backup (its checksum no longer matches the
    manifest) is refused before the database or the files are touched."""
    good = _backup()
    tampered = _rewrite(good, backup_settings / "backups" / "backup-20990101-000000.tar.gz",
                        lambda info, data: (info, b"%PDF-1.4 forged")
                        if info.name == "media/documents/quy-che.pdf" else (info, data))
    _change_after_backup(backup_settings)

    with pytest.raises(CommandError, match="checksum"):
        call_command("portal_restore", str(tampered), "--yes", stdout=io.StringIO())
    _nothing_changed(backup_settings)


@pytest.mark.django_db(transaction=True)
def test_an_archive_reaching_outside_its_folder_is_refused(backup_settings):
    """R-SEC-3: a member named ../… (or an absolute path, or a link) is refused and nothing
    is written outside the staging folder."""
    good = _backup()
    _change_after_backup(backup_settings)

    def escape(info, data):
        if info.name == "media/documents/quy-che.pdf":
            info.name = "media/../../escaped.pdf"
        return info, data

    evil = _rewrite(good, backup_settings / "evil.tar.gz", escape)
    with pytest.raises(CommandError, match="outside"):
        call_command("portal_restore", str(evil), "--yes", stdout=io.StringIO())
    evil.unlink()
    assert not (backup_settings / "escaped.pdf").exists()
    assert not (backup_settings.parent / "escaped.pdf").exists()

    def link(info, data):
        if info.name == "media/documents/quy-che.pdf":
            info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
            return info, b""
        return info, data

    linked = _rewrite(good, backup_settings / "link.tar.gz", link)
    with pytest.raises(CommandError, match="link"):
        call_command("portal_restore", str(linked), "--yes", stdout=io.StringIO())
    linked.unlink()
    _nothing_changed(backup_settings)


@pytest.mark.django_db(transaction=True)
def test_a_damaged_or_foreign_archive_is_refused(backup_settings):
    """R-SEC-3: a truncated archive, one without a manifest and one made on another
    database vendor are refused with a clear message; nothing changes."""
    good = _backup()
    _change_after_backup(backup_settings)
    truncated = backup_settings / "truncated.tar.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    no_manifest = _rewrite(good, backup_settings / "no-manifest.tar.gz",
                           lambda info, data: None if info.name == "manifest.json"
                           else (info, data))
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def foreign_vendor(info, data):
        if info.name == "manifest.json":
            manifest = json.loads(data)
            manifest["database"]["vendor"] = other
            return info, json.dumps(manifest).encode()
        return info, data

    foreign = _rewrite(good, backup_settings / "foreign.tar.gz", foreign_vendor)
    for path, message in ((truncated, "damaged"), (no_manifest, "no manifest"),
                          (foreign, f"holds a {other} database")):
        with pytest.raises(CommandError, match=message):
            call_command("portal_restore", str(path), "--yes", stdout=io.StringIO())
        path.unlink()
    with pytest.raises(CommandError, match="No such archive"):
        call_command("portal_restore", str(backup_settings / "none.tar.gz"), "--yes")
    _nothing_changed(backup_settings)


@pytest.mark.django_db(transaction=True)
def test_restore_asks_for_confirmation(backup_settings, monkeypatch):
    """R-EO-19: without --yes the administrator is asked; anything but "yes" changes
    nothing."""
    good = _backup()
    _change_after_backup(backup_settings)
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "no")
    out = io.StringIO()
    with pytest.raises(CommandError, match="cancelled"):
        call_command("portal_restore", str(good), stdout=out)
    assert asked and "replaces the whole database" in out.getvalue()
    _nothing_changed(backup_settings)


def test_missing_pg_dump_is_said_clearly(monkeypatch):
    """R-EO-19: on PostgreSQL without the client programs the administrator is told what to
    install, in English and in Vietnamese."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(BackupError, match="pg_dump was not found.*postgresql-client"):
        database._pg_tool("pg_dump")
    with translation.override("vi"), pytest.raises(
            BackupError, match="Không tìm thấy pg_dump.*postgresql-client"):
        database._pg_tool("pg_dump")


@pytest.mark.django_db(transaction=True)
def test_weekly_backup_is_scheduled_and_prunes(backup_settings, settings):
    """R-EO-19: a weekly django-q2 schedule (made after migrate) backs up and keeps the
    newest PORTAL_BACKUP_KEEP archives."""
    from django_q.models import Schedule

    schedule = Schedule.objects.get(func=service.BACKUP_FUNC)
    assert schedule.schedule_type == Schedule.WEEKLY
    assert "timeout" in schedule.kwargs
    settings.PORTAL_BACKUP_KEEP = 1
    folder = backup_settings / "backups"
    folder.mkdir()
    (folder / "backup-20200101-000000.tar.gz").write_bytes(b"old")
    path = Path(service.scheduled_backup())
    assert [p.name for p in service.archives_in()] == [path.name]


def test_backup_folder_default_is_under_var():
    """The archives go to var/backups unless PORTAL_BACKUP_DIR says otherwise."""
    assert Path(django_settings.PORTAL_BACKUP_DIR).name == "backups"


def test_backups_inside_the_media_folder_are_warned_about(settings, tmp_path):
    """R-SEC-3: `manage.py check` warns when the archives would be served with the media."""
    from plugins.core.checks import backups_are_not_published

    settings.MEDIA_ROOT = str(tmp_path)
    settings.PORTAL_BACKUP_DIR = str(tmp_path / "backups")
    assert [w.id for w in backups_are_not_published(None)] == ["core.W020"]
    settings.PORTAL_BACKUP_DIR = str(tmp_path.parent / "elsewhere")
    assert backups_are_not_published(None) == []
