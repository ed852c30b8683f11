"""Indexes for the inboxes and the register's list at a million documents
(tests/benchmarks/bench_eoffice_inbox.py):

- the open documents of an agency in the inboxes' order (partial: the filed ones, nearly
  all, are left out), for the director's and the unit leader's views and "to handle";
- the agency's documents in the register's order, with the columns the access rules read
  (PostgreSQL: the first page walks the index, the count is an index-only scan);
- a person's assignments with the columns the inboxes and the access rules read
  (PostgreSQL: index-only scans instead of thousands of row fetches).

On SQLite the INCLUDE columns are left out (Django skips them there)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("eoffice_documents", "0001_initial"),
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
            index=models.Index(fields=["agency", "-arrived_at", "-arrival_number"],
                               include=("secrecy", "registered_by", "id"),
                               name="eoffice_incoming_list_idx"),
        ),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(fields=["person", "document"],
                               include=("role", "is_active", "recalled_at", "read_at"),
                               name="eoffice_assign_person_doc_idx"),
        ),
    ]
