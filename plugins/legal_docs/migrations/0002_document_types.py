"""The document types of Decree 30/2020 Appendix III and of legal normative documents.

Agencies extend the list in the admin; this only adds what is missing.
"""

from django.db import migrations

NORMATIVE = {"NĐ", "TT", "TTLT", "NQLT", "PL", "L"}


def add_types(apps, schema_editor):
    from plugins.core.numbers import TYPE_CODES

    DocumentType = apps.get_model("legal_docs", "DocumentType")
    for order, (code, name) in enumerate(TYPE_CODES.items()):
        DocumentType.objects.get_or_create(
            code=code,
            defaults={"name": name, "is_normative": code in NORMATIVE, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("legal_docs", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
