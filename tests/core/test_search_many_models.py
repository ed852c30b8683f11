"""Several models searched together (the site-wide search): one list in the relevance
order of every backend, a facet of kinds, the kind filter, the agency and language scope.

The index is exercised through core.Unit and core.DayOverride registered as searchable
models for the test, on the configured database and on osmem-server (OpenSearch-compatible,
in memory; a real Elasticsearch cluster is the production engine). R-LD-4 (accents),
R-ORG-3 (each agency's data separate).
"""

import datetime

import pytest

from plugins.core.models import DayOverride, Unit
from plugins.core.search import documents
from plugins.core.search.engine import SearchRequest, search
from plugins.core.search.types import KIND_FACET
from tests.core.test_search_engine import backend  # noqa: F401 (the backends' fixture)

UNIT, DAY = "core.unit", "core.dayoverride"


@pytest.fixture
def corpus(make_agency, backend, django_capture_on_commit_callbacks):  # noqa: F811
    agency, other = make_agency("BQL"), make_agency("SKH", hostname="skh.localhost")
    texts = {}

    def build(obj):
        title, summary, body, date, facets = texts[(type(obj), obj.pk)]
        return documents.SearchDocument(title=title, summary=summary, body=body, date=date,
                                        agency_id=obj.agency_id, facets=facets)

    documents.register(Unit, build)
    documents.register(DayOverride, build)
    keys = {}

    def add(key, model, title, summary="", body="", date=None, owner=agency, facets=None):
        if model is Unit:
            obj = Unit.objects.create(agency=owner, name=key, kind="department")
        else:
            obj = DayOverride.objects.create(agency=owner, date=date or datetime.date(2026, 1, 1),
                                             kind="off", reason=key)
        texts[(model, obj.pk)] = (title, summary, body, date, facets or {})
        documents.index(obj)
        keys[(model._meta.label_lower, obj.pk)] = key

    with django_capture_on_commit_callbacks(execute=True):
        add("unit-title", Unit, "Thủ tục đầu tư tại khu công nghiệp",
            date=datetime.date(2020, 1, 1))
        add("day-title", DayOverride, "Nghỉ bù thủ tục", date=datetime.date(2019, 5, 2))
        add("unit-body", Unit, "Phòng quản lý", body="hướng dẫn thủ tục hành chính",
            date=datetime.date(2026, 6, 1))
        add("day-summary", DayOverride, "Ngày làm bù", summary="các thủ tục giấy tờ",
            date=datetime.date(2025, 3, 3))
        add("day-other", DayOverride, "Tết Dương lịch", date=datetime.date(2026, 1, 1))
        add("foreign", Unit, "Thủ tục của Sở", date=datetime.date(2026, 7, 7), owner=other)
        add("english", Unit, "Thu tuc in English", date=datetime.date(2026, 7, 8),
            facets={"locale": "en"})
    return agency, keys


def run(corpus, query, **options):
    agency, keys = corpus
    results = search(SearchRequest(model=None, models=(Unit, DayOverride), query=query,
                                   agency_id=agency.pk, language="vi",
                                   facet_names=(KIND_FACET,), **options))
    return [keys[(label, pk)] for label, pk in zip(results.labels, results.object_ids,
                                                   strict=True)], results


def test_one_list_of_every_model_in_the_relevance_order(corpus):
    """R-LD-4: "thu tuc" finds "thủ tục" in both models; title matches first (newest first
    among them), then title and summary, then the body; another agency's and another
    language's entries are never found."""
    found, results = run(corpus, "thu tuc")
    assert found == ["unit-title", "day-title", "day-summary", "unit-body"]
    assert results.total == 4
    assert dict(results.facets[KIND_FACET]) == {UNIT: 2, DAY: 2}


def test_the_kind_facet_filters_and_counts(corpus):
    found, results = run(corpus, "thu tuc", filters={KIND_FACET: [DAY]})
    assert found == ["day-title", "day-summary"]
    assert results.facets[KIND_FACET] == [(DAY, 2)]


def test_browsing_and_sorting_by_date_across_models(corpus):
    found, _ = run(corpus, "", sort="newest")
    assert found == ["unit-body", "day-other", "day-summary", "unit-title", "day-title"]
    found, _ = run(corpus, "thu tuc", sort="oldest")
    assert found == ["day-title", "unit-title", "day-summary", "unit-body"]


def test_paging_keeps_one_order(corpus):
    first, results = run(corpus, "thu tuc", per_page=3)
    second, _ = run(corpus, "thu tuc", per_page=3, page=2)
    assert results.pages == 2
    assert first + second == ["unit-title", "day-title", "day-summary", "unit-body"]


def test_a_change_to_one_model_is_seen_at_the_next_search(corpus, backend,  # noqa: F811
                                                           django_capture_on_commit_callbacks):
    """The combined snapshot is rebuilt when one of its models' index changes: a removed
    entry is never found again, a new one is found at once."""
    run(corpus, "thu tuc")
    day = DayOverride.objects.get(reason="day-title")
    with django_capture_on_commit_callbacks(execute=True):
        documents.remove(day)
    found, _ = run(corpus, "thu tuc")
    assert "day-title" not in found and len(found) == 3


def test_a_search_over_many_models_costs_few_queries(corpus, backend,  # noqa: F811
                                                      django_assert_max_num_queries):
    """A constant number of statements, whatever the number of models' entries matching."""
    run(corpus, "thu tuc")  # the snapshot loaded
    with django_assert_max_num_queries(8):
        run(corpus, "thu tuc")
    with django_assert_max_num_queries(2):
        run(corpus, "")
