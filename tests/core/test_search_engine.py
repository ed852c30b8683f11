"""The core search engine: the same result sets and facet counts on SQLite and PostgreSQL.

CI runs this file on both databases; the golden queries below are the contract
(R-LD-4: accent- and case-insensitive search, phrases, OR, exclusion, document numbers).
The index is exercised through core.Unit registered as a searchable model for the test.
"""

import unicodedata

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

    from plugins.core.search.backends import elasticsearch as elastic

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


def test_facet_counts_of_multi_valued_entries_match_a_plain_count():
    """R-LD-3: an entry with several fields counts once under each; entries with none are
    left out; the counts over any set of hits are those of a plain count."""
    import collections
    import random

    import numpy as np

    from plugins.core.search.snapshot import Facet, _layers

    rng = random.Random(7)
    size, values = 500, ["Đầu tư", "Môi trường", "Xây dựng", "Đất đai"]
    pairs = [(entry, code) for entry in range(size)
             for code in rng.sample(range(len(values)), k=rng.choice([0, 1, 1, 2, 4]))]
    rows = np.array([entry for entry, _ in pairs])
    codes = np.array([code for _, code in pairs])
    facet = Facet(values=values, rows=rows, codes=codes, layers=_layers(rows, codes, size))
    assert len(facet.layers) == 4
    for share in (0.0, 0.1, 0.5, 1.0):
        hits = np.array(sorted(e for e in range(size) if rng.random() < share), dtype=np.int64)
        chosen = set(hits.tolist())
        expected = collections.Counter(code for entry, code in pairs if entry in chosen)
        assert facet.count(hits).tolist() == [expected[c] for c in range(len(values))]


def test_paging_and_constant_queries(corpus, django_assert_max_num_queries):
    """Three queries (count, page, facets) plus the content type, whatever the size."""
    with django_assert_max_num_queries(4):
        keys, results = run(corpus, "", facet_names=("type", "year"))
    assert results.total == len(CORPUS)
    results = search(SearchRequest(model=Unit, per_page=3, page=3))
    assert len(results.object_ids) == 1 and results.pages == 3


def test_relevance_asks_only_for_the_tiers_the_page_needs(corpus, django_assert_max_num_queries):
    """R-LD-3: when the best tier (the words as a phrase in the title) fills the page, the
    other tiers are never queried: the index token, the match and that one tier on SQLite
    (PostgreSQL tells the tiers in the match itself)."""
    search(SearchRequest(model=Unit, query="x"))  # the snapshot loaded
    with django_assert_max_num_queries(3):
        results = search(SearchRequest(model=Unit, query="thong tin", per_page=1))
    assert results.total == 3 and len(results.object_ids) == 1
    assert Unit.objects.get(pk=results.object_ids[0]).name in {"portal", "reverse"}


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


def test_highlight_keeps_its_place_where_a_character_folds_to_more_or_to_nothing():
    """R-LD-3: a word after a character that folds to two (ß → ss), or to nothing (a lone
    combining mark, as decomposed text copied from a PDF has), is still marked where it
    stands in the original; decomposed Vietnamese is marked whole."""
    assert highlight("Straße đường", ["duong"]) == "Straße <mark>đường</mark>"
    assert highlight("a\u0301 Cổng", ["cong"]) == "a\u0301 <mark>Cổng</mark>"
    assert highlight("\u0301 Cổng", ["cong"]) == "\u0301 <mark>Cổng</mark>"
    decomposed = unicodedata.normalize("NFD", "Cổng thông tin")
    assert highlight(decomposed, ["thong"]) == (
        unicodedata.normalize("NFD", "Cổng ") + "<mark>"
        + unicodedata.normalize("NFD", "thông") + "</mark>" + " tin")


def test_browsing_is_served_from_the_snapshot_and_never_stale(
    corpus, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    """The list's landing page (no words, no filters) costs one statement (the index token)
    once loaded, and a change to the index is seen by the next search."""
    first = search(SearchRequest(model=Unit, facet_names=("type",)))
    with django_assert_max_num_queries(1):
        again = search(SearchRequest(model=Unit, facet_names=("type",)))
    assert again.total == first.total and again.facets == first.facets
    unit = Unit.objects.get(name="portal")
    with django_capture_on_commit_callbacks(execute=True):
        documents.remove(unit)
    after = search(SearchRequest(model=Unit, facet_names=("type",)))
    assert after.total == first.total - 1
    assert dict(after.facets["type"]).get("QC", 0) == dict(first.facets["type"])["QC"] - 1


def test_a_change_made_by_another_process_is_seen(corpus, backend):
    """Another process (a task worker, another app server) writes the index and its token;
    this process's snapshot is reloaded at its next search (R-LD-3 facet counts stay true)."""
    import uuid

    from django.contrib.contenttypes.models import ContentType

    from plugins.core.models import SearchFacet, SearchIndexState

    if backend != "database":
        pytest.skip("the snapshot serves the database backends")
    before = search(SearchRequest(model=Unit, facet_names=("type",)))
    entry = SearchEntry.objects.get(object_id=Unit.objects.get(name="reverse").pk)
    SearchFacet.objects.filter(entry=entry, name="type").update(value="TB")
    SearchIndexState.objects.filter(
        content_type=ContentType.objects.get_for_model(Unit)
    ).update(token=uuid.uuid4().hex)
    after = search(SearchRequest(model=Unit, facet_names=("type",)))
    assert dict(after.facets["type"])["TB"] == 1
    assert dict(after.facets["type"])["QĐ"] == dict(before.facets["type"])["QĐ"] - 1


@pytest.fixture
def dated(make_agency, backend, django_capture_on_commit_callbacks):
    """60 entries with repeated dates (ties), some undated, words spread unevenly."""
    import datetime
    import random

    agency = make_agency("BQL")
    rng = random.Random(7)
    spec = {}

    def build(unit):
        title, date = spec[unit.pk]
        return documents.SearchDocument(title=title, date=date, agency_id=unit.agency_id,
                                        facets={"type": "KH"})

    documents.register(Unit, build)
    with django_capture_on_commit_callbacks(execute=True):
        for order in range(60):
            words = " ".join(rng.choice(["khu", "cong", "nghiep", "dau", "tu"])
                             for _ in range(rng.randint(1, 6)))
            date = None if order % 9 == 0 else datetime.date(2020, 1, 1) + datetime.timedelta(
                days=rng.randint(0, 12))
            unit = Unit.objects.create(agency=agency, name=f"u{order}", kind="department",
                                       sort_order=order)
            spec[unit.pk] = (f"Kế hoạch {words}", date)
            documents.index(unit)
    return spec


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("query", ["", "khu", "cong nghiep"])
def test_pages_follow_one_order(dated, sort, query):
    """Paging never repeats or skips a hit, whatever the sort: the pages of 7 joined are the
    whole list in one page (the page is chosen by a partial sort)."""
    whole = search(SearchRequest(model=Unit, query=query, sort=sort, per_page=100))
    joined = []
    for page in range(1, whole.total // 7 + 2):
        joined += search(SearchRequest(model=Unit, query=query, sort=sort, per_page=7,
                                       page=page)).object_ids
    assert joined == whole.object_ids and len(joined) == whole.total
    if sort != "relevance" or not query:
        dates = [dated[pk][1] for pk in whole.object_ids]
        known = [d for d in dates if d is not None]
        assert known == sorted(known, reverse=sort != "oldest")
        assert dates[len(known):] == [None] * (len(dates) - len(known))  # undated last


@pytest.fixture
def tiered(make_agency, backend, django_capture_on_commit_callbacks):
    import datetime

    agency = make_agency("BQL")
    rows = {
        # key: (title, summary, body, date)
        "phrase-old": ("Khu công nghiệp Long Giang", "", "", datetime.date(2020, 5, 1)),
        "phrase-new": ("Khu công nghiệp Tân Hương mở rộng", "", "", datetime.date(2024, 5, 1)),
        "title-words": ("Công nghiệp hóa khu vực nông thôn", "", "", datetime.date(2026, 1, 1)),
        "summary": ("Kế hoạch năm 2026", "đầu tư vào khu công nghiệp", "",
                    datetime.date(2026, 2, 1)),
        "body": ("Báo cáo tháng", "", "hạ tầng khu công nghiệp", datetime.date(2026, 3, 1)),
        "undated-body": ("Thông báo", "", "khu công nghiệp", None),
    }
    spec = {}

    def build(unit):
        title, summary, body, date = rows[spec[unit.pk]]
        return documents.SearchDocument(title=title, summary=summary, body=body, date=date,
                                        agency_id=unit.agency_id)

    documents.register(Unit, build)
    with django_capture_on_commit_callbacks(execute=True):
        for order, key in enumerate(rows):
            unit = Unit.objects.create(agency=agency, name=key, kind="department",
                                       sort_order=order)
            spec[unit.pk] = key
            documents.index(unit)
    return spec


@pytest.mark.parametrize("lookahead", ["default", (1,)])
def test_relevance_is_the_same_order_on_every_backend(tiered, lookahead, monkeypatch):
    """R-LD-4: the words as a phrase in the title first, then all in the title, then in the
    title and summary, then anywhere; newest first within each (undated last). Told from
    the newest matches' words or, when a short look-ahead does not settle the page (the
    newest are "body" and "summary"), by the tiers' full-text statements: the same order."""
    from plugins.core.search.backends import database as engine

    if lookahead != "default":
        monkeypatch.setattr(engine, "LOOKAHEAD", lookahead)
    whole = ["phrase-new", "phrase-old", "title-words", "summary", "body", "undated-body"]
    results = search(SearchRequest(model=Unit, query="khu cong nghiep", per_page=50))
    assert [tiered[pk] for pk in results.object_ids] == whole
    pages = [search(SearchRequest(model=Unit, query="khu cong nghiep", per_page=2, page=page))
             for page in (1, 2, 3)]
    assert [tiered[pk] for page in pages for pk in page.object_ids] == whole
    newest = search(SearchRequest(model=Unit, query="khu cong nghiep", sort="newest",
                                  per_page=50))
    assert [tiered[pk] for pk in newest.object_ids] == [
        "body", "summary", "title-words", "phrase-new", "phrase-old", "undated-body",
    ]


def test_an_index_of_one_undated_entry(make_agency, backend, django_capture_on_commit_callbacks):
    """One undated entry joins to an empty string of dates: still one entry, found."""
    agency = make_agency("BQL")
    documents.register(Unit, lambda unit: documents.SearchDocument(
        title="Văn phòng", agency_id=unit.agency_id))
    with django_capture_on_commit_callbacks(execute=True):
        unit = Unit.objects.create(agency=agency, name="vp", kind="department")
        documents.index(unit)
    for query in ("", "van phong"):
        assert search(SearchRequest(model=Unit, query=query)).object_ids == [unit.pk]


def test_R_ED_16_each_language_finds_its_own_entries_on_every_backend(
        make_agency, backend, django_capture_on_commit_callbacks):
    """R-ED-16: a listing in one language finds that language's entries only; entries
    indexed before the language facet existed count as the default language's."""
    agency = make_agency("BQL")
    spec = {}

    def build(unit):
        title, language = spec[unit.pk]
        facets = {"locale": language} if language else {}
        return documents.SearchDocument(title=title, agency_id=unit.agency_id, facets=facets)

    documents.register(Unit, build)
    keys = {}
    with django_capture_on_commit_callbacks(execute=True):
        for order, (key, title, language) in enumerate([
            ("vi", "Quy chế quản lý khu công nghiệp", "vi"),
            ("en", "Industrial zone management regulation", "en"),
            ("en2", "Khu cong nghiep industrial zone", "en"),
            ("old", "Khu công nghiệp Long Giang", None),
        ]):
            unit = Unit.objects.create(agency=agency, name=key, kind="department",
                                       sort_order=order)
            spec[unit.pk] = (title, language)
            documents.index(unit)
            keys[unit.pk] = key
    assert set(run(keys, "", language="vi")[0]) == {"vi", "old"}
    assert set(run(keys, "", language="en")[0]) == {"en", "en2"}
    assert set(run(keys, "")[0]) == {"vi", "en", "en2", "old"}
    assert set(run(keys, "khu cong nghiep", language="vi")[0]) == {"vi", "old"}
    assert set(run(keys, "khu cong nghiep", language="en")[0]) == {"en2"}
    assert set(run(keys, "industrial", language="vi")[0]) == set()
