"""Which tables a page read and which tables a statement wrote, from the SQL itself.

Every database connection gets one execute wrapper (installed when the connection opens).
While :func:`recording` is active in a thread, the wrapper notes each table a statement
reads from; on every connection, always, a statement that writes a table schedules one
version bump of that table after the transaction commits (:mod:`.versions`). Nothing has
to be told what a page shows — a snippet, a menu, a document's status, the agency's
contact details are all rows of some table the page read — and nothing can forget to say
that it changed something: every INSERT, UPDATE and DELETE goes through the wrapper,
whether from a model's ``save()``, a queryset's ``update()``, a bulk import or raw SQL.

Django quotes every table name it writes into SQL, on SQLite and on PostgreSQL alike,
which is what the patterns below rely on.
"""

import contextlib
import contextvars
import re

from django.db import transaction

# The tables of the cache's own bookkeeping, and of the migrations, never bump.
UNTRACKED = frozenset({"core_tableversion", "core_frontcachedurl", "django_migrations"})

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"([^"]+)"',
    re.IGNORECASE)
_TRUNCATE = re.compile(r'^\s*TRUNCATE\b', re.IGNORECASE)
_READ = re.compile(r'\b(?:FROM|JOIN)\s+"([^"]+)"', re.IGNORECASE)
_QUOTED = re.compile(r'"([^"]+)"')

_reads = contextvars.ContextVar("page_cache_reads", default=None)


def written_tables(sql):
    """The tables a statement writes (none for a read)."""
    match = _WRITE.match(sql)
    if match:
        return {match.group(1)}
    if _TRUNCATE.match(sql):
        return set(_QUOTED.findall(sql))
    return set()


def read_tables(sql):
    """The tables a statement reads from."""
    return set(_READ.findall(sql))


@contextlib.contextmanager
def recording():
    """Collect, in the yielded set, the tables read by this thread's statements (an outer
    recording gets them too)."""
    tables = set()
    token = _reads.set(tables)
    try:
        yield tables
    finally:
        _reads.reset(token)
        note(tables)


def note(names):
    """Count ``names`` as read by the current recording, if any (a row found in memory
    instead of the database: :mod:`.shared`)."""
    tables = _reads.get()
    if tables is not None:
        tables.update(names)


def _wrapper(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if not isinstance(sql, str):
        return result
    tables = _reads.get()
    if tables is not None:
        tables |= read_tables(sql)
    written = written_tables(sql) - UNTRACKED
    if written:
        from plugins.core.page_cache import versions

        versions.bump_after_commit(context["connection"], written)
    return result


def install(sender, connection, **kwargs):
    """``connection_created`` receiver: every new connection gets the wrapper once."""
    if _wrapper not in connection.execute_wrappers:
        connection.execute_wrappers.append(_wrapper)


def pending_callbacks(connection):
    """The callbacks waiting for ``connection``'s transaction to commit."""
    return [entry[1] for entry in connection.run_on_commit]


def on_commit(connection, callback):
    transaction.on_commit(callback, using=connection.alias, robust=True)
