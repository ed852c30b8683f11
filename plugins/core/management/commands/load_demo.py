from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from plugins.core import demo


class Command(BaseCommand):
    help = "Load the demo content of the core and of every installed plugin (idempotent)."

    def handle(self, *args, **options):
        with translation.override("vi"), transaction.atomic():
            context = demo.load_all(log=self.stdout.write)
        if context.created:
            message = f"Demo content: {context.created} objects created."
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already loaded: nothing changed."))
