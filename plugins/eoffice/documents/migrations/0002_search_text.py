"""The lists search number, trích yếu and sender (plugins.eoffice.documents.search): the
folded subject column becomes the folded search text, refilled for the rows there are."""

from django.db import migrations, models


def refill(apps, schema_editor):
    from plugins.eoffice.documents.search import folded_text

    for name, parts in (("IncomingDocument", ("number_notation", "subject", "sender_name")),
                        ("OutgoingDocument", ("number_notation", "subject"))):
        model = apps.get_model("eoffice_documents", name)
        batch = []
        for document in model.objects.only("pk", *parts).iterator(chunk_size=2000):
            document.search_text = folded_text(*(getattr(document, p) for p in parts))
            batch.append(document)
            if len(batch) == 2000:
                model.objects.bulk_update(batch, ["search_text"])
                batch = []
        model.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("eoffice_documents", "0001_initial")]

    operations = [
        migrations.RenameField("incomingdocument", "subject_folded", "search_text"),
        migrations.RenameField("outgoingdocument", "subject_folded", "search_text"),
        migrations.AlterField(
            "incomingdocument", "search_text",
            models.TextField(blank=True, default="", editable=False)),
        migrations.AlterField(
            "outgoingdocument", "search_text",
            models.TextField(blank=True, default="", editable=False)),
        migrations.RunPython(refill, migrations.RunPython.noop),
    ]
