"""The test database, migrated once per test run instead of once per pytest-xdist worker.

Applying the ~280 migrations of Django, Wagtail and the plugins takes about a minute of
CPU, nearly all of it Django rendering model states, and each worker paid it. Now the
first worker to get here migrates its database as usual and leaves a copy: an SQLite
file (the in-memory database written out with SQLite's backup API) or a PostgreSQL
template database. The others start from that copy, and the migrate Django runs on them
then finds nothing to apply. The copy belongs to this run alone: it is named after the
run's temporary folder and xdist's run id, and the worker that made it drops it at the end.
"""

import fcntl
import os
import sqlite3
from contextlib import closing
from pathlib import Path


def setup(shared_folder, verbosity=0):
    """Make this worker's test database (``default``), from the run's copy if there is
    one; return the function that destroys it (and the copy, if this worker made it)."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    copy = _Copy.of(connection, Path(shared_folder))
    with open(shared_folder / f"migrated-{connection.vendor}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made_here = not copy.exists()
        if not made_here:
            copy.restore()
        config = setup_databases(verbosity=verbosity, interactive=False, keepdb=not made_here,
                                 aliases={"default"}, serialized_aliases=set())
        copy.forget_holder()
        if made_here:
            copy.save()

    def teardown():
        try:
            copy.disconnect_others()
            teardown_databases(config, verbosity=verbosity)
        finally:
            if made_here:
                copy.drop()

    return teardown


class _Copy:
    @staticmethod
    def of(connection, folder):
        return (_PostgresCopy if connection.vendor == "postgresql" else _SqliteCopy)(
            connection, folder)

    def __init__(self, connection, folder):
        self.connection = connection
        self.folder = folder

    def forget_holder(self):
        pass

    def disconnect_others(self):
        """Close what threads of the tests left connected to the test database."""


class _SqliteCopy(_Copy):
    """The in-memory test database, written to a file and read back with SQLite's backup
    API (page by page: full-text tables and sequences come along)."""

    def __init__(self, connection, folder):
        super().__init__(connection, folder)
        self.path = folder / "migrated.sqlite3"
        self.holder = None

    def exists(self):
        return self.path.exists()

    def _memory_name(self):
        name = self.connection.creation._get_test_db_name()
        assert self.connection.creation.is_in_memory_db(name), name
        return name

    def restore(self):
        # The in-memory database lives while a connection to it is open: this one holds
        # it until Django's own connection (which never closes an in-memory database) is
        # open too.
        self.holder = sqlite3.connect(self._memory_name(), uri=True)
        with closing(sqlite3.connect(self.path)) as source:
            source.backup(self.holder)

    def forget_holder(self):
        if self.holder is not None:
            self.holder.close()
            self.holder = None

    def save(self):
        self.connection.ensure_connection()
        partial = self.path.with_suffix(".partial")
        with closing(sqlite3.connect(partial)) as target:
            self.connection.connection.backup(target)
        partial.rename(self.path)

    def drop(self):
        self.path.unlink(missing_ok=True)


class _PostgresCopy(_Copy):
    """A template database copied from the first worker's: ``CREATE DATABASE … TEMPLATE``
    copies files, in a second or two."""

    def __init__(self, connection, folder):
        super().__init__(connection, folder)
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:12] or folder.name[-12:]
        base = connection.settings_dict["NAME"]
        self.template = f"test_{base}_migrated_{run}"[:63]
        self.marker = folder / "migrated-postgresql.name"

    def exists(self):
        return self.marker.exists()

    def _execute(self, *statements):
        with self.connection._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def restore(self):
        name = self.connection.creation._get_test_db_name()
        self._execute(f'DROP DATABASE IF EXISTS "{name}"',
                      f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')

    def save(self):
        name = self.connection.settings_dict["NAME"]  # the test database's, by now
        self.connection.close()  # a template is copied only while nobody is connected
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}"',
                      f'CREATE DATABASE "{self.template}" TEMPLATE "{name}"')
        self.marker.write_text(self.template)

    def disconnect_others(self):
        # A test's thread (a live server's, a pool's) may still hold a connection, and
        # PostgreSQL drops no database someone is connected to.
        name = self.connection.settings_dict["NAME"]
        self.connection.close()
        with self.connection._nodb_cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = %s AND pid <> pg_backend_pid()", [name])

    def drop(self):
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}"')
        self.marker.unlink(missing_ok=True)
