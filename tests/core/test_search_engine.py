"""The core search engine: the same result sets and facet counts on SQLite and PostgreSQL.

CI runs this file on both databases; the golden queries below are the contract
(R-LD-4: accent- and case-insensitive search, phrases, OR, exclusion, document numbers).
The index is exercised through core.Unit registered as a searchable model for the test.
"""

import pytest

from plugins.core.models import SearchEntry, Unit
from plugins.core.search import documents
from plugins.core.search.engine import SearchRequest, search
from plugins.core.search.highlight import highlight, snippet

CORPUS = [
    # (key, title, body, number, facets)
    ("portal", "Quy chế quản lý Cổng thông tin điện tử", "vận hành và cung cấp thông tin", "",
     {"type": "QC", "year": "2016"}),
    ("dialogue", "Đối thoại với doanh nghiệp khu công nghiệp", "giải đáp kiến nghị", "",
     {"type": "KH", "year": "2026"}),
    ("road", "ĐƯỜNG GIAO THÔNG kết nối khu công nghiệp Long Giang", "đầu tư hạ tầng", "",
     {"type": "ĐA", "year": "2025"}),
    ("environment", "Kế hoạch bảo vệ môi trường", "quan trắc nước thải khu công nghiệp", "",
     {"type": "KH", "year": "2026"}),
    ("decision", "Quyết định ban hành quy chế", "thông tin điện tử của tỉnh", "36/2016/QĐ-UBND",
     {"type": "QĐ", "year": "2016"}),
    ("reverse", "Điện tử thông tin ngược thứ tự", "", "", {"type": "QĐ", "year": "2016"}),
    ("cites", "Hướng dẫn thực hiện", "theo Quyết định số 36/2016/QĐ-UBND", "", {"type": "HD"}),
]


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings):
    """Each test runs on the configured database and on osmem-server (OpenSearch-compatible,
    in memory; a real Elasticsearch cluster is the production engine)."""
    if request.param == "database":
        settings.PORTAL_SEARCH = {"BACKEND": "database"}
        yield request.param
        return
    import elasticsearch._sync.client._base as client_base

    from plugins.core.search import elastic

    clone = request.getfixturevalue("osmem_clone")
    # osmem refuses the 8.x client's "compatible-with=8" media types (HTTP 406): test only.
    original = client_base._COMPAT_MIMETYPE_SUB
    client_base._COMPAT_MIMETYPE_SUB = r"application/\g<1>"
    settings.PORTAL_SEARCH = {"BACKEND": "elasticsearch", "URL": clone.url, "REFRESH": True}
    elastic._clients.clear()
    yield request.param
    elastic._clients.clear()
    client_base._COMPAT_MIMETYPE_SUB = original


@pytest.fixture
def corpus(make_agency, backend, django_capture_on_commit_callbacks):
    agency = make_agency("BQL")
    spec = {}

    def build(unit):
        key, title, body, number, facets = spec[unit.pk]
        return documents.SearchDocument(
            title=title, body=body, number=number, agency_id=unit.agency_id, facets=facets
        )

    documents.register(Unit, build)
    keys = {}
    with django_capture_on_commit_callbacks(execute=True):
        for order, (key, title, body, number, facets) in enumerate(CORPUS):
            unit = Unit.objects.create(agency=agency, name=key, kind="department", sort_order=order)
            spec[unit.pk] = (key, title, body, number, facets)
            documents.index(unit)
            keys[unit.pk] = key
    return keys


def run(corpus, query, **options):
    results = search(SearchRequest(model=Unit, query=query, per_page=50, **options))
    return [corpus[pk] for pk in results.object_ids], results


GOLDEN = [
    # (query, expected set of keys)
    ("cong thong tin", {"portal"}),
    ("Cổng THÔNG tin", {"portal"}),
    ("duong giao thong", {"road"}),
    ("đường", {"road"}),
    ("ĐƯỜNG", {"road"}),
    ("khu cong nghiep", {"dialogue", "road", "environment"}),
    ("khu cong nghiep -doanh", {"road", "environment"}),
    ('"thong tin dien tu"', {"portal", "decision"}),
    ('"dien tu thong tin"', {"reverse"}),
    ('"doanh nghiep" OR "giao thong"', {"dialogue", "road"}),
    ("doi OR duong", {"dialogue", "road"}),
    ("khu doanh OR giao", {"dialogue", "road"}),
    ("quy che", {"portal", "decision"}),
    ("36/2016/qd-ubnd", {"decision", "cites"}),
    ("không có từ này", set()),
    ('"', {"portal", "dialogue", "road", "environment", "decision", "reverse", "cites"}),
    ("-khu", {"portal", "decision", "reverse", "cites"}),
    ("-khu -quy", {"reverse", "cites"}),
    ("'; DROP TABLE core_searchentry; --", set()),
    ("NEAR(cong thong) title:quy * ^", set()),
    ("x" * 10_000, set()),
    ("\x00\x07 cong \u202e thong", {"portal", "road"}),
]


@pytest.mark.parametrize(("query", "expected"), GOLDEN)
def test_golden_queries(corpus, query, expected):
    """R-LD-4: the same sets on every backend; hostile input gives an empty page, not a 500."""
    keys, results = run(corpus, query)
    assert set(keys) == expected
    assert results.total == len(expected)


def test_a_document_number_in_any_form_finds_that_document_first(corpus):
    """R-LD-4: 36/2016/qd-ubnd, 36/2016/QĐ-UBND and 36/2016/QD-UBND."""
    for typed in ("36/2016/qd-ubnd", "36/2016/QĐ-UBND", "36/2016/QD-UBND"):
        keys, _ = run(corpus, typed)
        assert keys[0] == "decision"


def test_facet_counts_and_filters(corpus):
    """R-LD-3: facet counts follow the query and the filters."""
    _, results = run(corpus, "khu cong nghiep", facet_names=("type", "year"))
    assert results.facets["type"] == [("KH", 2), ("ĐA", 1)]
    assert results.facets["year"] == [("2026", 2), ("2025", 1)]
    keys, results = run(corpus, "khu cong nghiep", filters={"type": ["KH"]}, facet_names=("year",))
    assert set(keys) == {"dialogue", "environment"}
    assert results.facets["year"] == [("2026", 2)]
    keys, _ = run(corpus, "", filters={"year": ["2016"], "type": ["QC", "QĐ"]})
    assert set(keys) == {"portal", "decision", "reverse"}


def test_paging_and_constant_queries(corpus, django_assert_max_num_queries):
    """Three queries (count, page, facets) plus the content type, whatever the size."""
    with django_assert_max_num_queries(4):
        keys, results = run(corpus, "", facet_names=("type", "year"))
    assert results.total == len(CORPUS)
    results = search(SearchRequest(model=Unit, per_page=3, page=3))
    assert len(results.object_ids) == 1 and results.pages == 3


def test_unindexed_objects_are_not_found_and_removal_works(
    corpus, django_capture_on_commit_callbacks
):
    unit = Unit.objects.get(name="portal")
    with django_capture_on_commit_callbacks(execute=True):
        documents.remove(unit)
    assert not SearchEntry.objects.filter(object_id=unit.pk).exists()
    assert run(corpus, "cong thong tin")[0] == []


def test_highlight_marks_the_accented_original():
    """R-LD-3: highlighted snippets show the original text, matched without accents."""
    html = highlight("Cổng thông tin <điện tử>", ["thong", "dien"])
    assert html == "Cổng <mark>thông</mark> tin &lt;<mark>điện</mark> tử&gt;"
    long_text = "Mở đầu. " * 60 + "Đường giao thông kết nối"
    cut = snippet(long_text, ["duong"], width=80)
    assert cut.startswith("…") and "<mark>Đường</mark>" in cut


def test_browse_counts_are_cached_until_the_index_changes(
    corpus, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    """The list's landing page (no words, no filters) is served from the cache, never stale."""
    first = search(SearchRequest(model=Unit, facet_names=("type",)))
    with django_assert_max_num_queries(2):  # content type + the page of ids
        again = search(SearchRequest(model=Unit, facet_names=("type",)))
    assert again.total == first.total and again.facets == first.facets
    unit = Unit.objects.get(name="portal")
    with django_capture_on_commit_callbacks(execute=True):
        documents.remove(unit)
    after = search(SearchRequest(model=Unit, facet_names=("type",)))
    assert after.total == first.total - 1
    assert dict(after.facets["type"]).get("QC", 0) == dict(first.facets["type"])["QC"] - 1
