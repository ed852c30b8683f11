"""The locales of the site's content languages exist (R-ED-16): Wagtail makes the default
one (Vietnamese); this adds English, so editors can translate at once. Idempotent."""

from django.conf import settings
from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    for code, _name in languages:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0005_search_snapshot"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
