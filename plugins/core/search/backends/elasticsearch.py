"""The Elasticsearch backend, through ``elasticsearch.dsl`` (elasticsearch>=8.18,<9).

Each searchable model has its own index. Documents carry the same folded words as the
database index; the analyser (whitespace, lowercase, asciifolding with the original kept)
therefore yields the same tokens as SQLite FTS5 and PostgreSQL, and the same golden
queries give the same result sets. Facets are ``keyword`` fields under ``facets.*``
counted with terms aggregations. Settings: ``PORTAL_SEARCH = {"BACKEND": "elasticsearch",
"URL": …, "INDEX_PREFIX": "portal", "REFRESH": False}``.
"""

from django.db import transaction
from elasticsearch import Elasticsearch
from elasticsearch.dsl import A, Q, Search

from plugins.core.i18n import language_facets
from plugins.core.search.backends import base
from plugins.core.search.backends.base import relevance_tiers
from plugins.core.search.types import KIND_FACET, SearchResults

FIELDS = ("title", "summary", "body")
INDEX_SETTINGS = {
    "analysis": {
        "filter": {"vn_fold": {"type": "asciifolding", "preserve_original": True}},
        "analyzer": {
            "vn_folded": {
                "type": "custom", "tokenizer": "whitespace", "filter": ["lowercase", "vn_fold"],
            }
        },
    }
}
MAPPINGS = {
    "dynamic_templates": [
        {"facets": {"path_match": "facets.*", "mapping": {"type": "keyword"}}},
    ],
    "properties": {
        "title": {"type": "text", "analyzer": "vn_folded"},
        "summary": {"type": "text", "analyzer": "vn_folded"},
        "body": {"type": "text", "analyzer": "vn_folded"},
        "number_key": {"type": "keyword"},
        "object_id": {"type": "long"},
        "agency_id": {"type": "long"},
        "date": {"type": "date"},
        "facets": {"type": "object", "dynamic": True},
    },
}
_MAX_FACET_VALUES = 500
_clients = {}  # URL → Elasticsearch client, shared by the backends of one cluster


def _clause(term, fields=FIELDS):
    return Q("multi_match", query=term.text, type="phrase", fields=list(fields))


def _groups(parsed, fields=FIELDS):
    """Every required group matched (each group: one of its terms) within ``fields``."""
    return [Q("bool", should=[_clause(t, fields) for t in group], minimum_should_match=1)
            for group in parsed.required]


def _tier_scores(parsed):
    """Relevance as on the databases (:func:`relevance_tiers`): each tier is a constant
    score, the better tiers containing the lesser ones, so the sums keep their order."""
    return [
        Q("constant_score", filter=Q("bool", must=_groups(query, columns)), boost=2 ** rank)
        for rank, (query, columns) in enumerate(reversed(relevance_tiers(parsed)))
    ]


def _document(entry, facets):
    return {
        "title": entry.title, "summary": entry.summary, "body": entry.body,
        "number_key": entry.number_key, "object_id": entry.object_id,
        "agency_id": entry.agency_id,
        "date": entry.date.isoformat() if entry.date else None,
        "facets": facets,
    }


class ElasticsearchSearchBackend(base.SearchBackend):
    def client(self):
        url = self.params["URL"]
        if url not in _clients:
            _clients[url] = Elasticsearch(url, request_timeout=10)
        return _clients[url]

    def index_name(self, model):
        prefix = self.params.get("INDEX_PREFIX", "portal")
        return f"{prefix}-{model._meta.label_lower.replace('.', '-')}"

    def ensure_index(self, model):
        name = self.index_name(model)
        if not self.client().indices.exists(index=name):
            self.client().indices.create(index=name, settings=INDEX_SETTINGS, mappings=MAPPINGS)
        return name

    def put(self, model, entry, facets):
        """Store one SearchEntry (and its facet values) as a document."""
        self.client().index(
            index=self.ensure_index(model), id=str(entry.object_id),
            document=_document(entry, facets), refresh=self.params.get("REFRESH", False),
        )

    def delete(self, model, object_id):
        name = self.index_name(model)
        if self.client().indices.exists(index=name):
            self.client().options(ignore_status=404).delete(index=name, id=str(object_id))

    def index_entry(self, model, entry, facets):
        """Sent once the database rows are committed: a rolled-back change is never sent."""
        transaction.on_commit(lambda: self.put(model, entry, facets))

    def delete_entry(self, model, object_id):
        transaction.on_commit(lambda: self.delete(model, object_id))

    def index_entries(self, model, entries):
        for entry, facets in entries:
            self.put(model, entry, facets)

    def search(self, request, parsed):
        # Several models: their indexes searched together, the kind told by each hit's index
        # and counted with a terms aggregation on _index; the kind filter narrows the indexes.
        labels = {self.ensure_index(model): model._meta.label_lower
                  for model in request.searched_models}
        chosen = request.filters.get(KIND_FACET) if request.models else None
        names = [name for name, label in labels.items() if not chosen or label in chosen]
        s = Search(using=self.client(), index=names or list(labels)).extra(
            track_total_hits=True)
        filters = [] if names else [Q("match_none")]
        if request.agency_id is not None:
            filters.append(Q("term", agency_id=request.agency_id))
        if request.date_from or request.date_to:
            bounds = {}
            if request.date_from:
                bounds["gte"] = request.date_from.isoformat()
            if request.date_to:
                bounds["lte"] = request.date_to.isoformat()
            filters.append(Q("range", date=bounds))
        required, excluded = language_facets(request.language)
        for facet, values in {**request.filters, **required}.items():
            if values and not (request.models and facet == KIND_FACET):
                filters.append(Q("terms", **{f"facets.{facet}": list(values)}))
        filters += _groups(parsed)
        must_not = [_clause(t) for t in parsed.excluded]
        must_not += [Q("terms", **{f"facets.{facet}": list(values)})
                     for facet, values in excluded.items() if values]
        should = []
        if not parsed.is_empty and request.sort == "relevance":
            should = _tier_scores(parsed)
            if parsed.number_key:
                should.append(Q("constant_score", filter=Q("term", number_key=parsed.number_key),
                                boost=1_000_000))
        s = s.query(Q("bool", filter=filters, must_not=must_not, should=should))
        if parsed.is_empty or request.sort != "relevance":
            direction = "asc" if request.sort == "oldest" else "desc"
            s = s.sort({"date": {"order": direction, "missing": "_last"}},
                       {"object_id": direction})
        else:
            s = s.sort("_score", {"date": {"order": "desc", "missing": "_last"}},
                       {"object_id": "desc"})
        for facet in request.facet_names:
            field = "_index" if request.models and facet == KIND_FACET else f"facets.{facet}"
            s.aggs.bucket(facet, A("terms", field=field, size=_MAX_FACET_VALUES))
        page = max(1, request.page)
        start = (page - 1) * request.per_page
        s = s[start : start + request.per_page].source(False)
        response = s.execute()
        facets = {}
        for facet in request.facet_names:
            buckets = getattr(response.aggregations, facet).buckets
            pairs = [(labels.get(bucket.key, bucket.key) if facet == KIND_FACET
                      and request.models else bucket.key, bucket.doc_count)
                     for bucket in buckets]
            facets[facet] = sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
        return SearchResults(
            object_ids=[int(hit.meta.id) for hit in response],
            total=response.hits.total.value,
            facets=facets, parsed=parsed, page=page, per_page=request.per_page,
            labels=[labels[hit.meta.index] for hit in response] if request.models else [],
        )


SearchBackend = ElasticsearchSearchBackend
