"""The search golden queries extended to procedures (R-PR-5: searchable and filterable like
legal documents), on the database in use (SQLite FTS5 or PostgreSQL) and on osmem-server,
through the same ``backend`` fixture as tests/core/test_search_engine.py."""

import pytest

from plugins.core.search.engine import SearchRequest, search
from plugins.procedures.listing import FACETS
from plugins.procedures.models import ProcedurePage
from tests.core.test_search_engine import backend  # noqa: F401 - the three-backend fixture

from .conftest import make_index

pytestmark = pytest.mark.django_db

CORPUS = [
    # (code, title, values)
    ("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư",
     {"fields": [("", "Đầu tư tại Việt Nam")], "online": 4}),
    ("1.009648", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
     {"fields": [("", "Đầu tư tại Việt Nam")], "online": 4}),
    ("2.000205", "Cấp giấy phép lao động cho người lao động nước ngoài",
     {"fields": [("", "Việc làm")], "online": 3,
      "requirements": "Đủ 18 tuổi, có đủ sức khỏe."}),
    ("1.009972", "Cấp giấy phép xây dựng công trình trong khu công nghiệp",
     {"fields": [("", "Hoạt động xây dựng")], "online": 2, "levels": ["province", "district"],
      "implementing_body": "Sở Xây dựng"}),
    ("1.010727", "Cấp giấy phép môi trường",
     {"fields": [("", "Môi trường")], "online": 3, "related_codes": ["2.000205"]}),
    ("2.000575", "Cấp Giấy chứng nhận xuất xứ hàng hóa (C/O)",
     {"fields": [("", "Xuất nhập khẩu")], "online": 4,
      "steps": [{"case": "", "steps": ["Khai báo trên Hệ thống eCoSys của Bộ Công Thương."]}]}),
    ("1.004975", "Cấp Giấy chứng nhận đầu tư (đã bãi bỏ)",
     {"fields": [("", "Đầu tư tại Việt Nam")], "online": 2, "status": "abolished"}),
]


@pytest.fixture
def corpus(agency, backend, make_procedure):  # noqa: F811 - the imported fixture
    for code, title, values in CORPUS:
        values = dict(values)
        level = values.pop("online")
        extra = {"online_level": level, "status": values.pop("status", "in_force"),
                 "online_url": "https://dichvucong.gov.vn" if level >= 3 else ""}
        make_procedure(code, title, extra=extra, **values)
    return {page.pk: page.code for page in ProcedurePage.objects.all()}


def run(corpus, query, **options):
    options.setdefault("filters", {"status": ["in_force"]})
    results = search(SearchRequest(model=ProcedurePage, query=query, per_page=50, **options))
    return [corpus[pk] for pk in results.object_ids], results


GOLDEN = [
    # (query, expected set of codes); abolished procedures are filtered out
    ("giay chung nhan dang ky dau tu", {"1.009645", "1.009648"}),
    ("Giấy CHỨNG NHẬN đăng ký ĐẦU TƯ", {"1.009645", "1.009648"}),
    ("điều chỉnh", {"1.009648"}),
    ("dieu chinh", {"1.009648"}),
    ("ĐIỀU CHỈNH", {"1.009648"}),
    ("giay phep", {"2.000205", "1.009972", "1.010727"}),
    ("giay phep -lao", {"1.009972", "1.010727"}),
    ('"giay phep moi truong"', {"1.010727"}),
    ('"moi truong giay phep"', set()),
    ('"lao dong" OR "xay dung"', {"2.000205", "1.009972"}),
    ('"xuat xu" OR "moi truong"', {"2.000575", "1.010727"}),
    ("xuat xu OR moi", {"2.000575"}),  # AND binds looser: xuat AND (xu OR moi)
    ("ecosys", {"2.000575"}),  # words of the steps are searchable
    ("du 18 tuoi", {"2.000205"}),  # and of the requirements
    ("so xay dung", {"1.009972"}),  # and the implementing body
    ("khong co thu tuc nay", set()),
    ("-giay", set()),
    ("'; DROP TABLE core_searchentry; --", set()),
    ("NEAR(giay phep) title:cap * ^", set()),
    ("x" * 10_000, set()),
    ("\x00\x07 giay \u202e phep", {"2.000205", "1.009972", "1.010727"}),
]


def test_golden_queries_on_procedures(corpus):
    """R-PR-5: accent-, case- and đ-insensitive; phrases, OR, exclusion; hostile input
    gives an empty page, not a 500; the same sets on every backend. (One test per backend
    for all queries: the corpus is a set of real pages, costly to build.)"""
    wrong = []
    for query, expected in GOLDEN:
        codes, results = run(corpus, query)
        if set(codes) != expected or results.total != len(expected):
            wrong.append((query[:40], sorted(codes), sorted(expected)))
    assert wrong == []


def test_a_procedure_code_finds_that_procedure_first(corpus):
    """R-PR-5: the national code typed in the search box, like a document number; also
    when another procedure cites it."""
    for typed in ("1.009972", " 1.009972 ", '"1.009972"'):
        codes, results = run(corpus, typed)
        assert codes[0] == "1.009972"
        assert results.parsed.number_key == "1.009972"
    codes, _ = run(corpus, "2.000205")
    assert codes == ["2.000205", "1.010727"]  # 1.010727 names it as a related procedure


def test_facet_counts_follow_the_query_and_the_filters(corpus):
    """R-PR-5: facets with counts (subject area, level, implementing body, online level)."""
    _, results = run(corpus, "giay phep", facet_names=FACETS)
    assert results.facets["level"] == [("province", 3), ("district", 1)]
    assert results.facets["online"] == [("3", 2), ("2", 1)]
    assert dict(results.facets["body"]) == {
        "Ban Quản lý các Khu công nghiệp Tiền Giang": 2, "Sở Xây dựng": 1}
    assert len(results.facets["field"]) == 3
    codes, results = run(corpus, "giay phep", facet_names=FACETS,
                         filters={"status": ["in_force"], "online": ["3"]})
    assert set(codes) == {"2.000205", "1.010727"}
    assert results.facets["level"] == [("province", 2)]
    codes, _ = run(corpus, "", filters={"status": ["in_force"], "level": ["district"]})
    assert codes == ["1.009972"]


def test_abolished_procedures_are_found_only_when_asked(corpus):
    codes, _ = run(corpus, "giay chung nhan dau tu", filters={})
    assert "1.004975" in codes
    codes, _ = run(corpus, "giay chung nhan dau tu")
    assert "1.004975" not in codes


def test_each_agency_searches_its_own_procedures(corpus, make_agency, make_procedure):
    """R-ORG-3: the same code in another agency's list is that agency's own record."""
    other = make_agency("SKH", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", own_home=True)
    other_index = make_index(other)
    make_procedure("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư (Lào Cai)", into=other_index)
    pages = {p.pk: (p.agency_id, p.code) for p in ProcedurePage.objects.all()}
    results = search(SearchRequest(model=ProcedurePage, query="1.009645", agency_id=other.pk))
    assert [pages[pk] for pk in results.object_ids] == [(other.pk, "1.009645")]
