"""Copying the database to a file and back, for each vendor the site runs on.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot
while the site keeps reading and writing, and writes a backup back into the live file in
one transaction. PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean
--if-exists`` in a single transaction, with the connection settings of ``DATABASES``.
"""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing

from django.db import connections
from django.utils.translation import gettext as _

from plugins.core.backups.errors import BackupError

SUPPORTED = ("sqlite", "postgresql")
# The database's file name inside the archive, by vendor.
MEMBER = {"sqlite": "database/db.sqlite3", "postgresql": "database/postgresql.dump"}


def vendor(using="default"):
    name = connections[using].vendor
    if name not in SUPPORTED:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL databases, not %(vendor)s.")
            % {"vendor": name})
    return name


def server_version(using="default"):
    connection = connections[using]
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def dump(path, using="default"):
    """Write the database ``using`` to the file ``path``."""
    if vendor(using) == "sqlite":
        _sqlite_dump(path, using)
    else:
        _run("pg_dump", ["--format=custom", "--file", str(path)], using, database_argument=True)


def restore(path, using="default"):
    """Replace the content of the database ``using`` by the dump in ``path``."""
    if vendor(using) == "sqlite":
        _sqlite_restore(path, using)
    else:
        connections[using].close()
        _run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges",
                            "--single-transaction", "--exit-on-error", str(path)], using)
        connections[using].close()


def check_dump(path, vendor_name):
    """Refuse a database file that is not sound (SQLite's integrity check, or a custom
    dump that pg_restore cannot list)."""
    if vendor_name == "sqlite":
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source:
                result = source.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            result = str(error)
        if result != "ok":
            raise BackupError(_("The database in the archive is damaged: %(error)s")
                              % {"error": result})
    else:
        _pg_tool("pg_restore")
        completed = subprocess.run(["pg_restore", "--list", str(path)], capture_output=True,
                                   text=True, check=False)
        if completed.returncode:
            raise BackupError(_("The database in the archive is damaged: %(error)s")
                              % {"error": completed.stderr.strip()})


def _live_sqlite(using):
    connection = connections[using]
    if connection.in_atomic_block:
        # The backup API would wait forever for the transaction's own lock.
        raise BackupError(_("A backup cannot run inside a database transaction."))
    connection.ensure_connection()
    return connection.connection


def _sqlite_dump(path, using):
    with closing(sqlite3.connect(path)) as target:
        _live_sqlite(using).backup(target)


def _sqlite_restore(path, using):
    with closing(sqlite3.connect(path)) as source:
        source.backup(_live_sqlite(using))


def _pg_tool(name):
    if shutil.which(name) is None:
        raise BackupError(
            _("%(tool)s was not found. Install the PostgreSQL client programs of the "
              "server's major version (Debian: apt-get install postgresql-client) or put "
              "them on PATH.") % {"tool": name})


def _run(tool, arguments, using, database_argument=False):
    """Run pg_dump or pg_restore on the database ``using``, connected as Django is."""
    from django.db.backends.postgresql.client import DatabaseClient

    _pg_tool(tool)
    settings_dict = connections[using].settings_dict
    options = settings_dict.get("OPTIONS", {})
    _args, client_env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(client_env or {})}
    for variable, value in (("PGHOST", settings_dict.get("HOST") or options.get("host")),
                            ("PGPORT", settings_dict.get("PORT") or options.get("port")),
                            ("PGUSER", settings_dict.get("USER") or options.get("user"))):
        if value:
            env[variable] = str(value)
    database = settings_dict.get("NAME") or options.get("database")
    if database:
        arguments = [*arguments, database] if database_argument else ["--dbname", database,
                                                                      *arguments]
    completed = subprocess.run([tool, *arguments], env=env, capture_output=True, text=True,
                               check=False)
    if completed.returncode:
        raise BackupError(_("%(tool)s failed: %(error)s")
                          % {"tool": tool, "error": completed.stderr.strip()})
