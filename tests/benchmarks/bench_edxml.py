"""How long an edXML package takes to write and to read back with its attachments, and the
peak memory it needs (issue 18: packages up to the 100 MB limit). Prints figures; not a
test, not in CI.

    .venv/bin/python tests/benchmarks/bench_edxml.py [--sizes 1 10 50 90] [--runs 3]

Each size is one PDF-like attachment of that many MB (random bytes, which base64 grows by a
third); "write" is build() (lxml, schema check included), "read" is read() (parse, schema,
strict base64 decoding), as the sending and receiving services call them.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50, 90])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from plugins.eoffice.exchange.edxml.build import build
    from plugins.eoffice.exchange.edxml.package import Attachment, Organ, Package
    from plugins.eoffice.exchange.edxml.read import read

    print(f"{'MB':>5} {'package MB':>10} {'write s (median)':>17} {'read s (median)':>16} "
          f"{'peak MB write':>13} {'peak MB read':>12}")
    for size in args.sizes:
        content = os.urandom(int(size * 1024 * 1024))
        package = Package(
            sender=Organ("000.35.31.H60", "Ban Quản lý các Khu công nghiệp Tiền Giang"),
            recipients=(Organ("000.11.31.H29", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai"),),
            code_number="15", code_notation="QĐ-BQL",
            promulgation_date=datetime.date(2026, 12, 1),
            subject="Quyết định phê duyệt danh mục dự án kêu gọi đầu tư năm 2026",
            type_name="Quyết định", attachments=(Attachment("ho-so.pdf", content),))
        writes, reads = [], []
        for _run in range(args.runs):
            start = time.perf_counter()
            data = build(package)
            writes.append(time.perf_counter() - start)
            start = time.perf_counter()
            back = read(data)
            reads.append(time.perf_counter() - start)
            assert back.attachments[0].content == content
        tracemalloc.start()
        data = build(package)
        write_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        read(data)
        read_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{size:>5g} {len(data) / 2**20:>10.1f} {statistics.median(writes):>17.2f} "
              f"{statistics.median(reads):>16.2f} {write_peak / 2**20:>13.0f} "
              f"{read_peak / 2**20:>12.0f}")


if __name__ == "__main__":
    main()
