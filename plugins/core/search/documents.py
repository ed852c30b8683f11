"""What goes into the search index, and keeping it up to date.

A plugin registers, for each searchable model, a function that turns an object into a
:class:`SearchDocument` (or ``None`` when the object must not be found: a draft, a
secret document). :func:`index` and :func:`remove` are called from the plugin's signals.
They write the database rows of the index (core.SearchEntry, SearchFacet) and tell the
search backend (:mod:`plugins.core.search.backends`), which may keep its own copy.
"""

import datetime
import re
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from plugins.core.numbers import exact_key
from plugins.core.search.backends import get_search_backend
from plugins.core.text import fold

_WORDS = re.compile(r"[0-9a-z]+")
_REGISTRY = {}


def index_words(text):
    """``text`` folded and reduced to its words, separated by single spaces."""
    return " ".join(_WORDS.findall(fold(text or "")))


@dataclass
class SearchDocument:
    title: str
    summary: str = ""
    body: str = ""
    number: str = ""  # a document number or a code (1.115678), matched exactly however typed
    date: datetime.date | None = None
    agency_id: int | None = None
    facets: dict = field(default_factory=dict)  # name → value or iterable of values


def touch(model):
    """Record that ``model``'s index changed (a new token, in the caller's transaction), so
    every process reloads its snapshot of it at its next search."""
    from plugins.core.models import SearchIndexState

    SearchIndexState.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(model),
        defaults={"token": uuid.uuid4().hex},
    )


def register(model, build):
    """Declare ``model`` searchable; ``build(obj)`` gives its SearchDocument or None."""
    _REGISTRY[model._meta.label_lower] = build


def registered_models():
    from django.apps import apps

    return [apps.get_model(label) for label in sorted(_REGISTRY)]


def _facet_values(value):
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)]


@transaction.atomic
def index(obj):
    """Add or refresh ``obj`` in the index (or take it out if it must not be found)."""
    from plugins.core.models import SearchEntry, SearchFacet

    document = _build(obj)
    if document is None:
        remove(obj)
        return None
    entry, _ = SearchEntry.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        defaults=_entry_fields(document),
    )
    entry.facets.all().delete()
    facets = {
        name: [value[:200] for value in dict.fromkeys(_facet_values(values))]
        for name, values in document.facets.items()
    }
    SearchFacet.objects.bulk_create(
        SearchFacet(entry=entry, content_type_id=entry.content_type_id, name=name, value=value)
        for name, values in facets.items()
        for value in values
    )
    touch(type(obj))
    get_search_backend().index_entry(type(obj), entry, facets)
    return entry


@transaction.atomic
def remove(obj):
    from plugins.core.models import SearchEntry

    get_search_backend().delete_entry(type(obj), obj.pk)
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).delete()
    touch(type(obj))


def _build(obj):
    """``obj``'s SearchDocument, with its content language as a facet when it has one
    (pages: R-ED-16), so that each language's listing finds its own pages only."""
    document = _REGISTRY[type(obj)._meta.label_lower](obj)
    if document is not None and getattr(obj, "locale_id", None) is not None:
        from plugins.core.i18n import LANGUAGE_FACET, page_language

        document.facets = {**document.facets, LANGUAGE_FACET: page_language(obj)}
    return document


def _entry_fields(document):
    # The number is also part of the title's words, so it is found as a phrase too.
    return {
        "agency_id": document.agency_id,
        "title": index_words(f"{document.number} {document.title}"),
        "summary": index_words(document.summary),
        "body": index_words(document.body),
        "number_key": (exact_key(document.number) or "") if document.number else "",
        "date": document.date,
    }


def reindex(queryset, batch_size=1000):
    """Rebuild the index of ``queryset``'s model in bulk; returns how many were indexed.

    For a first load or a repair (``manage.py rebuild_search_index``): the entries of the
    model are replaced batch by batch, a few queries per batch.
    """
    from plugins.core.models import SearchEntry, SearchFacet

    model = queryset.model
    backend = get_search_backend()
    content_type = ContentType.objects.get_for_model(model)
    SearchEntry.objects.filter(content_type=content_type).delete()
    count, batch = 0, []

    def flush():
        entries = SearchEntry.objects.bulk_create(
            SearchEntry(content_type=content_type, object_id=pk, **_entry_fields(document))
            for pk, document in batch
        )
        if not all(entry.pk for entry in entries):  # backends that return no ids
            by_object = dict(
                SearchEntry.objects.filter(
                    content_type=content_type, object_id__in=[pk for pk, _ in batch]
                ).values_list("object_id", "pk")
            )
            for entry in entries:
                entry.pk = by_object[entry.object_id]
        facets = [
            SearchFacet(entry_id=entry.pk, content_type=content_type, name=name,
                        value=value[:200])
            for entry, (_, document) in zip(entries, batch, strict=True)
            for name, values in document.facets.items()
            for value in dict.fromkeys(_facet_values(values))
        ]
        SearchFacet.objects.bulk_create(facets)
        backend.index_entries(model, [
            (entry, {name: list(dict.fromkeys(_facet_values(values)))
                     for name, values in document.facets.items()})
            for entry, (_, document) in zip(entries, batch, strict=True)
        ])
        batch.clear()

    with transaction.atomic():
        for obj in queryset.iterator(chunk_size=batch_size):
            document = _build(obj)
            if document is None:
                continue
            batch.append((obj.pk, document))
            count += 1
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        touch(model)
    return count
