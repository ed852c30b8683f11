"""plugins.core.listing: the faceted-list form, its facets, links and pager, alone (the
library and the procedure list prove them in place: tests/legal_docs, tests/procedures)."""

import pytest
from django.http import QueryDict
from django.utils import translation

from plugins.core.listing.facets import facet_groups
from plugins.core.listing.forms import (
    MAX_PAGE,
    MAX_QUERY,
    FacetField,
    ListingForm,
    date_field,
    is_year,
)
from plugins.core.listing.querystring import Pager, query_string, toggled


class BookForm(ListingForm):
    """A list of books: a subject from the database, a fixed format, years."""

    subject = FacetField(label="Subject")
    format = FacetField(label="Format", choices=[("print", "Printed"), ("ebook", "E-book")],
                        order="choices")
    year = FacetField(label="Year", accept=is_year, order="descending")
    date_from = date_field("Published from")
    date_to = date_field("Published until")


LABELS = {"subject": {"1": "History", "2": "Law"}}


def read(query, labels=LABELS):
    form = BookForm(QueryDict(query), labels)
    return form, form.read()


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_facets_are_the_declared_facet_fields_in_order():
    assert BookForm.facet_names() == ("subject", "format", "year")
    assert list(BookForm(QueryDict(""), LABELS).fields) == [
        "q", "subject", "format", "year", "date_from", "date_to", "sort", "page"]


def test_an_empty_form_asks_for_the_newest_first_page():
    _, asked = read("")
    assert (asked.query, asked.filters, asked.sort, asked.page, asked.notices) == (
        "", {}, "newest", 1, [])


def test_a_query_sorts_by_relevance_unless_asked_otherwise():
    assert read("q=luat")[1].sort == "relevance"
    assert read("q=luat&sort=oldest")[1].sort == "oldest"


def test_known_facet_values_filter_unknown_ones_are_dropped_with_a_notice():
    _, asked = read("subject=1&subject=99&format=ebook&year=2016&year=năm&year=٢٠١٦")
    assert asked.filters == {"subject": ["1"], "format": ["ebook"], "year": ["2016"]}
    assert asked.notices == ["Unknown values of “Subject” were ignored.",
                             "Unknown values of “Year” were ignored."]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1e3", "٣", "9" * 40, str(MAX_PAGE + 1)])
def test_a_hostile_page_number_gives_the_first_page_and_a_notice(page):
    _, asked = read(f"page={page}")
    assert asked.page == 1
    assert len(asked.notices) == 1 and asked.notices[0].startswith("“page” was ignored")


def test_a_page_below_the_first_is_told_so():
    assert "greater than or equal to 1" in read("page=-1")[1].notices[0]
    assert "whole number" in read("page=--1")[1].notices[0]


def test_bad_fields_are_ignored_in_order_with_the_query_last():
    _, asked = read("q=a%00b&date_from=2026-02-31&sort=evil")
    assert [notice.split("”")[0] for notice in asked.notices] == [
        "“Published from", "“Sort by", "“Search"]
    assert (asked.query, asked.date_from, asked.sort) == ("", None, "newest")


def test_a_reversed_date_range_is_ignored_with_a_notice():
    _, asked = read("date_from=2026-03-01&date_to=2026-01-01")
    assert (asked.date_from, asked.date_to) == (None, None)
    assert asked.notices == ["The date range was reversed; it was ignored."]
    _, asked = read("date_from=2026-01-01&date_to=2026-03-01")
    assert (asked.date_from.month, asked.date_to.month) == (1, 3) and not asked.notices


def test_a_long_query_is_cut_not_refused():
    form, asked = read("q=" + "x" * 10_000)
    assert asked.query == "x" * MAX_QUERY and not asked.notices
    assert form.data["q"] == "x" * MAX_QUERY


def test_facet_groups_label_order_and_mark_the_chosen_values():
    form, asked = read("format=print&year=2016&sort=newest")
    counts = {"subject": [("2", 5), ("1", 3), ("7", 1)],
              "format": [("ebook", 4), ("print", 2)],
              "year": [("2016", 3), ("2026", 2)]}
    groups = facet_groups(form, counts, asked.filters, QueryDict("format=print&page=3"))
    assert [(g.name, g.label) for g in groups] == [
        ("subject", "Subject"), ("format", "Format"), ("year", "Year")]
    subject, fmt, year = groups
    # Most frequent first; a value no longer labelled shows as itself.
    assert [(o.label, o.count) for o in subject.options] == [
        ("Law", 5), ("History", 3), ("7", 1)]
    assert [(o.label, o.selected) for o in fmt.options] == [
        ("Printed", True), ("E-book", False)]  # the order of the choices
    assert [o.value for o in year.options] == ["2026", "2016"]  # newest year first
    assert fmt.options[0].toggle_query == ""  # unticking it: back to the first page
    assert fmt.options[1].toggle_query == "format=print&format=ebook"


def test_facet_checkboxes_escape_labels_and_values_and_tick_the_chosen():
    """R-LD-4: the checkboxes a facet renders hold its values and labels escaped (a label is
    an editor's text), the chosen ones ticked, each with its count."""
    from bs4 import BeautifulSoup

    form, asked = read("subject=1", {"subject": {"1": "Đất đai & <Xây dựng>",
                                                 '2" onclick="x': "Law"}})
    counts = {"subject": [("1", 5), ('2" onclick="x', 3)]}
    html = str(facet_groups(form, counts, asked.filters)[0].checkboxes())
    assert "<Xây" not in html and 'onclick="x"' not in html
    boxes = BeautifulSoup(html, "html.parser").select("label")
    assert [(box.input["name"], box.input["value"], box.input.has_attr("checked"),
             " ".join(box.get_text().split())) for box in boxes] == [
        ("subject", "1", True, "Đất đai & <Xây dựng> (5)"),
        ("subject", '2" onclick="x', False, "Law (3)")]


def test_links_keep_the_parameters_but_the_page():
    params = QueryDict("q=giay+phep&field=3&field=5&page=2")
    assert query_string(params, exclude=("page",)) == "q=giay+phep&field=3&field=5"
    assert toggled(params, "field", "3") == "q=giay+phep&field=5"
    assert toggled(params, "level", "province") == "q=giay+phep&field=3&field=5&level=province"
    assert params.getlist("field") == ["3", "5"]  # the request's own parameters untouched


def test_the_pager_links_to_its_neighbours_only():
    pager = Pager(number=2, pages=3, query="q=luat")
    assert (pager.previous_url, pager.next_url) == ("?q=luat&page=1", "?q=luat&page=3")
    first = Pager(number=1, pages=1)
    assert (first.previous_page, first.next_page, first.previous_url, first.next_url) == (
        None, None, "", "")
    assert Pager(number=1, pages=2).next_url == "?page=2"
