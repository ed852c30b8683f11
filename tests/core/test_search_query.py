"""The query parser: terms, phrases, OR, exclusion, folding, and no crash on any input (R-LD-4)."""

import random
import sqlite3

import pytest

from plugins.core.search.query import Term, parse_query, to_fts5, to_websearch


def test_accented_and_unaccented_queries_parse_the_same():
    """R-LD-4: a citizen types without diacritics."""
    assert parse_query("Cổng thông tin").required == parse_query("cong THONG tin").required
    assert parse_query("ĐƯỜNG").required == ((Term(("duong",)),),)


def test_phrases_or_groups_and_exclusions():
    parsed = parse_query('"thông tin điện tử" quy OR "quy chế" -dự -"dự thảo"')
    assert parsed.required == (
        (Term(("thong", "tin", "dien", "tu")),),
        (Term(("quy",)), Term(("quy", "che"))),
    )
    assert parsed.excluded == (Term(("du",)), Term(("du", "thao")))
    assert parsed.words() == ["thong", "tin", "dien", "tu", "quy", "che"]


def test_typographic_quotes_and_unclosed_quotes():
    assert parse_query("“thông tin” x").required[0] == (Term(("thong", "tin")),)
    assert parse_query('"thong tin').required == ((Term(("thong", "tin")),),)


def test_punctuation_inside_a_token_makes_a_phrase():
    assert parse_query("qd-ubnd").required == ((Term(("qd", "ubnd")),),)


def test_a_document_number_is_recognised_in_any_form():
    """R-LD-4: 36/2016/qd-ubnd, 36/2016/QĐ-UBND, 36/2016/QD-UBND."""
    keys = {parse_query(t).number_key for t in ("36/2016/qd-ubnd", "36/2016/QĐ-UBND",
                                                "36/2016/QD-UBND", " Số: 36/2016/QĐ-UBND ")}
    assert keys == {"36/2016/qd-ubnd"}
    assert parse_query("quy chế").number_key is None


def test_dangling_operators_and_exclusions_only():
    assert parse_query("OR OR - | ").is_empty
    parsed = parse_query("-khu")
    assert parsed.is_empty and parsed.excluded == (Term(("khu",)),)
    assert parse_query("a OR").required == ((Term(("a",)),),)


def test_limits():
    parsed = parse_query(" ".join(f"w{i}" for i in range(100)), max_terms=5)
    assert len(parsed.required) == 5
    assert len(parse_query("x" * 10_000).raw) == 500


def test_renderings():
    parsed = parse_query('quy "thong tin" OR cong -mat')
    assert to_fts5(parsed) == '("quy") AND ("thong tin" OR "cong") NOT "mat"'
    assert to_websearch(parsed) == 'quy "thong tin" or cong -mat'
    assert to_fts5(parse_query("")) == ""


@pytest.fixture(scope="module")
def fts():
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.executemany("INSERT INTO t(a) VALUES (?)", [
        ("cong thong tin dien tu",), ("quy che van thu",), ("near and or not",),
    ])
    return connection


HOSTILE = [
    '"', '""', '"""', "-", "--", "OR", "|", "AND NOT", "NEAR(a b)", "a:b", "title:quy", "*",
    "^a", "a*", "(", ")", "'; DROP TABLE t; --", "\x00", "\x1f\x7f", "\ud800", "😀 cong",
    "‮cong", "a\u0301\u0301\u0301", "%s %(x)s {0}", "<script>", "x" * 10_000, "near and or not",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises_and_gives_valid_fts5(fts, text):
    """Bad input: any text gives a query that FTS5 accepts (or an empty one)."""
    expression = to_fts5(parse_query(text))
    if expression:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()


def test_random_strings_never_break_the_parser(fts):
    rng = random.Random(13)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxy ĐƯ\"'-|()*:^“”«»\\/\t\n\x00😀\u0301OR"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        expression = to_fts5(parse_query(text))
        if expression:
            fts.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()


def test_operators_in_input_are_words_not_syntax(fts):
    rows = fts.execute("SELECT a FROM t WHERE t MATCH ?",
                       [to_fts5(parse_query("near and or not"))]).fetchall()
    assert rows == [("near and or not",)]
