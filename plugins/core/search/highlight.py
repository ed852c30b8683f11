"""Highlight query words in the original (accented) text, whatever backend found it."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from plugins.core.text import fold


class _Folds(dict):
    """Each character's folded form by code point, as met (a few hundred in practice): the
    table ``str.translate`` folds a whole text with, in C."""

    def __missing__(self, code):
        folded = self[code] = fold(chr(code))
        if len(folded) != 1:
            _UNEVEN.add(chr(code))
        return folded


_FOLDS = _Folds()
_UNEVEN = set()  # characters whose fold is not one character (none in Vietnamese text)


def _folded_with_map(text):
    """The folded text and, for each folded character, the index of its source character.

    Folding is per character, so each character's fold is looked up once per process;
    when every character folds to one (Vietnamese text always does), the map is the
    identity."""
    folded = text.translate(_FOLDS)
    if not _UNEVEN or _UNEVEN.isdisjoint(text):
        return folded, range(len(text))
    origin = [index for index, char in enumerate(text) for _ in _FOLDS[ord(char)]]
    return folded, origin


def spans(text, words):
    """(start, end) spans of ``text`` whose folded form is one of ``words`` as a whole word."""
    if not text or not words:
        return []
    folded, origin = _folded_with_map(text)
    pattern = re.compile(r"(?<![0-9a-z])(?:" + "|".join(map(re.escape, words)) + r")(?![0-9a-z])")
    return [(origin[m.start()], origin[m.end() - 1] + 1) for m in pattern.finditer(folded)]


def highlight(text, words):
    """``text`` HTML-escaped, with every query word wrapped in ``<mark>``."""
    text = text or ""
    out, last = [], 0
    for start, end in spans(text, words):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def snippet(text, words, width=240):
    """A window of ``text`` around the first query word, highlighted."""
    text = " ".join((text or "").split())
    found = spans(text, words)
    if not found or len(text) <= width:
        start = 0
    else:
        start = max(0, found[0][0] - width // 3)
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 else start
    window = text[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(prefix + highlight(window, words) + suffix)
