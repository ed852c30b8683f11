"""The one query parser of the project (docs/architecture.md "Search", R-LD-4).

Syntax: terms, ``"quoted phrases"`` (also ``“…”``, ``„…“`` and ``«…»``; an unclosed quote
runs to the end), ``OR`` (upper case only) or ``|`` between two items, ``-`` before a term
or a phrase to exclude it; AND by default. Terms are folded with
:func:`plugins.core.text.fold` (no accents, ``đ`` → ``d``, no case) and cut into words of
``[0-9a-z]`` only, so punctuation, the operators of every backend (FTS5 ``NEAR``, column
filters, ``*``, ``^``; tsquery ``&``, ``|``, ``!``) and injected SQL lose all meaning.
The parser never raises: any input gives a (possibly empty) :class:`ParsedQuery`.

:func:`to_fts5` renders a parsed query for SQLite FTS5; the PostgreSQL and Elasticsearch
backends build theirs from the :class:`Term` objects directly
(:func:`plugins.core.search.backends.postgresql.tsquery`).
"""

import re
import unicodedata
from dataclasses import dataclass

from plugins.core.numbers import code_key, search_key
from plugins.core.text import fold

__all__ = ["Term", "ParsedQuery", "parse_query", "as_phrase", "to_fts5"]

_WORD = re.compile(r"[0-9a-z]+")
# Opening quote → the characters that close it (a plain " always closes too).
_QUOTES = {
    '"': '"',
    "“": '”"',
    "”": '”"',  # ”…” as typed by some word processors
    "„": '“”"',
    "«": '»"',
}
_OR_TOKENS = frozenset({"OR", "|"})


@dataclass(frozen=True)
class Term:
    """One search term: a word, or a phrase of several words in order."""

    words: tuple[str, ...]  # folded, each matching [0-9a-z]+

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[tuple[Term, ...], ...]  # AND of groups; each group an OR of Terms
    excluded: tuple[Term, ...]  # -term / -"phrase"
    number_key: str | None  # key of a document number or code typed as the whole query
    raw: str  # the cleaned input

    @property
    def is_empty(self) -> bool:
        """No required term: exclusions alone search nothing."""
        return not self.required

    def words(self) -> list[str]:
        """The distinct words of the required terms, in order (for highlighting)."""
        seen = {}
        for group in self.required:
            for term in group:
                for word in term.words:
                    seen.setdefault(word, None)
        return list(seen)


EMPTY = ParsedQuery(required=(), excluded=(), number_key=None, raw="")


def _clean(text, max_length):
    """``text`` without lone surrogates and control/format characters, NFC, capped."""
    limit = max(0, max_length)
    # Only the first characters can survive the cap; leave room for removed controls.
    text = text[: limit * 4 + 64]
    kept = []
    for ch in text:
        if "\ud800" <= ch <= "\udfff":  # lone surrogates cannot be encoded or normalised
            continue
        if unicodedata.category(ch) in ("Cc", "Cf"):
            if ch.isspace() or ch == "\u200b":  # tab, newline, zero-width space: a space
                kept.append(" ")
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))[:limit].strip()


def _tokens(text):
    """``(kind, value, negated)`` items, ``kind`` being ``"term"``, ``"phrase"`` or ``"or"``."""
    items, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch == "-":
            i += 1
            if i >= n or text[i].isspace():
                continue  # a lone "-"
            negated, ch = True, text[i]
        if ch in _QUOTES:
            closers = _QUOTES[ch]
            end = i + 1
            while end < n and text[end] not in closers:
                end += 1
            items.append(("phrase", text[i + 1 : end], negated))
            i = end + 1
            continue
        end = i
        while end < n and not text[end].isspace() and text[end] not in _QUOTES:
            end += 1
        token = text[i:end]
        i = end
        if token in _OR_TOKENS and not negated:
            items.append(("or", token, False))
        else:
            items.append(("term", token, negated))
    return items


def _term(value):
    words = tuple(_WORD.findall(fold(value)))
    return Term(words) if words else None


def _number_key(raw):
    if "/" not in raw:  # every document number has one; a dotted code (1.115678) has none
        return code_key(raw)
    candidates = [raw]
    if len(raw) > 2 and raw[0] in _QUOTES and raw[-1] in _QUOTES[raw[0]]:
        candidates.append(raw[1:-1].strip())
    for candidate in candidates:
        try:
            key = search_key(candidate)
        except Exception:  # the parser never raises
            key = None
        if key:
            return key
    return None


class _Builder:
    """Collects groups and exclusions, dropping duplicates and terms beyond the cap."""

    def __init__(self, max_terms):
        self.max_terms = max(0, max_terms)
        self.groups = []
        self.excluded = []
        self.count = 0
        self.open = False  # the last kept item was a required term: OR may extend its group

    def close(self):
        """End the open group; drop it if an earlier group has the same alternatives."""
        if self.open:
            last = self.groups[-1]
            if any(set(group) == set(last) for group in self.groups[:-1]):
                self.groups.pop()
                self.count -= len(last)
        self.open = False

    def exclude(self, term):
        self.close()
        if term not in self.excluded and self.count < self.max_terms:
            self.excluded.append(term)
            self.count += 1

    def add(self, term, join):
        if join and self.open:
            group = self.groups[-1]
            if term not in group and self.count < self.max_terms:
                group.append(term)
                self.count += 1
            return
        self.close()
        if self.count < self.max_terms:
            self.groups.append([term])
            self.count += 1
            self.open = True


def parse_query(text, *, max_length=500, max_terms=32) -> ParsedQuery:
    """Parse a search box's ``text``; never raises (non-text gives an empty query)."""
    if not isinstance(text, str):
        return EMPTY
    try:
        raw = _clean(text, max_length)
    except Exception:  # belt and braces: the parser never raises
        return EMPTY
    if not raw:
        return EMPTY
    builder = _Builder(max_terms)
    join = False
    for kind, value, negated in _tokens(raw):
        if kind == "or":
            join = builder.open  # a dangling or doubled OR joins nothing
            continue
        term = _term(value)
        if term is None:
            continue  # nothing left after folding: the token vanishes, OR state included
        if negated:
            builder.exclude(term)
        else:
            builder.add(term, join)
        join = False
    builder.close()
    return ParsedQuery(
        required=tuple(tuple(group) for group in builder.groups),
        excluded=tuple(builder.excluded),
        number_key=_number_key(raw),
        raw=raw,
    )


def _fts5(term):
    return '"' + term.text + '"'


def to_fts5(query: ParsedQuery, columns=()) -> str:
    """A SQLite FTS5 MATCH expression, e.g. ``("a") AND ("b" OR "c d") NOT "x"``.

    Every word is inside a double-quoted string, so FTS5 keywords and column filters in
    the input are plain words. With ``columns``, the required groups must match within
    those columns (``{title summary} : (…)``) and the exclusions are left out. An empty
    query (exclusions alone included) gives ``""``.
    """
    if query.is_empty:
        return ""
    expression = " AND ".join(
        "(" + " OR ".join(_fts5(term) for term in group) + ")" for group in query.required
    )
    if columns:
        return "{" + " ".join(columns) + "} : (" + expression + ")"
    return "".join([expression, *(f" NOT {_fts5(term)}" for term in query.excluded)])


def as_phrase(query: ParsedQuery):
    """The query's words as one phrase (``moi truong`` → ``"moi truong"``) when it is
    several plain words and nothing else; otherwise ``None``."""
    if len(query.required) < 2 or any(
        len(group) != 1 or group[0].is_phrase for group in query.required
    ):
        return None
    return ParsedQuery(
        required=((Term(tuple(group[0].words[0] for group in query.required)),),),
        excluded=(), number_key=None, raw=query.raw,
    )
