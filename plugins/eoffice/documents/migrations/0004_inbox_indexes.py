"""Indexes for the inboxes and the register's list at a million documents
(tests/benchmarks/bench_eoffice_inbox.py):

- the open documents of an agency in the inboxes' order (partial: the filed ones, nearly
  all, are left out), for the director's and the unit leader's views and "to handle";
- the agency's documents in the register's order, with the columns the access rules read
  (PostgreSQL: the first page walks the index, the count is an index-only scan);
- a person's assignments with the columns the inboxes and the access rules read
  (PostgreSQL: index-only scans instead of thousands of row fetches);
- on PostgreSQL, a trigram index (pg_trgm) for the accent-free search of the folded search
  text (``LIKE '% word%'``, which no B-tree serves): a rare word is found in milliseconds
  instead of a scan of the agency's documents (a number typed whole uses ``number_key``). Other
  databases skip them. CREATE EXTENSION needs the database owner (pg_trgm is trusted).

The columns the rules read are trailing key columns rather than INCLUDE ones, which SQLite
lacks (Django would warn on every check there); PostgreSQL scans them index-only alike."""

from django.db import migrations, models

TRIGRAM_INDEXES = [
    ("eoffice_incoming_search_trgm", "search_text"),
]


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "eoffice_documents_incomingdocument" '
            f'USING gin ("{column}" gin_trgm_ops)')


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in TRIGRAM_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ("eoffice_documents", "0003_dossier_handover"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="incomingdocument",
            index=models.Index(condition=models.Q(("state", "filed"), _negated=True),
                               fields=["agency", "deadline", "-arrived_at"],
                               name="eoffice_incoming_open_idx"),
        ),
        migrations.AddIndex(
            model_name="incomingdocument",
            index=models.Index(fields=["agency", "-arrived_at", "-arrival_number", "secrecy",
                                       "registered_by"],
                               name="eoffice_incoming_list_idx"),
        ),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(fields=["person", "document", "role", "is_active",
                                       "recalled_at", "read_at"],
                               name="eoffice_assign_person_doc_idx"),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
