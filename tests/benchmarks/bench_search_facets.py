"""Does the in-process facet snapshot earn its place? Prints figures; not a test (issue 16).

    .venv/bin/python tests/benchmarks/bench_search_facets.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python tests/benchmarks/bench_search_facets.py

Options: ``--sizes 5000 20000 100000`` ``--runs 40`` ``--seconds 20`` ``--sql-seconds 10``
``--workers 4``. About five minutes a database.
It uses its own database (var/bench_facets.sqlite3 unless DATABASE_URL is set; a missing
PostgreSQL database is created) and synthetic index entries of core.Unit (bulk inserts;
five facets like the legal documents': type, year, field with one or two values, issuer,
status). At each size it prints:

(a) facet counting, p50/p95: through the snapshot (the full-text match in SQL, then the
    counts on the arrays: what the database backends do) against one SQL statement that
    groups the matches' facet rows; for a broad query, a narrow one and browsing with
    filters; with the whole ``search()`` (page and five facets) for scale;
(b) the snapshot's memory: the nbytes of its arrays, and what tracemalloc saw a load keep;
(c) its reload time after one change;
(d) searches (a mix of the three) in ``--workers`` processes for ``--seconds`` while another
    process changes one entry a second: p50/p95, and how many searches paid a reload;
    then the same stream for ``--sql-seconds`` with the facets counted in SQL (no snapshot
    to reload).
"""

import argparse
import datetime
import multiprocessing
import os
import random
import statistics
import sys
import time
import tracemalloc
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

SUBJECTS = [
    "quan ly nha nuoc ve dau tu", "bao ve moi truong", "cai cach thu tuc hanh chinh",
    "ung dung cong nghe thong tin", "cong tac van thu luu tru", "phong chay chua chay",
    "quan ly lao dong nuoc ngoai", "quy hoach xay dung", "doi thoai doanh nghiep",
    "thuc hanh tiet kiem chong lang phi", "chuyen doi so", "dich vu cong truc tuyen",
    "an toan thuc pham", "giai phong mat bang", "xuc tien dau tu", "quan ly dat dai",
    "thu ngan sach nha nuoc", "phat trien ha tang giao thong", "an toan lao dong",
    "xu ly nuoc thai tap trung", "dao tao boi duong can bo", "thi dua khen thuong",
]
OPENINGS = {"QĐ": "quyet dinh ban hanh quy che", "NQ": "nghi quyet ve", "CT": "chi thi ve",
            "KH": "ke hoach trien khai", "TB": "thong bao ket luan ve", "HD": "huong dan",
            "NĐ": "nghi dinh quy dinh", "TT": "thong tu huong dan"}
PLACES = ["tien giang", "lao cai", "binh dinh", "kon tum", "gia lai", "can tho", "dong nai"]
FIELDS = ["Đầu tư", "Môi trường", "Xây dựng", "Lao động", "Công nghệ thông tin", "Nội vụ",
          "Tài chính", "Đất đai"]
STATUSES = ["Còn hiệu lực"] * 6 + ["Hết hiệu lực", "Hết hiệu lực một phần", "Chưa có hiệu lực"]
FACETS = ("type", "year", "field", "issuer", "status")
# (label, query, filters): a broad query (about a third of the entries), a narrow one
# (about one in a hundred), browsing a type and two years (about one in forty).
CASES = [
    ("broad query 'quan ly'", "quan ly", {}),
    ("narrow query 'nuoc thai can tho'", "nuoc thai can tho", {}),
    ("browse type=KH year=2024|2025", "", {"type": ["KH"], "year": ["2024", "2025"]}),
]


def setup_django():
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_facets.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.dev"
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        _create_postgres_database(url)
    import django

    django.setup()


def _create_postgres_database(url):
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def p50_p95(times):
    return f"p50 {statistics.median(times):8.2f} ms   p95 {percentile(times, 0.95):8.2f} ms"


def timed(call):
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


# --- Data ----------------------------------------------------------------------------------


def content_type_id():
    from django.contrib.contenttypes.models import ContentType

    from plugins.core.models import Unit

    return ContentType.objects.get_for_model(Unit).pk


def clear(ct):
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_searchfacet WHERE content_type_id = %s", [ct])
        cursor.execute("DELETE FROM core_searchentry WHERE content_type_id = %s", [ct])


def grow(ct, start, count, rng):
    """Entries ``start`` … ``count - 1`` (object ids), their facets, a new index token."""
    from django.db import connection, transaction

    from plugins.core.models import Unit
    from plugins.core.search import documents

    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM core_searchentry")
        next_id = cursor.fetchone()[0] + 1
    batch = 5000
    for offset in range(start, count, batch):
        entries, facets = [], []
        for number in range(offset, min(count, offset + batch)):
            code = rng.choice(list(OPENINGS))
            year = rng.randint(2005, 2026)
            place, subject, other = (rng.choice(PLACES), rng.choice(SUBJECTS),
                                     rng.choice(SUBJECTS))
            title = f"{number + 1} {year} {OPENINGS[code]} {subject} tren dia ban tinh {place}"
            date = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
            pk = next_id + number - start
            entries.append((pk, ct, number + 1, title, f"gan voi {other} giai doan {year}",
                            f"noi dung ve {other} va {subject}", "", date))
            values = [("type", code), ("year", str(year)), ("issuer", f"UBND tỉnh {place}"),
                      ("status", rng.choice(STATUSES))]
            values += [("field", field) for field in rng.sample(FIELDS, k=rng.randint(1, 2))]
            facets += [(pk, ct, name, value) for name, value in values]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO core_searchentry (id, content_type_id, object_id, title, summary, "
                "body, number_key, date) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", entries)
            cursor.executemany(
                "INSERT INTO core_searchfacet (entry_id, content_type_id, name, value) "
                "VALUES (%s, %s, %s, %s)", facets)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence('core_searchentry', 'id'), "
                           "(SELECT MAX(id) FROM core_searchentry))")
        cursor.execute("ANALYZE")
        documents.touch(Unit)


# --- Facet counting in SQL -----------------------------------------------------------------


def sql_facet_counts(ct, parsed, filters, facet_names):
    """``{name: [(value, count), …]}`` over the matches, in one SQL statement (the matches'
    facet rows grouped), sorted as the snapshot sorts them."""
    from django.db import connection

    from plugins.core.search.backends.postgresql import tsquery
    from plugins.core.search.query import to_fts5

    where, params = ["e.content_type_id = %s"], [ct]
    if not parsed.is_empty:
        if connection.vendor == "postgresql":
            where.append("e.search_vector @@ %s::tsquery")
            params.append(tsquery(parsed))
        else:
            where.append("e.id IN (SELECT rowid FROM core_search_fts "
                         "WHERE core_search_fts MATCH %s)")
            params.append(to_fts5(parsed))
    for name, values in filters.items():
        where.append("e.id IN (SELECT entry_id FROM core_searchfacet WHERE content_type_id = %s "
                     f"AND name = %s AND value IN ({', '.join(['%s'] * len(values))}))")
        params += [ct, name, *values]
    names = ", ".join(["%s"] * len(facet_names))
    sql = ("SELECT f.name, f.value, COUNT(*) FROM core_searchentry e "
           "JOIN core_searchfacet f ON f.entry_id = e.id "
           f"WHERE {' AND '.join(where)} AND f.name IN ({names}) GROUP BY f.name, f.value")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *facet_names])
        rows = cursor.fetchall()
    counts = {name: [] for name in facet_names}
    for name, value, count in rows:
        counts[name].append((value, count))
    for pairs in counts.values():
        pairs.sort(key=lambda pair: (-pair[1], pair[0]))
    return counts


def snapshot_facet_counts(backend, ct, parsed, filters, facet_names):
    """The same counts the database backends give: the match in SQL, the rest on arrays."""
    import numpy as np

    from plugins.core.search import snapshot

    index = snapshot.current(ct, backend)
    mask = index.filter_mask(filters=filters)
    if not parsed.is_empty:
        mask &= index.mask_of(backend.match(ct, parsed))
    hits = np.flatnonzero(mask)
    return {name: index.counts(name, hits) for name in facet_names}


# --- Measures ------------------------------------------------------------------------------


def measure_counting(ct, runs):
    from plugins.core.models import Unit
    from plugins.core.search.backends import get_search_backend
    from plugins.core.search.engine import SearchRequest, search
    from plugins.core.search.query import parse_query

    backend = get_search_backend()
    print("(a) facet counts of five facets")
    for label, query, filters in CASES:
        parsed = parse_query(query)
        by_snapshot = snapshot_facet_counts(backend, ct, parsed, filters, FACETS)
        by_sql = sql_facet_counts(ct, parsed, filters, FACETS)
        assert by_snapshot == by_sql, f"the two ways disagree on {label}"
        matches = sum(count for _, count in by_sql["type"])
        times = {"snapshot": [], "sql": [], "search": []}
        ways = {
            "snapshot": partial(snapshot_facet_counts, backend, ct, parsed, filters, FACETS),
            "sql": partial(sql_facet_counts, ct, parsed, filters, FACETS),
            "search": partial(search, SearchRequest(model=Unit, query=query, filters=filters,
                                                    facet_names=FACETS)),
        }
        for _ in range(runs):  # interleaved: the same conditions for each way
            for way, call in ways.items():
                times[way].append(timed(call)[0])
        print(f"  {label} ({matches} matches)")
        print(f"    snapshot (match in SQL + arrays)  {p50_p95(times['snapshot'])}")
        print(f"    SQL GROUP BY over facet rows      {p50_p95(times['sql'])}")
        print(f"    whole search() (page + facets)    {p50_p95(times['search'])}")


def snapshot_bytes(index):
    arrays = [index.entry_ids, index.object_ids, index.agency_ids, index.dates, index._slots]
    for facet in index.facets.values():
        arrays += [facet.rows, facet.codes, facet.layers]
    return sum(array.nbytes for array in arrays)


def measure_memory_and_reload(ct, runs):
    import gc

    from plugins.core.models import SearchFacet, Unit
    from plugins.core.search import documents, snapshot
    from plugins.core.search.backends import get_search_backend

    backend = get_search_backend()
    snapshot.forget()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = snapshot.current(ct, backend)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"(b) snapshot memory: arrays {snapshot_bytes(index) / 2**20:.1f} MiB; "
          f"tracemalloc: {(kept - before) / 2**20:.1f} MiB kept, "
          f"{(peak - before) / 2**20:.1f} MiB peak while loading")
    facet = SearchFacet.objects.filter(content_type_id=ct, name="status").first()
    reloads = []
    for index_run in range(min(runs, 20)):
        SearchFacet.objects.filter(pk=facet.pk).update(value=STATUSES[index_run % 3 + 6])
        documents.touch(Unit)
        reloads.append(timed(lambda: snapshot.current(ct, backend))[0])
    print(f"(c) reload after one change            {p50_p95(reloads)}")


def _worker(mode, seconds, seed, queue):
    from django.db import connections

    connections.close_all()
    from plugins.core.models import Unit
    from plugins.core.search import snapshot
    from plugins.core.search.backends import get_search_backend
    from plugins.core.search.engine import SearchRequest, search
    from plugins.core.search.query import parse_query

    ct = content_type_id()
    backend = get_search_backend()
    snapshot.current(ct, backend)  # a warm process, as a server's
    rng = random.Random(seed)
    times, reloaded, end = [], [], time.monotonic() + seconds
    while time.monotonic() < end:
        _label, query, filters = rng.choice(CASES)
        held = snapshot._snapshots.get(("default", ct))
        if mode == "snapshot":
            call = partial(search, SearchRequest(model=Unit, query=query, filters=filters,
                                                 facet_names=FACETS))
        else:
            call = partial(sql_facet_counts, ct, parse_query(query), filters, FACETS)
        elapsed, _ = timed(call)
        times.append(elapsed)
        reloaded.append(snapshot._snapshots.get(("default", ct)) is not held)
    queue.put((times, reloaded))


def _editor(seconds, queue):
    from django.db import connections, transaction

    connections.close_all()
    from plugins.core.models import SearchFacet, Unit
    from plugins.core.search import documents

    ct = content_type_id()
    ids = list(SearchFacet.objects.filter(content_type_id=ct, name="status")
               .values_list("pk", flat=True)[:1000])
    rng, edits, end = random.Random(1), 0, time.monotonic() + seconds
    while time.monotonic() < end:
        with transaction.atomic():
            SearchFacet.objects.filter(pk=rng.choice(ids)).update(value=rng.choice(STATUSES))
            documents.touch(Unit)
        edits += 1
        time.sleep(1)
    queue.put(edits)


def measure_under_edits(mode, workers, seconds):
    from django.db import connections

    connections.close_all()  # no connection shared with the children
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    processes = [context.Process(target=_worker, args=(mode, seconds, seed, queue))
                 for seed in range(workers)]
    processes.append(context.Process(target=_editor, args=(seconds, queue)))
    for process in processes:
        process.start()
    results = [queue.get() for _ in processes]
    for process in processes:
        process.join()
    edits = next(result for result in results if isinstance(result, int))
    runs = [result for result in results if not isinstance(result, int)]
    times = [t for result in runs for t in result[0]]
    paid = [t for result in runs for t, r in zip(*result, strict=True) if r]
    free = [t for result in runs for t, r in zip(*result, strict=True) if not r]
    label = ("whole search() on the snapshot" if mode == "snapshot"
             else "facet counts in SQL")
    print(f"    {label:<34}{p50_p95(times)}   {len(times)} searches")
    if mode == "snapshot":
        share = 100 * len(paid) / max(1, len(times))
        print(f"      {edits} edits; {len(paid)} searches ({share:.1f}%) paid a reload")
        print(f"      searches without a reload         {p50_p95(free)}")
        if paid:
            print(f"      searches that paid a reload       {p50_p95(paid)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000, 100_000])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--sql-seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL'].split('@')[-1]}), "
          f"{os.cpu_count()} CPUs")
    call_command("migrate", verbosity=0)
    ct = content_type_id()
    clear(ct)
    rng, size = random.Random(16), 0
    for target in sorted(args.sizes):
        elapsed, _ = timed(lambda: grow(ct, size, target, rng))  # noqa: B023
        size = target
        print(f"\n=== {size} entries (generated in {elapsed / 1000:.0f} s) ===")
        measure_counting(ct, args.runs)
        measure_memory_and_reload(ct, args.runs)
        print(f"(d) {args.workers} processes searching for {args.seconds} s, "
              "one change a second by another")
        measure_under_edits("snapshot", args.workers, args.seconds)
        measure_under_edits("sql", args.workers, args.sql_seconds)


if __name__ == "__main__":
    main()
