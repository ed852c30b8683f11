"""The query parser (R-LD-4: search ignores accents and case; docs/architecture.md "Search").

Terms, phrases, OR, exclusion, folding, document numbers, caps, and no crash on any
input: every rendering is run as a real FTS5 MATCH expression against an in-memory table.
"""

import random
import re
import sqlite3

import pytest

from plugins.core.search.backends.postgresql import tsquery
from plugins.core.search.query import ParsedQuery, Term, parse_query, to_fts5
from plugins.core.text import fold


def t(*words):
    return Term(tuple(words))


# --- Folding -----------------------------------------------------------------------------


def test_accented_and_unaccented_queries_parse_the_same():
    """R-LD-4: a citizen typing without diacritics or in capitals gets the same query."""
    accented = parse_query('Cổng "thông tin điện tử" OR cổng -dự -"dự thảo"')
    plain = parse_query('cong "THONG tin dien TU" OR Cong -du -"du thao"')
    assert accented.required == plain.required
    assert accented.excluded == plain.excluded
    assert to_fts5(accented) == to_fts5(plain)
    assert tsquery(accented) == tsquery(plain)


def test_decomposed_input_parses_like_precomposed():
    """R-LD-4: NFD input (macOS, some keyboards) folds the same as NFC."""
    decomposed = "Quye\u0302\u0301t đi\u0323nh"
    assert parse_query(decomposed).required == parse_query("Quyết định").required
    assert parse_query(decomposed).raw == "Quyết định"


def test_d_stroke_folds_to_d():
    """R-LD-4: đ and Đ become d (no Unicode decomposition does this)."""
    assert parse_query("ĐƯỜNG").required == ((t("duong"),),)
    assert parse_query("đường").required == parse_query("Đường").required
    assert parse_query("đ Đ").required == ((t("d"),),)


def test_words_are_ascii_letters_and_digits_only():
    """R-LD-4: punctuation, emoji and SQL fragments vanish; what remains is [0-9a-z]+."""
    parsed = parse_query("quy-chế 😀 ;;; ... “” 2024")
    assert parsed.required == ((t("quy", "che"),), (t("2024"),))
    for term in (term for group in parsed.required for term in group):
        assert all(re.fullmatch("[0-9a-z]+", word) for word in term.words)


# --- Structure ---------------------------------------------------------------------------


def test_terms_are_and_groups_by_default():
    assert parse_query("quy chế").required == ((t("quy"),), (t("che"),))


def test_phrases_keep_word_order():
    """R-LD-4: "thông tin" and "tin thông" are different phrases."""
    assert parse_query('"thông tin"').required == ((t("thong", "tin"),),)
    assert parse_query('"tin thông"').required == ((t("tin", "thong"),),)
    assert parse_query('"thông tin"').required[0][0].is_phrase
    assert not parse_query("thông").required[0][0].is_phrase
    assert parse_query('"thông tin"').required[0][0].text == "thong tin"


def test_typographic_and_unclosed_quotes():
    expected = (t("thong", "tin"),)
    assert parse_query("“thông tin” x").required == (expected, (t("x"),))
    assert parse_query("„thông tin“ x").required == (expected, (t("x"),))
    assert parse_query("«thông tin» x").required == (expected, (t("x"),))
    assert parse_query('"thong tin').required == (expected,)
    assert parse_query("«thong tin x").required == ((t("thong", "tin", "x"),),)
    assert parse_query('abc"def ghi"').required == ((t("abc"),), (t("def", "ghi"),))


def test_punctuation_inside_a_token_makes_a_phrase():
    assert parse_query("qd-ubnd").required == ((t("qd", "ubnd"),),)
    assert parse_query("a.b/c").required == ((t("a", "b", "c"),),)


def test_or_groups():
    parsed = parse_query("a OR b OR c d")
    assert parsed.required == ((t("a"), t("b"), t("c")), (t("d"),))
    assert parse_query("a | b").required == ((t("a"), t("b")),)
    assert parse_query('"thông tin" OR cổng').required == ((t("thong", "tin"), t("cong")),)


def test_only_upper_case_or_is_an_operator():
    assert parse_query("a or b").required == ((t("a"),), (t("or"),), (t("b"),))
    assert parse_query("a Or b").required == ((t("a"),), (t("or"),), (t("b"),))
    assert parse_query('a "OR" b').required == ((t("a"),), (t("or"),), (t("b"),))


def test_dangling_and_doubled_or_are_ignored():
    assert parse_query("OR a").required == ((t("a"),),)
    assert parse_query("a OR").required == ((t("a"),),)
    assert parse_query("a OR OR b").required == ((t("a"), t("b")),)
    assert parse_query("| a |").required == ((t("a"),),)
    assert parse_query("OR OR - | ").is_empty


def test_or_next_to_an_exclusion_joins_nothing():
    assert parse_query("a -x OR b").required == ((t("a"),), (t("b"),))
    assert parse_query("a OR -x b").required == ((t("a"),), (t("b"),))


def test_a_vanished_token_does_not_break_an_or():
    assert parse_query("a OR 😀 b").required == ((t("a"), t("b")),)


def test_exclusions():
    parsed = parse_query('quy -chế -"dự thảo"')
    assert parsed.required == ((t("quy"),),)
    assert parsed.excluded == (t("che"), t("du", "thao"))
    assert parse_query("a - b").excluded == ()  # a lone "-" is ignored
    assert parse_query("a - b").required == ((t("a"),), (t("b"),))
    assert parse_query("--x a").excluded == (t("x"),)


def test_exclusions_alone_search_nothing():
    parsed = parse_query("-khu -vực")
    assert parsed.is_empty
    assert parsed.excluded == (t("khu"), t("vuc"))
    assert to_fts5(parsed) == ""
    # PostgreSQL is asked for the matches of each excluded term, to be left out
    assert [tsquery(ParsedQuery(((term,),), (), None, "")) for term in parsed.excluded] == [
        "(khu)", "(vuc)"]


def test_duplicates_are_removed():
    assert parse_query("a a A á").required == ((t("a"),),)
    assert parse_query("a OR a").required == ((t("a"),),)
    assert parse_query("a OR b b OR a c").required == ((t("a"), t("b")), (t("c"),))
    assert parse_query("-x -x a").excluded == (t("x"),)


def test_words_for_highlighting():
    parsed = parse_query('"thông tin điện tử" quy OR "quy chế" -dự')
    assert parsed.words() == ["thong", "tin", "dien", "tu", "quy", "che"]


# --- Document numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["36/2016/qd-ubnd", "36/2016/QĐ-UBND", "36/2016/QD-UBND", " Số: 36/2016/QĐ-UBND ",
     '"36/2016/QĐ-UBND"'],
)
def test_a_document_number_is_recognised_in_any_form(text):
    """R-LD-4: a number typed with or without Đ, in any case, has one search key."""
    parsed = parse_query(text)
    assert parsed.number_key == "36/2016/qd-ubnd"
    assert parsed.required[-1] == (t("36", "2016", "qd", "ubnd"),)


def test_text_that_is_not_a_number_has_no_number_key():
    assert parse_query("quy chế").number_key is None
    assert parse_query("quyết định 36/2016/QĐ-UBND").number_key is None
    assert parse_query("a/b/c").number_key is None
    assert parse_query("0/2016/QĐ-UBND").number_key is None


# --- Cleaning and caps -------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 5, b"quy", ["quy"], object()])
def test_non_text_gives_an_empty_query(value):
    parsed = parse_query(value)
    assert parsed == ParsedQuery(required=(), excluded=(), number_key=None, raw="")
    assert parsed.is_empty and parsed.words() == []


def test_control_and_format_characters_are_removed():
    parsed = parse_query("\x00 thông\ttin\n\u202ecổng\u200dx\x7f ")
    assert parsed.raw == "thông tin cổngx"
    assert parsed.required == ((t("thong"),), (t("tin"),), (t("congx"),))


def test_length_cap():
    assert len(parse_query("x" * 10_000).raw) == 500
    assert parse_query("abc def", max_length=3).required == ((t("abc"),),)
    assert parse_query("abc", max_length=0).is_empty


def test_term_cap_counts_required_and_excluded_terms():
    parsed = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert len(parsed.required) == 32
    parsed = parse_query(" ".join(f"w{i}" for i in range(100)), max_terms=5)
    assert [group[0].text for group in parsed.required] == ["w0", "w1", "w2", "w3", "w4"]
    parsed = parse_query("a OR b -x -y c d", max_terms=4)
    assert parsed.required == ((t("a"), t("b")),)
    assert parsed.excluded == (t("x"), t("y"))
    assert parse_query("a", max_terms=0).is_empty


def test_a_removed_duplicate_does_not_use_up_the_cap():
    assert parse_query("a a b", max_terms=2).required == ((t("a"),), (t("b"),))


# --- Renderings --------------------------------------------------------------------------


def test_fts5_rendering():
    parsed = parse_query('quy "thong tin" OR cong -mat -"du thao"')
    assert to_fts5(parsed) == '("quy") AND ("thong tin" OR "cong") NOT "mat" NOT "du thao"'
    assert to_fts5(parse_query("")) == ""
    assert to_fts5(parse_query("2016 36")) == '("2016") AND ("36")'


def test_tsquery_rendering():
    """The text PostgreSQL casts to ``tsquery``: groups AND-ed, alternatives OR-ed, phrases
    as word sequences, exclusions negated; within columns, weighted and without exclusions."""
    parsed = parse_query('quy "thong tin" OR cong -mat -"du thao"')
    assert tsquery(parsed) == "(quy) & ((thong <-> tin) | cong) & !mat & !(du <-> thao)"
    assert tsquery(parsed, ("title",)) == "(quy:A) & ((thong:A <-> tin:A) | cong:A)"
    assert tsquery(parse_query("a OR b"), ("title", "summary")) == "(a:AB | b:AB)"


def test_tsquery_keeps_or_groups_without_expanding_them():
    """Ten groups of two alternatives stay twenty words (no 1,024 clauses)."""
    parsed = parse_query(" ".join(f"a{i} OR b{i}" for i in range(10)))
    assert len(_WORDS.findall(tsquery(parsed))) == 20


# --- Against a real FTS5 table -----------------------------------------------------------

ROWS = [
    "Cổng thông tin điện tử",
    "Quy chế văn thư",
    "Dự thảo quy chế",
    "Quyết định 36/2016/QĐ-UBND về đường giao thông",
    "near and or not",
    "tin thông báo",
]


@pytest.fixture(scope="module")
def fts():
    connection = sqlite3.connect(":memory:")
    connection.execute(
        'CREATE VIRTUAL TABLE t USING fts5(a, tokenize="unicode61 remove_diacritics 2")'
    )
    connection.executemany("INSERT INTO t(rowid, a) VALUES (?, ?)",
                           [(i, fold(row)) for i, row in enumerate(ROWS, 1)])
    yield connection
    connection.close()


def match(connection, text):
    expression = to_fts5(parse_query(text))
    if not expression:
        return set()
    return {row for (row,) in connection.execute(
        "SELECT rowid FROM t WHERE t MATCH ?", [expression])}


@pytest.mark.parametrize("text, rows", [
    ("cổng thông tin", {1}),
    ("CONG THONG TIN", {1}),
    ('"thông tin"', {1}),
    ('"tin thông"', {6}),
    ("thông tin", {1, 6}),
    ("quy chế", {2, 3}),
    ("quy chế -dự", {2}),
    ('quy -"dự thảo"', {2}),
    ("văn OR cổng", {1, 2}),
    ("chế văn OR dự", {2, 3}),
    ("chế văn OR dự -thư", {3}),
    ("đường", {4}),
    ("DUONG", {4}),
    ("36/2016/qd-ubnd", {4}),
    ("36/2016/QĐ-UBND", {4}),
    ("near and or not", {5}),
    ("NEAR(and or)", {5}),
    ("and:or", {5}),
    ("a:near", set()),
    ("-quy", set()),
])
def test_fts5_matches(fts, text, rows):
    """R-LD-4: accent- and case-free matching on folded rows, with the query's logic."""
    assert match(fts, text) == rows


def _tsquery_rows(expression, rows):
    """Evaluate a tsquery text the way PostgreSQL reads it: ``&``, ``|``, ``!``,
    parentheses, ``a <-> b`` = consecutive words. Any text it cannot read raises."""
    documents = [_WORDS.findall(fold(row)) for row in rows]

    def present(words, needle):
        needle = needle.split()
        return any(words[i : i + len(needle)] == needle for i in range(len(words)))

    def as_python(match):
        phrase, word = match.groups()
        return repr(" ".join((phrase or word).split(" <-> ")))

    python = re.sub(r"\(([0-9a-z]+(?: <-> [0-9a-z]+)+)\)|([0-9a-z]+)", as_python, expression)
    assert re.fullmatch(r"[ ()&|!'0-9a-z]*", python), expression
    python = python.replace("&", " and ").replace("|", " or ").replace("!", " not ")
    python = re.sub(r"'([0-9a-z ]+)'", r"present(words, '\1')", python)
    return {number for number, words in enumerate(documents, 1)
            if eval(python, {"present": present, "words": words})}  # noqa: S307


_WORDS = re.compile("[0-9a-z]+")


@pytest.mark.parametrize("text", [
    "cổng thông tin", '"tin thông"', "quy chế -dự", "văn OR cổng", "chế văn OR dự -thư",
    'quy OR "thông tin" -"dự thảo"', "đường OR cổng thông OR văn",
])
def test_tsquery_means_the_same_as_fts5(fts, text):
    """R-LD-4: both database backends get the same query logic."""
    expression = tsquery(parse_query(text))
    assert _tsquery_rows(expression, ROWS) == match(fts, text)


HOSTILE = [
    '"', '""', '"""', '"a" "', "-", "--", "- -", "-\"", "OR", "|", "||", "OR OR OR",
    "AND NOT", "NOT a", "a NOT", "NEAR(a b)", "NEAR(a b, 3)", "a:b", "title:quy", "{a b}:c",
    "*", "a*", "^a", "+a", "(", ")", "((a)", "'; DROP TABLE t; --", "\"; DROP TABLE t; --",
    "1=1 OR 1=1", "\x00", "a\x00b", "\x1f\x7f", "\ud800", "a\udfffb", "😀 cổng", "‮cổng",
    "a\u0301\u0301\u0301", "%s %(x)s {0}", "<script>alert(1)</script>", "x" * 10_000,
    "near and or not", "“", "„", "«", "»", "-“a", "\\", "\\\"", "0", "00 000", "'",
    "cổng " * 2000, "ﬁ ß ² Ａ", "\u200b\u200b", "\t\n\r", "-OR", "OR -", "a OR -",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises_and_gives_valid_fts5(fts, text):
    """Any text gives a query FTS5 accepts (or an empty one) and a tsquery PostgreSQL
    reads (words of [0-9a-z] and its operators only)."""
    parsed = parse_query(text)
    expression = to_fts5(parsed)
    if expression:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()
    _assert_clean_tsquery(parsed)
    assert len(parsed.raw) <= 500


def _assert_clean_tsquery(parsed):
    if parsed.is_empty:  # nothing is sent to PostgreSQL but the excluded terms, one by one
        queries = [ParsedQuery(((term,),), (), None, "") for term in parsed.excluded]
    else:
        queries = [parsed]
    for query in queries:
        expression = tsquery(query)
        assert re.fullmatch(r"[0-9a-z ()&|!<>\-]+", expression), expression
        _tsquery_rows(expression, ROWS)  # reads as a tsquery


def test_random_strings_never_break_the_parser(fts):
    rng = random.Random(13)
    alphabet = list(
        "aăâbcdđeêghiklmnoôơpqrstuưvxy ĐƯ\"'-|()*:^{}+“”„«»\\/\t\n\x00😀\u0301\u200d"
    ) + ["OR", "AND", "NOT", "NEAR", " OR ", " - ", "\ud800", "title:"]
    for _ in range(2000):
        if rng.random() < 0.2:  # arbitrary code points, surrogates included
            text = "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randint(0, 30)))
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        parsed = parse_query(text, max_terms=rng.choice([0, 1, 3, 32]))
        expression = to_fts5(parsed)
        if expression:
            fts.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()
        _assert_clean_tsquery(parsed)
        parsed.words()


def test_a_dotted_code_is_a_number_key():
    """A procedure code typed alone (1.115678) is matched exactly, like a document number."""
    assert parse_query("1.115678").number_key == "1.115678"
    assert parse_query("thủ tục 1.115678").number_key is None
