"""Rows every page of a site reads alike — its ``Site``, its root page, its agency — kept
in each process's memory and exactly as fresh as the page cache.

Making any page starts with the same few lookups: which ``Site`` answers this host, its
root page (where routing starts), which agency that site belongs to, which sections of
the tree are closed to the public. :func:`remember_row` (a row) and :func:`remember_value`
(plain values) keep such a lookup in the process, with the versions of the tables its query read
(:mod:`.tables`, :mod:`.versions`); the versions are read once per request (one query,
shared with the page cache), and a write to any of those tables — from any process — makes
the next request look the row up again. What is kept are the row's values: each request
gets its own model instance, never one another request could have changed.

The memory is bounded twice: :data:`LIMIT` lookups, and :data:`BUDGET` characters of text
(a page's row holds its body: a law's full text can be a few hundred thousand); the
lookups kept longest ago go first, and one larger than a sixteenth of the budget is not
kept at all.

On only when ``PORTAL_PAGE_CACHE["SHARED_ROWS"]`` is (the default; tests switch it off with
the page cache, since their transactions roll back without bumping a version).
"""

import collections
import contextlib
import contextvars
import copy
import datetime
import decimal
import functools
import inspect
import threading
import uuid

from django.db.models import Model, signals
from django.db.models.base import ModelState
from django.db.models.fields.files import FieldFile
from django.db.models.query_utils import DeferredAttribute
from modelcluster.models import ClusterableModel
from wagtail.blocks import StreamValue
from wagtail.models import AbstractPage
from wagtail.models.pages import ShowInMenusMixin

from plugins.core import page_cache
from plugins.core.page_cache import tables, versions

LIMIT = 4096  # lookups kept per process (a few per site, one or two per page asked)
BUDGET = 32 * 1024 * 1024  # characters of text kept per process, roughly

_rows = collections.OrderedDict()  # key: (versions of the tables read, value, size)
_size = {"total": 0}
_lock = threading.Lock()
_serving = contextvars.ContextVar("page_cache_serving", default=None)


def serving_request():
    return _serving.get()


@contextlib.contextmanager
def serving(request):
    """The request being answered, for lookups that are not handed it (the middleware)."""
    token = _serving.set(request)
    try:
        yield
    finally:
        _serving.reset(token)


def enabled():
    return page_cache.config()["SHARED_ROWS"]


def known_versions(request):
    """Every table's version, read once per request (``None`` before the first migrate)."""
    if not hasattr(request, "_page_cache_versions"):
        request._page_cache_versions = versions.current()
    return request._page_cache_versions


def remember_row(request, key, find):
    """``find()`` — a model instance or ``None`` — or a fresh copy of what it gave the last
    time, if no table it read has changed since. ``request`` ``None``: the request being
    answered, if any."""
    request = request or _serving.get()
    if not _usable(request):
        return find()
    instance = _instance(remember_value(request, key, lambda: _values(find())))
    if instance is not None:
        instance._kept_row = key  # what remember_derived keeps its values with
    return instance


def remember_derived(instance, name, compute, vary=()):
    """``compute()`` — values made from ``instance``, a row :func:`remember_row` gave, and
    from the tables it reads — or what it gave the last time for the same row, ``name`` and
    ``vary`` (the language, the host: whatever else it depends on), if neither the row's
    tables nor those have changed since. Never change what it gives: it is shared.

    Any other instance — a preview, a revision, a form being saved, a row read by a
    query — gets ``compute()`` every time."""
    request = _serving.get()
    key = getattr(instance, "_kept_row", None)
    if key is None or not _usable(request):
        return compute()
    with _lock:
        row = _rows.get(key)
    if row is None:
        return compute()
    row_tables = tuple(row[0])

    def derive():
        tables.note(row_tables)  # the row changed, the derived values go too
        return compute()

    return remember_value(request, ("derived", key, name, *vary), derive)


def remember_rows(request, key, find):
    """``find()`` — model instances — or fresh copies of what it gave the last time, if no
    table it read has changed since: :func:`remember_row` for a list."""
    request = request or _serving.get()
    if not _usable(request):
        return list(find())
    kept = remember_value(request, key, lambda: tuple(map(_values, find())))
    return [_instance(values) for values in kept]


def remember_related(instance, relation):
    """``instance.<relation>.all()`` as a list — a page's inline children (a ParentalKey) or
    its ParentalManyToManyField's rows — kept like :func:`remember_rows` while their tables
    do not change. An instance that holds them in memory (a preview, a revision, a form
    being saved: modelcluster keeps them in ``_cluster_related_objects``) gets its own."""
    manager = getattr(instance, relation)
    if instance.pk is None or relation in getattr(instance, "_cluster_related_objects", {}):
        return list(manager.all())
    key = ("related", instance._meta.label, instance.pk, relation)
    return remember_rows(None, key, manager.all)


def keeps(request):
    """Whether lookups made for ``request`` are kept in memory (the request being answered
    if ``None``): a GET or HEAD, with ``SHARED_ROWS`` on."""
    return _usable(request or _serving.get())


def _usable(request):
    # not for a form's POST: it may change the very rows it reads again
    return (request is not None and request.method in ("GET", "HEAD") and enabled()
            and known_versions(request) is not None)


def remember_value(request, key, compute):
    """``compute()`` — plain values (tuples, numbers, strings) read from the database — or
    what it gave the last time, if no table it read has changed since (the same object:
    never change it). ``request`` ``None``: the request being answered, if any."""
    request = request or _serving.get()
    if not _usable(request):
        return compute()
    known = known_versions(request)
    with _lock:
        kept = _rows.get(key)
    if kept is not None and all(known.get(t) == v for t, v in kept[0].items()):
        tables.note(kept[0].keys())
        return kept[1]
    with tables.recording() as read:
        value = compute()
    read -= tables.UNTRACKED
    size = _text_size(value)
    if not read - known.keys() and size <= BUDGET // 16:
        _keep(key, {table: known[table] for table in read}, value, size)
    return value


def _keep(key, read_versions, value, size):
    with _lock:
        if key in _rows:
            _size["total"] -= _rows.pop(key)[2]
        _rows[key] = (read_versions, value, size)
        _size["total"] += size
        while len(_rows) > LIMIT or _size["total"] > BUDGET:
            _size["total"] -= _rows.popitem(last=False)[1][2]


def _text_size(value):
    """About how many characters ``value`` holds (its strings and bytes; 8 for anything
    else): what :data:`BUDGET` counts."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (tuple, list, set, frozenset)):
        return sum(map(_text_size, value)) + 8
    if isinstance(value, dict):
        return sum(_text_size(k) + _text_size(v) for k, v in value.items()) + 8
    prep = getattr(value, "get_prep_value", None)  # a StreamField's value: its JSON data
    if callable(prep) and not isinstance(value, type):
        return _text_size(prep())
    return 8


def prime_site(request):
    """Give Wagtail the ``Site`` answering ``request`` from memory (``Site.find_for_request``
    keeps what it finds on the request: every later lookup in this request uses it)."""
    from django.http.request import split_domain_port
    from wagtail.models import Page, Site

    if not enabled() or hasattr(request, "_wagtail_site"):
        return
    key = ("site", split_domain_port(request._get_raw_host())[0], request.get_port())
    site = remember_row(request, key, lambda: Site._find_for_request(request))
    if site is not None:  # routing starts from its root page, as its specific class
        site.root_page = remember_row(request, ("page", site.root_page_id),
                                      lambda: Page.objects.get(pk=site.root_page_id).specific)
    request._wagtail_site = site


def forget():
    with _lock:
        _rows.clear()
        _size["total"] = 0


def _values(instance):
    if instance is None:
        return None
    fields = instance._meta.concrete_fields
    return (type(instance), instance._state.db, [f.attname for f in fields],
            [_kept_value(instance, field) for field in fields])


def _kept_value(instance, field):
    """A field's value as kept: a StreamField's as its JSON text, which each copy reads
    again lazily as the database's would be (a copy of the value itself would copy the
    blocks' definitions too); a file's as its name, as the database holds it."""
    value = getattr(instance, field.attname)
    if isinstance(value, StreamValue):
        return field.value_to_string(instance)
    if isinstance(value, FieldFile):
        return value.name
    return value


# Values no request can change in place: shared between the copies, not copied.
_IMMUTABLE = (str, int, float, bool, bytes, type(None), datetime.date, datetime.time,
              datetime.timedelta, decimal.Decimal, uuid.UUID)


def _instance(values):
    if values is None:
        return None
    model, db, names, row = values
    row = [value if isinstance(value, _IMMUTABLE) else copy.deepcopy(value) for value in row]
    converted = _converted_fields(model)
    if converted is None or signals.pre_init.has_listeners(model) \
            or signals.post_init.has_listeners(model):
        return model.from_db(db, names, row)
    # What Model.from_db does for a whole row, without the constructor's walk over every
    # field (~60 µs for a page's 58 fields, ~3 µs this way): the values go to the instance,
    # through the field's descriptor only where it converts them (a StreamField's).
    instance = model.__new__(model)
    instance.__dict__.update(zip(names, row, strict=True))
    for name in converted:
        setattr(instance, name, instance.__dict__[name])
    instance._state = ModelState()
    instance._state.adding, instance._state.db = False, db
    return instance


# Constructors that act only on an object not yet saved (one without a primary key): a row
# read back can skip them.
_ROW_SAFE_CONSTRUCTORS = {Model, ClusterableModel, AbstractPage, ShowInMenusMixin}


@functools.cache
def _converted_fields(model):
    """The fields of ``model`` whose descriptors convert an assigned value, or ``None`` if
    its rows must go through its constructor (a constructor of its own in its classes)."""
    if any("__init__" in vars(cls) and cls not in _ROW_SAFE_CONSTRUCTORS
           for cls in model.__mro__[:-1]):
        return None
    converted = []
    for field in model._meta.concrete_fields:
        descriptor = inspect.getattr_static(model, field.attname, None)
        if hasattr(descriptor, "__set__") and not isinstance(descriptor, DeferredAttribute):
            converted.append(field.attname)
    return tuple(converted)
