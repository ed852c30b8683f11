"""Benchmark of the legal-document library's search (issue 3). Prints figures; not a test.

    .venv/bin/python tests/benchmarks/bench_legal_docs.py [--count 100000] [--runs 60]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python tests/benchmarks/...

It builds a separate database (var/bench.sqlite3 unless DATABASE_URL is set), generates
realistic documents (titles and summaries from Vietnamese legal vocabulary; a spread of
types, issuers, fields and years), indexes them, then measures p50/p95 of: the faceted
search for a two-word query typed without accents; the same words through Django
``icontains`` on title and summary; Wagtail's database search backend; the facet counts
alone; the detail page.
"""

import argparse
import datetime
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

SUBJECTS = [
    "quản lý nhà nước về đầu tư", "bảo vệ môi trường", "cải cách thủ tục hành chính",
    "ứng dụng công nghệ thông tin", "công tác văn thư lưu trữ", "phòng cháy chữa cháy",
    "quản lý lao động nước ngoài", "quy hoạch xây dựng", "đối thoại doanh nghiệp",
    "thực hành tiết kiệm chống lãng phí", "chuyển đổi số", "dịch vụ công trực tuyến",
    "an toàn thực phẩm", "giải phóng mặt bằng", "xúc tiến đầu tư", "quản lý đất đai",
    "thu ngân sách nhà nước", "phát triển hạ tầng giao thông", "an toàn lao động",
    "xử lý nước thải tập trung", "đào tạo bồi dưỡng cán bộ", "thi đua khen thưởng",
]
OPENINGS = {
    "QĐ": "Quyết định ban hành quy chế", "NQ": "Nghị quyết về", "CT": "Chỉ thị về tăng cường",
    "KH": "Kế hoạch triển khai", "TB": "Thông báo kết luận về", "HD": "Hướng dẫn thực hiện",
    "NĐ": "Nghị định quy định chi tiết về", "TT": "Thông tư hướng dẫn",
}
PLACES = ["Tiền Giang", "Lào Cai", "Bình Định", "Kon Tum", "Gia Lai", "Cần Thơ", "Đồng Nai"]
QUERIES = ["moi truong", "dau tu", "van thu", "chuyen doi", "thu tuc", "xay dung",
           "lao dong", "ha tang", "cong nghe", "tiet kiem", "dat dai", "khen thuong"]


def setup_django():
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.dev"
    import django

    django.setup()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(label, runs, call):
    times = []
    for index in range(runs):
        start = time.perf_counter()
        call(index)
        times.append((time.perf_counter() - start) * 1000)
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    print(f"{label:<48} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms")
    return times


def generate(count, rng):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page, Site

    from plugins.core.models import Agency
    from plugins.legal_docs.models import (
        DocumentType,
        IssuerLevel,
        IssuingBody,
        LegalDocumentIndexPage,
        LegalDocumentPage,
        LegalField,
    )
    from plugins.legal_docs.status import Status

    site = Site.objects.get(is_default_site=True)
    agency, _ = Agency.objects.get_or_create(symbol="BENCH", defaults={
        "name": "Cơ quan đo hiệu năng", "site": site})
    types = [DocumentType.objects.get_or_create(code=code, defaults={"name": name.split()[0]})[0]
             for code, name in OPENINGS.items()]
    issuers = [IssuingBody.objects.get_or_create(
        name=f"Ủy ban nhân dân tỉnh {place}",
        defaults={"abbreviation": "UBND", "level": IssuerLevel.PROVINCIAL})[0] for place in PLACES]
    fields = [LegalField.objects.get_or_create(name=name)[0] for name in
              ["Đầu tư", "Môi trường", "Xây dựng", "Lao động", "Công nghệ thông tin",
               "Nội vụ", "Tài chính", "Đất đai"]]
    library = LegalDocumentIndexPage.objects.first()
    if library is None:
        library = LegalDocumentIndexPage(title="Văn bản", slug="van-ban-bench")
        site.root_page.add_child(instance=library)
    existing = LegalDocumentPage.objects.child_of(library).count()
    if existing >= count:
        return library
    page_ct = ContentType.objects.get_for_model(LegalDocumentPage)
    base_path = library.path
    statuses = [Status.IN_FORCE] * 6 + [Status.EXPIRED, Status.PARTLY_EXPIRED, Status.NOT_YET]
    through = LegalDocumentPage.legal_fields.through
    batch = 2000
    start = time.perf_counter()
    for offset in range(existing, count, batch):
        with transaction.atomic():
            pages, children, links = [], [], []
            for index in range(offset, min(count, offset + batch)):
                code = rng.choice(list(OPENINGS))
                doc_type = types[list(OPENINGS).index(code)]
                year = rng.randint(2005, 2026)
                place = rng.choice(PLACES)
                subject = rng.choice(SUBJECTS)
                other = rng.choice(SUBJECTS)
                title = f"{OPENINGS[code]} {subject} trên địa bàn tỉnh {place}"
                number = f"{index + 1:02d}/{year}/{code}-UBND"
                path = Page._get_path(base_path, library.depth + 1, index + 1)
                page = Page(
                    title=title, slug=f"vb-{index + 1}", content_type=page_ct, path=path,
                    depth=library.depth + 1, numchild=0, live=True, has_unpublished_changes=False,
                    url_path=f"{library.url_path}vb-{index + 1}/", locale_id=library.locale_id,
                    first_published_at=datetime.datetime(year, 6, 1, tzinfo=datetime.UTC),
                    last_published_at=datetime.datetime(year, 6, 1, tzinfo=datetime.UTC),
                    draft_title=title,
                )
                pages.append(page)
                issue = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
                children.append(dict(
                    number=number, number_key=number.lower().replace("đ", "d"),
                    doc_type=doc_type, issuing_body=rng.choice(issuers), issue_date=issue,
                    effective_date=issue, summary=f"{title}; gắn với {other} giai đoạn "
                    f"{year}-{year + 5}.", body=f"<p>{title}. Nội dung về {other}.</p>",
                    status=rng.choice(statuses), agency=agency, signer_name="Nguyễn Văn A",
                ))
                links.append(rng.sample(fields, k=rng.randint(1, 2)))
            Page.objects.bulk_create(pages)
            objs = []
            for page, values in zip(pages, children, strict=True):
                child = LegalDocumentPage(page_ptr_id=page.pk, **values)
                child.__dict__.update({f.attname: getattr(page, f.attname)
                                       for f in Page._meta.concrete_fields})
                objs.append(child)
            local = [f for f in LegalDocumentPage._meta.local_concrete_fields]
            LegalDocumentPage.objects._insert(objs, fields=local, raw=True)
            through.objects.bulk_create(
                through(legaldocumentpage_id=page.pk, legalfield_id=field.pk)
                for page, chosen in zip(pages, links, strict=True) for field in chosen
            )
        print(f"  generated {min(count, offset + batch):>7} documents "
              f"({time.perf_counter() - start:.0f} s)", flush=True)
    Page.objects.filter(pk=library.pk).update(numchild=count)
    connection.close()
    return library


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--skip-wagtail-index", action="store_true")
    parser.add_argument("--wagtail-runs", type=int, default=3,
                        help="Wagtail's database backend can take minutes per query")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Q
    from django.test import Client

    from plugins.core.models import SearchEntry
    from plugins.core.search import documents
    from plugins.core.search.engine import SearchRequest, search
    from plugins.legal_docs.library import FACETS
    from plugins.legal_docs.models import LegalDocumentPage

    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL'].split('@')[-1]})")
    call_command("migrate", verbosity=0)
    rng = random.Random(42)
    library = generate(args.count, rng)
    pages = LegalDocumentPage.objects.child_of(library)
    total = pages.count()
    print(f"documents: {total}")
    if SearchEntry.objects.count() < total:
        start = time.perf_counter()
        indexed = documents.reindex(
            pages.select_related("issuing_body").prefetch_related("legal_fields")
        )
        print(f"core search index: {indexed} documents in {time.perf_counter() - start:.0f} s")
    with connection.cursor() as cursor:  # fresh statistics after a bulk load
        cursor.execute("ANALYZE")
    if not args.skip_wagtail_index:
        from wagtail.search.models import IndexEntry

        # Creating the site's pages indexed a few already: compare with the documents.
        if IndexEntry.objects.count() < total:
            start = time.perf_counter()
            call_command("update_index", verbosity=0)
            print(f"wagtail database search index built in {time.perf_counter() - start:.0f} s")

    runs = args.runs
    queries = [QUERIES[i % len(QUERIES)] for i in range(runs)]
    hits = {}

    def faceted(i):
        result = search(SearchRequest(model=LegalDocumentPage, query=queries[i],
                                      facet_names=FACETS, per_page=20))
        hits.setdefault("faceted", result.total)

    def facets_only(i):
        search(SearchRequest(model=LegalDocumentPage, query="", facet_names=FACETS, per_page=1))

    def icontains(i):
        words = queries[i].split()
        condition = Q()
        for word in words:
            condition &= Q(title__icontains=word) | Q(summary__icontains=word)
        queryset = LegalDocumentPage.objects.filter(condition)
        count = queryset.count()
        list(queryset.order_by("-issue_date")[:20])
        hits.setdefault("icontains", count)

    def wagtail_search(i):
        result = LegalDocumentPage.objects.live().search(queries[i], operator="and")
        list(result[:20])
        hits.setdefault("wagtail", result.count())

    client = Client(HTTP_HOST="localhost")
    sample = list(pages.order_by("?").values_list("url_path", flat=True)[:runs])
    root = library.get_site().root_page.url_path

    def detail(i):
        response = client.get("/" + sample[i % len(sample)][len(root):])
        assert response.status_code == 200, response.status_code

    from django.contrib.contenttypes.models import ContentType

    from plugins.core.search import snapshot
    from plugins.core.search.backends import get_search_backend

    gc.collect()  # what generating and indexing left behind is no server's garbage
    start = time.perf_counter()
    snapshot.current(ContentType.objects.get_for_model(LegalDocumentPage).pk,
                     get_search_backend())
    print(f"snapshot of the index loaded in {(time.perf_counter() - start) * 1000:.0f} ms "
          "(once per process, and after each change to the index)")
    print(f"\n{runs} runs each, queries such as {queries[:3]}")
    fast = measure("faceted search (core, 5 facets, 20 hits)", runs, faceted)
    slow = measure("Django icontains on title + summary", runs, icontains)
    if args.wagtail_runs:
        measure(f"Wagtail database search backend ({args.wagtail_runs} runs)",
                args.wagtail_runs, wagtail_search)
    measure("facet counts alone (no query)", runs, facets_only)
    measure("detail page (Django test client)", runs, detail)
    ratio = percentile(slow, 0.95) / percentile(fast, 0.95)
    ratio50 = statistics.median(slow) / statistics.median(fast)
    print(f"\nicontains / faceted search: {ratio50:.1f}x at p50, {ratio:.1f}x at p95")
    print(f"matches for {queries[0]!r}: core search {hits.get('faceted')}, "
          f"icontains {hits.get('icontains')} (icontains cannot match unaccented words), "
          f"Wagtail database backend {hits.get('wagtail', 'not run')}")


if __name__ == "__main__":
    main()
