"""How long an import of legal documents keeps other writers of an SQLite site waiting
(issue 14). Prints figures; not a test, not in CI.

    .venv/bin/python tests/benchmarks/bench_import_lock.py [--rows 100 200]

For each row count it builds a fresh SQLite site in a temporary folder (migrate, load_demo),
writes a CSV of that many documents, and runs ``import_legal_docs --publish`` in another
process while this one plays a colleague who signs in every half second (an update of
``auth_user.last_login``, as a login writes, through the site's own SQLite settings: WAL,
immediate transactions, a busy timeout). It prints the import's time, how long the
colleague's writes waited (p50, max) and how many failed with "database is locked".
"""

import argparse
import csv
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]


def manage(env, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)


def names(path):
    with sqlite3.connect(path) as db:
        doc_type = db.execute("SELECT name FROM legal_docs_documenttype LIMIT 1").fetchone()[0]
        body = db.execute("SELECT name FROM legal_docs_issuingbody LIMIT 1").fetchone()[0]
    return doc_type, body


def write_table(path, rows, doc_type, body):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Số ký hiệu", "Tiêu đề", "Loại văn bản", "Cơ quan ban hành",
                         "Ngày ban hành", "Trích yếu"])
        for number in range(1, rows + 1):
            writer.writerow([f"{number}/2026/QĐ-BENCH", f"Quyết định thử số {number} về "
                             "quản lý nhà nước về đầu tư", doc_type, body, "01/06/2026",
                             "Văn bản tạo ra để đo thời gian nhập."])


def colleague(path, timeout, stop, waits, failures):
    """Sign in every half second: one short write, waiting for the lock at most ``timeout``."""
    db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    while not stop.is_set():
        started = time.monotonic()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("UPDATE auth_user SET last_login = datetime('now') WHERE id = "
                       "(SELECT MIN(id) FROM auth_user)")
            db.execute("COMMIT")
            waits.append(time.monotonic() - started)
        except sqlite3.OperationalError:
            failures.append(time.monotonic() - started)
        time.sleep(0.5)
    db.close()


def run(rows):
    from plugins.core.sqlite import BUSY_TIMEOUT

    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        path = Path(folder) / "db.sqlite3"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.dev",
               "DATABASE_URL": f"sqlite:///{path}", "PORTAL_VAR_DIR": folder}
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        manage(env, "migrate", "-v0")
        manage(env, "load_demo")
        table = Path(folder) / "van-ban.csv"
        write_table(table, rows, *names(path))
        stop, waits, failures = threading.Event(), [], []
        thread = threading.Thread(target=colleague,
                                  args=(path, BUSY_TIMEOUT, stop, waits, failures))
        thread.start()
        started = time.monotonic()
        manage(env, "import_legal_docs", str(table), "--publish")
        took = time.monotonic() - started
        stop.set()
        thread.join()
    waited = sorted(waits + failures)
    print(f"{rows:5d} rows: import {took:6.1f} s; colleague's sign-ins: {len(waited)}, "
          f"wait p50 {statistics.median(waited):.2f} s, max {waited[-1]:.1f} s, "
          f"failed {len(failures)} (busy timeout {BUSY_TIMEOUT} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100, 200])
    for rows in parser.parse_args().rows:
        run(rows)


if __name__ == "__main__":
    main()
