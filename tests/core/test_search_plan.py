"""PostgreSQL reads a broad search through the GIN index with its default settings.

A broad query (a large share of the entries) must not become a sequential scan testing every
entry: with the default ``random_page_cost = 4`` the planner chose one when it read the
tsquery, which cost the 100,000-document benchmark its p95 (docs/search.md, "PostgreSQL's
plan of a broad query"). The backend's statements hand it the tsquery as a subquery.
"""

import random

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from plugins.core.models import SearchEntry, Unit
from plugins.core.search.backends.postgresql import PostgreSQLSearchBackend
from plugins.core.search.query import parse_query

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="the plan of PostgreSQL's full-text match")

SUBJECTS = ["quan ly nha nuoc ve dau tu", "bao ve moi truong", "cai cach thu tuc hanh chinh",
            "quan ly lao dong nuoc ngoai", "quy hoach xay dung", "chuyen doi so",
            "an toan lao dong", "xu ly nuoc thai tap trung", "dao tao cong nhan lao dong"]


def _plan(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db
def test_R_LD_4_a_broad_query_reads_the_index_not_every_entry():
    """R-LD-4: the match of a broad query ("lao dong", in 4,191 of 6,000 entries)
    is a bitmap scan of core_search_vector_gin with the server's default costs."""
    rng = random.Random(4)
    content_type = ContentType.objects.get_for_model(Unit)
    SearchEntry.objects.bulk_create(
        SearchEntry(
            content_type=content_type, object_id=pk,
            title=f"ke hoach {rng.choice(SUBJECTS)} tren dia ban tinh",
            summary=f"ke hoach {rng.choice(SUBJECTS)} giai doan 2021 2025 " * 3,
            body=f"noi dung ve {rng.choice(SUBJECTS)} " * 8,
        )
        for pk in range(1, 6001)
    )
    with connection.cursor() as cursor:
        # What autovacuum does after a bulk load: the GIN index's pending list merged, the
        # table's statistics taken.
        cursor.execute("SELECT gin_clean_pending_list('core_search_vector_gin')")
        cursor.execute("ANALYZE core_searchentry")
        # PostgreSQL's built-in costs, whatever this server was tuned to (for the test's
        # transaction only).
        for setting, value in (("random_page_cost", "4"), ("seq_page_cost", "1"),
                               ("cpu_tuple_cost", "0.01"), ("cpu_operator_cost", "0.0025"),
                               ("enable_seqscan", "on"), ("enable_bitmapscan", "on")):
            cursor.execute(f"SET LOCAL {setting} = {value}")
    backend = PostgreSQLSearchBackend({"BACKEND": "database"})
    parsed = parse_query("lao động")
    with CaptureQueriesContext(connection) as captured:
        ids = backend.match(content_type.pk, parsed)
        tiered, _tiers = backend._match_with_tiers(content_type.pk, parsed)
    words = "lao dong"
    expected = SearchEntry.objects.filter(
        Q(title__contains=words) | Q(summary__contains=words) | Q(body__contains=words),
        content_type=content_type,
    ).count()
    assert len(ids) == len(tiered) == expected > 1000

    for query in captured.captured_queries:  # the match, and the match telling the tiers
        plan = _plan(query["sql"])
        assert "Bitmap Index Scan on core_search_vector_gin" in plan, plan
        assert "Seq Scan" not in plan, plan
    # With the tsquery as a literal, PostgreSQL 15 plans this very statement as a sequential
    # scan: it costs both ways within 0.1 % of each other (903.0 against 903.6), as it does at
    # 100,000 entries, where the scan is three times slower. Not asserted: a tie can go either
    # way with the next version's costs.
