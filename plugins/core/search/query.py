"""The one query parser of the project (DESIGN.md "Search").

Terms, "quoted phrases", ``OR`` (or ``|``) between items, ``-`` exclusion; AND by
default. Terms are folded (no accents, ``đ`` → ``d``, no case) and reduced to words of
``[0-9a-z]``, so punctuation, operators of the backends and injected SQL lose all meaning.
It never raises: any text gives a (possibly empty) query.
"""

import re
import unicodedata
from dataclasses import dataclass

from plugins.core.numbers import search_key
from plugins.core.text import fold

_WORD = re.compile(r"[0-9a-z]+")
_OPEN_QUOTES = {'"': '"', "“": "”", "„": "”", "«": "»", "”": "”"}
_OR_TOKENS = {"OR", "|"}


@dataclass(frozen=True)
class Term:
    words: tuple

    @property
    def is_phrase(self):
        return len(self.words) > 1

    @property
    def text(self):
        return " ".join(self.words)


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple  # AND of groups; each group an OR of Terms
    excluded: tuple  # Terms
    number_key: str | None
    raw: str

    @property
    def is_empty(self):
        return not self.required

    def words(self):
        """The distinct words of the required terms, in order (for highlighting)."""
        seen = {}
        for group in self.required:
            for term in group:
                for word in term.words:
                    seen.setdefault(word, None)
        return list(seen)


EMPTY = ParsedQuery(required=(), excluded=(), number_key=None, raw="")


def _clean(text, max_length):
    # Lone surrogates cannot be normalised or encoded: drop them first.
    text = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
    text = unicodedata.normalize("NFC", text[: max_length * 2])
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf"):
            kept.append(" " if ch in "\t\n\r" else "")
        else:
            kept.append(ch)
    return "".join(kept)[:max_length].strip()


def _tokens(text):
    """(kind, value, negated) items: kind is "term", "phrase" or "or"."""
    items, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch == "-":
            negated, i = True, i + 1
            if i >= n or text[i].isspace():
                continue  # a lone "-"
            ch = text[i]
        if ch in _OPEN_QUOTES:
            close = _OPEN_QUOTES[ch]
            end = text.find(close, i + 1)
            if end == -1 and close != '"':
                end = text.find('"', i + 1)
            end = n if end == -1 else end
            items.append(("phrase", text[i + 1 : end], negated))
            i = end + 1
            continue
        end = i
        while end < n and not text[end].isspace() and text[end] not in _OPEN_QUOTES:
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


def parse_query(text, *, max_length=500, max_terms=32):
    """Parse ``text``; never raises."""
    if not isinstance(text, str):
        return EMPTY
    raw = _clean(text, max_length)
    if not raw:
        return EMPTY
    groups, excluded, seen, count = [], [], set(), 0
    join_next = False
    for kind, value, negated in _tokens(raw):
        if kind == "or":
            join_next = bool(groups)
            continue
        term = _term(value)
        if term is None or count >= max_terms:
            join_next = False
            continue
        key = (negated, term.words)
        if key in seen:
            join_next = False
            continue
        seen.add(key)
        count += 1
        if negated:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return ParsedQuery(
        required=tuple(tuple(group) for group in groups),
        excluded=tuple(excluded),
        number_key=search_key(raw),
        raw=raw,
    )


def _fts5_term(term):
    return '"' + " ".join(term.words) + '"'


def to_fts5(query):
    """A SQLite FTS5 MATCH expression: every word quoted, so FTS5 syntax in input is inert."""
    if query.is_empty:
        return ""
    parts = []
    for group in query.required:
        alternatives = " OR ".join(_fts5_term(term) for term in group)
        parts.append(f"({alternatives})")
    expression = " AND ".join(parts)
    for term in query.excluded:
        expression += f" NOT {_fts5_term(term)}"
    return expression


def to_websearch(query):
    """The same query in PostgreSQL ``websearch_to_tsquery`` syntax."""
    if query.is_empty:
        return ""

    def term(t):
        return f'"{t.text}"' if t.is_phrase else t.text

    parts = [" or ".join(term(t) for t in group) for group in query.required]
    parts += [f"-{term(t)}" for t in query.excluded]
    return " ".join(parts)
