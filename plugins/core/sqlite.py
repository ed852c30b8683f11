"""SQLite that survives a small office's concurrent writes (R-SEC-3).

Out of the box Django's SQLite turns two requests writing at once into "database is locked"
errors: a transaction starts as a reader and fails, without waiting, when it needs to write
while another holds the write lock. :func:`tuned` gives a database setting what a
multi-user site needs:

- WAL journal: readers never wait for the writer, nor the writer for readers;
- ``BEGIN IMMEDIATE`` transactions: a transaction that may write takes the write lock when
  it starts, so it waits its turn (``timeout``) instead of failing half-way;
- ``synchronous=NORMAL``: durable at each checkpoint, the usual pairing with WAL.

Writers still take turns, one at a time: a site with many editors or several application
servers uses PostgreSQL (README, "Where PostgreSQL is needed").
"""

BUSY_TIMEOUT = 20  # seconds a writer waits for its turn before giving up


def tuned(database):
    """``database`` (one entry of ``DATABASES``) with the options above when it is SQLite."""
    if database.get("ENGINE") != "django.db.backends.sqlite3":
        return database
    options = {
        "transaction_mode": "IMMEDIATE",
        "timeout": BUSY_TIMEOUT,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **database.get("OPTIONS", {}),
    }
    return {**database, "OPTIONS": options}
