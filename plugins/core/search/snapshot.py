"""An in-memory, columnar copy of one model's index entries: the database backends' facets.

Counting facets in SQL means joining every matching entry to its facet rows and grouping
them, a cost that grows with the number of matches. Here each process keeps, per
searchable model, arrays of the entries' ids, objects, agencies and dates and, per facet,
the pairs (entry, value). Filters become boolean masks, facet counts a ``numpy.bincount``
or two each and date order one partial sort, whatever the match count; the database only
answers the full-text match. docs/search.md has the figures (SQL against snapshot, its
memory, its reload time) and the command that prints them.

A snapshot is tied to its model's index token (:class:`~plugins.core.models.SearchIndexState`),
which every change to that index replaces in the same transaction, so a process notices a
change made by any other (a worker's import, another app server) at its next search and
reloads. Entries found by the full-text match but absent from the snapshot (written after
it was loaded) are left out until that reload.
"""

import threading
from dataclasses import dataclass

import numpy as np

_lock = threading.Lock()
_snapshots = {}  # (database alias, content type id) → IndexSnapshot
_combined = {}  # (database alias, (content type id, …)) → IndexSnapshot of those models
NO_DATE = -1  # the ordinal of a missing date (real ordinals are positive)


@dataclass
class Facet:
    values: list  # code → value
    rows: np.ndarray  # entry positions, one per (entry, value) pair
    codes: np.ndarray  # the value codes of those pairs
    # Per entry position, its first value's code + 1 in layer 0 (0: none), its second in
    # layer 1, …: as many layers as the most values one entry has. Counting is then one
    # gather and one bincount per layer over the hits' positions, much quicker than a
    # boolean mask over every entry.
    layers: np.ndarray | None = None

    def count(self, hits):
        """Occurrences of each value code among the entries at positions ``hits``."""
        counted = np.zeros(len(self.values) + 1, dtype=np.int64)
        for layer in self.layers:
            counted += np.bincount(layer.take(hits), minlength=len(self.values) + 1)
        return counted[1:]


def _layers(rows, codes, size):
    """The :attr:`Facet.layers` of (entry position, value code) pairs."""
    order = np.lexsort((codes, rows))
    rows, codes = rows[order], codes[order]
    # Rank of each pair within its entry: 0 for the first value, 1 for the second, …
    starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1] if len(rows) else np.empty(0, int)
    ranks = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    layers = np.zeros((int(ranks.max()) + 1 if len(rows) else 1, size), dtype=np.int64)
    layers[ranks, rows] = codes + 1
    return layers


@dataclass
class IndexSnapshot:
    token: str | None
    entry_ids: np.ndarray  # ascending
    object_ids: np.ndarray
    agency_ids: np.ndarray  # -1 for none
    dates: np.ndarray  # proleptic ordinals, NO_DATE for none
    facets: dict  # name → Facet

    @property
    def size(self):
        return len(self.entry_ids)

    def __post_init__(self):
        # Entry id → position, as a table over the ids' range (-1: not in the snapshot): a
        # lookup is one gather, much quicker than a binary search.
        base = int(self.entry_ids[0]) if self.size else 0
        top = int(self.entry_ids[-1]) if self.size else -1
        self._base = base
        self._slots = np.full(top - base + 1, -1, dtype=np.int64)
        self._slots[self.entry_ids - base] = np.arange(self.size)

    def locate(self, entry_ids):
        """``(positions, found)``: where each given entry id is, and whether it is there."""
        offsets = np.asarray(entry_ids, dtype=np.int64) - self._base
        inside = (offsets >= 0) & (offsets < len(self._slots))
        positions = np.full(len(offsets), -1, dtype=np.int64)
        positions[inside] = self._slots[offsets[inside]]
        found = positions >= 0
        return np.where(found, positions, 0), found

    def positions(self, entry_ids):
        """Positions of the given entry ids that are in the snapshot (others dropped)."""
        positions, found = self.locate(entry_ids)
        return positions[found]

    def mask_of(self, entry_ids):
        mask = np.zeros(self.size, dtype=bool)
        mask[self.positions(entry_ids)] = True
        return mask

    def filter_mask(self, *, agency_id=None, date_from=None, date_to=None, filters=None,
                    excluded=None):
        """Entries of the agency, within the dates, having one of the values of each filter
        and none of the values of each ``excluded`` facet."""
        mask = np.ones(self.size, dtype=bool)
        if agency_id is not None:
            mask &= self.agency_ids == agency_id
        if date_from is not None:
            mask &= self.dates >= date_from.toordinal()
        if date_to is not None:
            mask &= (self.dates <= date_to.toordinal()) & (self.dates != NO_DATE)
        for name, accepted in (filters or {}).items():
            if accepted:
                mask &= self._having(name, accepted)
        for name, refused in (excluded or {}).items():
            mask &= ~self._having(name, refused)
        return mask

    def _having(self, name, values):
        """The entries with one of ``values`` of facet ``name``."""
        having = np.zeros(self.size, dtype=bool)
        facet = self.facets.get(name)
        if facet is not None and values:
            wanted = {value: code for code, value in enumerate(facet.values)}
            codes = [wanted[value] for value in values if value in wanted]
            having[facet.rows[np.isin(facet.codes, codes)]] = True
        return having

    def counts(self, name, hits):
        """``[(value, count), …]`` of facet ``name`` over the entries at positions ``hits``,
        most frequent first, then in code-point order (the same on every backend)."""
        facet = self.facets.get(name)
        if facet is None or not len(facet.rows):
            return []
        counted = facet.count(hits)
        pairs = [(facet.values[code], int(counted[code])) for code in np.flatnonzero(counted)]
        pairs.sort(key=lambda pair: (-pair[1], pair[0]))
        return pairs

    def date_key(self, positions, *, newest=True):
        """A sort key of ``positions`` by date, earliest in the order first; undated last."""
        dates = self.dates[positions]
        if newest:
            return -dates  # NO_DATE (-1) becomes 1, after every real date
        return np.where(dates == NO_DATE, np.iinfo(np.int64).max, dates)

    def date_order(self, positions, *, newest=True):
        """``positions`` ordered by date (newest or oldest first; undated last), then by
        object id in the same direction."""
        objects = self.object_ids[positions]
        tie = -objects if newest else objects
        return positions[np.lexsort((tie, self.date_key(positions, newest=newest)))]


_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()


def joined_numbers(joined):
    """The integers of a comma-joined string (``None`` or ``""``: none)."""
    if not joined:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=",")


def _ordinals(joined, count):
    # One undated entry joins to "" (no separator): the count tells it from no entries.
    if not count:
        return np.empty(0, dtype=np.int64)
    days = np.array((joined or "").split(","), dtype="datetime64[D]")
    ordinals = days.astype(np.int64) + _EPOCH_ORDINAL
    ordinals[np.isnat(days)] = NO_DATE
    return ordinals


def _load(content_type_id, token, backend, using):
    """The entries, and the entries of each facet value, fetched as comma-joined strings
    (the backend's two statements): far quicker than a row per entry."""
    from django.db import connections

    with connections[using].cursor() as cursor:
        cursor.execute(backend.entries_sql, [content_type_id])
        ids, objects, agencies, dates = cursor.fetchone()
        entry_ids = joined_numbers(ids)
        snapshot = IndexSnapshot(
            token=token, entry_ids=entry_ids, object_ids=joined_numbers(objects),
            agency_ids=joined_numbers(agencies), dates=_ordinals(dates, len(entry_ids)), facets={},
        )
        cursor.execute(backend.facets_sql, [content_type_id])
        grouped = {}
        for name, value, entries in cursor.fetchall():
            grouped.setdefault(name, []).append((value, joined_numbers(entries)))
    for name, values in grouped.items():
        values.sort(key=lambda pair: pair[0])
        entries = np.concatenate([entries for _, entries in values])
        coded = np.repeat(np.arange(len(values)), [len(entries) for _, entries in values])
        positions, found = snapshot.locate(entries)
        rows, codes = positions[found], coded[found]
        snapshot.facets[name] = Facet(values=[value for value, _ in values], rows=rows,
                                      codes=codes, layers=_layers(rows, codes, snapshot.size))
    return snapshot


def current(content_type_id, backend, using="default"):
    """The snapshot of the model's index as it is now (at most one query when nothing
    changed), loaded with the SQL of ``backend`` (a
    :class:`~plugins.core.search.backends.database.DatabaseSearchBackend`)."""
    token = _tokens((content_type_id,), using).get(content_type_id)
    key = (using, content_type_id)
    snapshot = _snapshots.get(key)
    if snapshot is not None and snapshot.token == token:
        return snapshot
    with _lock:
        snapshot = _snapshots.get(key)
        if snapshot is None or snapshot.token != token:
            snapshot = _load(content_type_id, token, backend, using)
            _snapshots[key] = snapshot
    return snapshot


def combined(models, backend, kind_facet, kept_facets=(), using="default"):
    """One snapshot of several models' entries (a site-wide search), as they are now.

    ``models`` is ``[(content type id, label), …]``. The entries of every model, ordered by
    entry id (ids are unique across models: one table), with the facets named in
    ``kept_facets`` merged across the models, and ``kind_facet`` telling each entry's model
    by its label. Made from the models' own snapshots and kept until one of their tokens
    changes: one query when nothing changed (every token at once), plus the two of
    :func:`_load` per model whose index changed.
    """
    ids = tuple(content_type_id for content_type_id, _ in models)
    tokens = _tokens(ids, using)
    token = tuple(tokens.get(content_type_id) for content_type_id in ids)
    key = (using, ids, tuple(kept_facets), kind_facet)
    found = _combined.get(key)
    if found is not None and found.token == token:
        return found
    with _lock:
        parts = []
        for (content_type_id, label), wanted in zip(models, token, strict=True):
            part = _snapshots.get((using, content_type_id))
            if part is None or part.token != wanted:
                part = _load(content_type_id, wanted, backend, using)
                _snapshots[(using, content_type_id)] = part
            parts.append((label, part))
        found = _merge(parts, token, kind_facet, kept_facets)
        _combined[key] = found
    return found


def _tokens(content_type_ids, using):
    """``{content type id: its index token}``. On a citizen's page, from the memory the page
    cache keeps with its table versions (:mod:`plugins.core.page_cache.shared`): a change to
    an index writes its token, which moves its table's version, so the next request reads
    the tokens again; no query while nothing changed."""
    from plugins.core.models import SearchIndexState
    from plugins.core.page_cache import shared

    def read():
        return dict(SearchIndexState.objects.using(using).filter(
            content_type_id__in=content_type_ids).values_list("content_type_id", "token"))

    if using != "default":
        return read()
    return shared.remember_value(None, ("search-tokens", content_type_ids), read)


def _merge(parts, token, kind_facet, kept_facets):
    """The snapshot of ``parts`` (``[(label, IndexSnapshot), …]``) together."""
    def joined(name):
        arrays = [getattr(part, name) for _, part in parts]
        return np.concatenate(arrays) if arrays else np.empty(0, dtype=np.int64)

    entry_ids = joined("entry_ids")
    order = np.argsort(entry_ids, kind="stable")
    where = np.empty(len(order), dtype=np.int64)  # old position → new position
    where[order] = np.arange(len(order))
    merged = IndexSnapshot(
        token=token, entry_ids=entry_ids[order], object_ids=joined("object_ids")[order],
        agency_ids=joined("agency_ids")[order], dates=joined("dates")[order], facets={},
    )
    offsets = np.cumsum([0, *[part.size for _, part in parts]])
    labels = sorted({label for label, _ in parts})
    kind_codes = np.concatenate(
        [np.full(part.size, labels.index(label), dtype=np.int64) for label, part in parts]
    ) if parts else np.empty(0, dtype=np.int64)
    facets = {kind_facet: (labels, where, kind_codes)}
    for name in kept_facets:
        values = sorted({value for _, part in parts if name in part.facets
                         for value in part.facets[name].values})
        code_of = {value: code for code, value in enumerate(values)}
        rows, codes = [], []
        for (_, part), offset in zip(parts, offsets, strict=False):
            facet = part.facets.get(name)
            if facet is None:
                continue
            recode = np.array([code_of[value] for value in facet.values], dtype=np.int64)
            rows.append(where[facet.rows + offset])
            codes.append(recode[facet.codes] if len(facet.codes) else facet.codes)
        if rows:
            facets[name] = (values, np.concatenate(rows), np.concatenate(codes))
    for name, (values, rows, codes) in facets.items():
        merged.facets[name] = Facet(values=values, rows=rows, codes=codes,
                                    layers=_layers(rows, codes, merged.size))
    return merged


def forget():
    """Drop every snapshot (tests; a restored database)."""
    with _lock:
        _snapshots.clear()
        _combined.clear()
