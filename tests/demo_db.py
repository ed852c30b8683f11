"""The demo's database rows, loaded once per test session and put back in about a second.

``manage.py load_demo`` takes half a minute, and a dozen test modules need the demo. The
first of them loads it inside a transaction, copies every row of every table out of the
database (:func:`take`) and rolls the transaction back; each test that needs the demo then
gets the rows copied back in (:func:`restore`): inside its own transaction, so that they
vanish with the test's other changes, or, for a transactional test (a browser test's live
server), committed, and replaced after it by the rows the migrations made (see
``migrated_snapshot`` in tests/conftest.py).

Every table Django knows is copied, whole, so foreign keys hold (the copy is one consistent
state); the database's own search structures follow: SQLite's full-text tables through
their triggers, PostgreSQL's generated search vectors by themselves.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import transaction


@dataclass
class Snapshot:
    vendor: str
    tables: list  # (table, columns, rows or COPY data)
    output: str = ""  # what load_demo printed


def _table_names(connection):
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _columns(cursor, connection, table):
    """The table's own columns, without generated ones (their values follow the others)."""
    if connection.vendor == "sqlite":
        cursor.execute(f'PRAGMA table_xinfo("{table}")')
        return [name for _cid, name, *_rest, hidden in cursor.fetchall() if hidden == 0]
    cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = %s AND is_generated = 'NEVER' "
        "ORDER BY ordinal_position", [table])
    return [name for (name,) in cursor.fetchall()]


def _sqlite_value(value):
    """A value read back as SQLite stores it (times have no adapter, as Django stores them)."""
    return value.isoformat() if isinstance(value, datetime.time) else value


def take(connection):
    """Every row of every table of the database, as it is now."""
    tables = []
    with connection.cursor() as cursor:
        for table in _table_names(connection):
            columns = _columns(cursor, connection, table)
            quoted = ", ".join(f'"{column}"' for column in columns)
            if connection.vendor == "postgresql":
                with cursor.copy(f'COPY (SELECT {quoted} FROM "{table}") TO STDOUT') as copy:
                    rows = b"".join(bytes(block) for block in copy)
            else:
                cursor.execute(f'SELECT {quoted} FROM "{table}"')
                rows = [tuple(map(_sqlite_value, row)) for row in cursor.fetchall()]
            tables.append((table, columns, rows))
    return Snapshot(connection.vendor, tables)


def _sqlite_plain_fts_tables(cursor):
    """SQLite full-text tables that keep their own copy of the text (Wagtail's): they are
    filled by triggers on insert, but nothing empties them when their rows go."""
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE "
                   "'%\\_content' ESCAPE '\\'")
    shadows = {name.removesuffix("_content") for (name,) in cursor.fetchall()}
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE "
                   "'CREATE VIRTUAL TABLE%fts5%'")
    return [name for (name,) in cursor.fetchall() if name in shadows]


def same_tables(snapshot, other):
    """The tables whose rows are the same in both snapshots (the content types and
    permissions the migrations made are also the demo's)."""
    theirs = {table: (columns, rows) for table, columns, rows in other.tables}
    return frozenset(table for table, columns, rows in snapshot.tables
                     if theirs.get(table) == (columns, rows))


def restore(connection, snapshot, unchanged=frozenset()):
    """Replace every row of the database by the snapshot's (one transaction); the tables
    in ``unchanged`` already hold the snapshot's rows and are left as they are."""
    assert snapshot.vendor == connection.vendor
    if unchanged:
        snapshot = Snapshot(snapshot.vendor, [entry for entry in snapshot.tables
                                              if entry[0] not in unchanged])
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # DELETE, not TRUNCATE: inside a transaction TRUNCATE gives each of the ~250
            # tables new files, most of them empty (0.8 s a test, against 0.1 s); the
            # foreign keys are deferred, so the order does not matter. One round trip for
            # all the DELETEs, one for all the sequences.
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("; ".join(f'DELETE FROM "{table}"'
                                     for table, _columns, _rows in snapshot.tables))
            for table, columns, data in snapshot.tables:
                if data:
                    quoted = ", ".join(f'"{column}"' for column in columns)
                    with cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                        copy.write(data)
            models = apps.get_models(include_auto_created=True)
            cursor.execute("; ".join(connection.ops.sequence_reset_sql(no_style(), models)))
        else:
            cursor.execute("PRAGMA defer_foreign_keys = ON")
            for table, _columns, _rows in snapshot.tables:
                cursor.execute(f'DELETE FROM "{table}"')
            for fts in _sqlite_plain_fts_tables(cursor):
                cursor.execute(f'DELETE FROM "{fts}"')
            for table, columns, rows in snapshot.tables:
                if rows:
                    quoted = ", ".join(f'"{column}"' for column in columns)
                    marks = ", ".join(["%s"] * len(columns))
                    cursor.executemany(
                        f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
    forget_cached_state()


def forget_cached_state():
    """What this process remembers of the rows just replaced."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    from plugins.core.search import snapshot as search_snapshot

    cache.clear()
    ContentType.objects.clear_cache()
    search_snapshot.forget()
