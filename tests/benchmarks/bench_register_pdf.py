"""How long the day's register takes to print as a PDF (R-EO-9: 200 rows in at most 2 s).
Prints figures; not a test, not in CI.

    .venv/bin/python tests/benchmarks/bench_register_pdf.py [--rows 200] [--runs 5]

It renders an incoming register of ``--rows`` documents of one day, with Vietnamese senders
and long trích yếu, through the same code as the admin's view (HTML template, WeasyPrint),
in Vietnamese. The rows are built in memory: reading them costs two queries whatever their
number (tests/eoffice/test_reports.py proves it), so the time is the PDF's. The first run
includes WeasyPrint's start (fonts); the others are what a clerk waits for on a warm server.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

SENDERS = ["UBND tỉnh Tiền Giang", "Sở Kế hoạch và Đầu tư tỉnh Tiền Giang",
           "Bộ Kế hoạch và Đầu tư", "Công ty TNHH Điện tử Việt Hưng",
           "Sở Tài nguyên và Môi trường tỉnh Tiền Giang"]
SUBJECTS = ["UBND tỉnh mời họp ngày 12/3/2026 về việc giải phóng mặt bằng Khu công nghiệp "
            "Long Giang và tiến độ bồi thường, hỗ trợ tái định cư cho các hộ dân bị ảnh hưởng",
            "Đề nghị góp ý dự thảo Quyết định ban hành Quy chế phối hợp quản lý nhà nước đối "
            "với các khu công nghiệp trên địa bàn tỉnh",
            "Báo cáo tình hình thực hiện dự án đầu tư quý I năm 2026"]


def table(rows):
    from plugins.core.models import Agency
    from plugins.eoffice.documents.models import Register, RegisterKind
    from plugins.eoffice.documents.reports.register_rows import INCOMING_COLUMNS, RegisterTable

    day = datetime.date(2026, 3, 10)
    register = Register(agency=Agency(name="Ban Quản lý các Khu công nghiệp Tiền Giang"),
                        kind=RegisterKind.INCOMING, name="Sổ văn bản đến")
    data = [[day, number, SENDERS[number % len(SENDERS)], f"{number:02d}/UBND-KT",
             day - datetime.timedelta(days=1 + number % 5),
             f"Giấy mời — {SUBJECTS[number % len(SUBJECTS)]}",
             "Phòng Quản lý đầu tư; Nguyễn Văn Hưng" if number % 3 else "",
             day if number % 3 else None, "", "Khẩn" if number % 7 == 0 else ""]
            for number in range(1, rows + 1)]
    return RegisterTable(register, day, day, INCOMING_COLUMNS, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.utils import translation
    from pypdf import PdfReader

    from plugins.eoffice.documents.reports import register_pdf

    report = table(args.rows)
    times, cpu = [], []
    with translation.override("vi"):
        for _run in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            content = register_pdf.render(report)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    import io

    pages = len(PdfReader(io.BytesIO(content)).pages)
    warm = times[1:] or times
    print(f"rows={args.rows} pages={pages} size={len(content) // 1024} KiB")
    print(f"first run (cold) {times[0]:.2f} s; warm: median {statistics.median(warm):.2f} s, "
          f"max {max(warm):.2f} s over {len(warm)} runs")
    print(f"CPU time of this process: median {statistics.median(cpu[1:] or cpu):.2f} s "
          f"(wall time exceeds it when the machine is busy: load {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs)")
    print("within 2 s" if max(warm) <= 2 else "SLOWER than 2 s (wall time, warm)")


if __name__ == "__main__":
    main()
