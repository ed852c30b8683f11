"""Searching documents in the e-office's lists (R-EO-2 item 4): the query language of core
search (:func:`plugins.core.search.query.parse_query` — words, "phrases", ``OR``, ``-word``,
a document number typed as the whole query), matched without accents on the folded
trích yếu, number and sender kept on each document.

Documents are not put into core's public search index: who sees which document is decided
per person (:mod:`..access`), so the search filters the queryset the user may already see,
and it is still one query."""

from functools import reduce
from operator import and_, or_

from django.db.models import Q

from plugins.core.search.query import parse_query

__all__ = ["folded_text", "search"]


def folded_text(*parts):
    """What a document is searched by: its parts' words, folded, with a space at each end
    so that a phrase only matches whole words at its edges."""
    from plugins.core.search.documents import index_words  # not at model import time

    words = " ".join(filter(None, (index_words(part) for part in parts)))
    return f" {words} " if words else ""


def _term(term):
    # A term matches from the start of a word: "giai" finds "giải phóng", "hop" not "khop".
    return Q(search_text__contains=f" {term.text}")


def search(documents, text):
    """``documents`` narrowed to those matching the search box's ``text``: all of them for
    an empty box, none for a box without a word (punctuation, or exclusions alone)."""
    query = parse_query(text)
    if not query.raw:
        return documents
    if query.number_key:
        by_number = Q(number_key=query.number_key)
        if query.is_empty:
            return documents.filter(by_number)
    else:
        by_number = None
    if query.is_empty:
        return documents.none()
    condition = reduce(and_, (reduce(or_, (_term(t) for t in group))
                              for group in query.required))
    for term in query.excluded:
        condition &= ~Q(search_text__contains=f" {term.text}")
    if by_number is not None:
        condition |= by_number
    return documents.filter(condition)
