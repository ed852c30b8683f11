"""The search index shared by every plugin: one row per searchable object.

Texts are stored folded and reduced to words separated by single spaces (see
:func:`plugins.core.search.documents.index_words`), so SQLite FTS5 and PostgreSQL's
``simple`` parser see exactly the same tokens. The full-text structures themselves (an
external-content FTS5 table on SQLite, a generated ``tsvector`` column with a GIN index on
PostgreSQL) are made by migration 0002 for the database in use.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    agency = models.ForeignKey(
        "core.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # A document number's folded canonical form, matched exactly (docs/architecture.md "Search").
    number_key = models.CharField(max_length=120, blank=True, db_index=True)
    date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="core_search_one_entry"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "agency", "date"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class SearchFacet(models.Model):
    """One value of one facet of an entry (several rows for a multi-valued facet)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    # The entry's content type, repeated so that a model's facets load from one index range
    # (plugins.core.search.snapshot) without a join (docs/search.md has the figures).
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+",
                                     db_index=False)
    name = models.CharField(max_length=40)
    value = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "name", "value"], name="core_search_facet_once"
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "name", "value", "entry"],
                         name="core_search_facet_load"),
        ]

    def __str__(self):
        return f"{self.name}={self.value}"


class SearchIndexState(models.Model):
    """A token that changes with every change to one model's index, in the same transaction.

    Processes compare it with the token of the snapshot they hold
    (:mod:`plugins.core.search.snapshot`) and reload when it differs: a change made by any
    process (a task worker's import, another app server) is seen by all at their next search.
    A random token rather than a counter: a rolled-back transaction cannot make an old
    number stand for new data.
    """

    content_type = models.OneToOneField(
        ContentType, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=32)

    def __str__(self):
        return f"{self.content_type_id}:{self.token}"
