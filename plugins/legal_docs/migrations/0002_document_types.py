"""The national document types; agencies extend the list in the admin."""

from django.db import migrations


def add_types(apps, schema_editor):
    from plugins.legal_docs.national_types import ensure_document_types

    ensure_document_types(apps.get_model("legal_docs", "DocumentType"))


class Migration(migrations.Migration):
    dependencies = [("legal_docs", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
