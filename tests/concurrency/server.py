"""A real server on the test's own database, for tests of what happens when many requests
write at once: Django's development server (one thread per request) or gunicorn with several
worker processes (what production runs).

On SQLite the test database lives in memory: :func:`running_server` first copies it to a file
with SQLite's online backup, so the server and the test read the same data; on PostgreSQL
the server connects to the test database itself. Tests using it need committed data
(``transactional_db``).
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url(folder):
    if connection.vendor == "sqlite":
        import sqlite3

        path = Path(folder) / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}", path
    database = connection.settings_dict
    user, host, port = database["USER"], database["HOST"], database["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{database['NAME']}", None


@contextlib.contextmanager
def running_server(folder, workers=None):
    """Start the server (gunicorn with ``workers`` processes if given, else runserver);
    yield ``(base_url, sqlite_path or None)``; stop it."""
    url, path = _database_url(folder)
    port = _free_port()
    media = Path(folder) / "media"
    media.mkdir(exist_ok=True)
    env = {**os.environ, "DATABASE_URL": url, "PORTAL_TEST_MEDIA_ROOT": str(media),
           "DJANGO_SETTINGS_MODULE": "tests.concurrency.server_settings"}
    log = open(Path(folder) / "server.log", "wb")  # noqa: SIM115 - closed below
    if workers:
        command = [sys.executable, "-m", "gunicorn", "settings.wsgi:application",
                   "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    else:
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}",
                   "--noreload", "--skip-checks"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((Path(folder) / "server.log").read_text()) from None
                time.sleep(0.3)
        yield base, path
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
