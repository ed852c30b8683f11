"""What a page type says about the event it reports, for plugins that time their work from it.

A plugin registers its page model once, in its ``AppConfig.ready``, with how to read the
date of the event (a document's signing or issue date) and whether the agency itself issued
it::

    content_kinds.register(LegalDocumentPage, event_date="issue_date",
                           issued_here="issued_here")

Each reader is an attribute name or a function of the page. Another plugin (the editorial
board's deadlines) asks :func:`event_of` and never guesses field names; a page type nobody
registered has no event. Registering the same model again replaces its entry.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class PageEvent:
    """The event a page reports: its date, and whether the agency issued it."""

    date: datetime.date
    issued_here: bool = True


@dataclass(frozen=True)
class _Kind:
    event_date: object
    issued_here: object


_kinds = {}


def _label(model):
    return model if isinstance(model, str) else model._meta.label


def _read(reader, page):
    return reader(page) if callable(reader) else getattr(page, reader)


def register(model, *, event_date, issued_here=None):
    """``model``: a page model or its label (``"app.Model"``); ``event_date`` and
    ``issued_here``: attribute names or functions of the page (``issued_here`` left out:
    every page of the type is the agency's own)."""
    _kinds[_label(model)] = _Kind(event_date, issued_here)


def registered(model):
    """Whether ``model`` (a class or its label) or one of its parents is registered."""
    return _kind_for(model if isinstance(model, str) else model) is not None


def _kind_for(model):
    if isinstance(model, str):
        return _kinds.get(model)
    for cls in model.__mro__:
        meta = getattr(cls, "_meta", None)
        kind = _kinds.get(getattr(meta, "label", None))
        if kind is not None:
            return kind
    return None


def event_of(page):
    """The :class:`PageEvent` of ``page`` (give it the specific page), or None when its type
    is not registered or it has no date yet."""
    kind = _kind_for(type(page))
    if kind is None:
        return None
    date = _read(kind.event_date, page)
    if not isinstance(date, datetime.date):
        return None
    issued_here = True if kind.issued_here is None else bool(_read(kind.issued_here, page))
    return PageEvent(date, issued_here)
