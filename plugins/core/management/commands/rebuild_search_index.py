from django.core.management.base import BaseCommand

from plugins.core.search import documents


class Command(BaseCommand):
    help = "Rebuild the plugins' search index (database, and Elasticsearch when configured)."

    def handle(self, *args, **options):
        for model in documents.registered_models():
            count = documents.reindex(model._default_manager.all())
            self.stdout.write(f"{model._meta.label}: {count} indexed")
