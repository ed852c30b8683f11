from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plugins.legal_docs.importer import ImportRefused, import_file
from plugins.legal_docs.models import LegalDocumentIndexPage


class Command(BaseCommand):
    help = (
        "Import legal documents from a CSV or XLSX file (and a folder of their files) into a "
        "library. Atomic: with any bad row nothing is written and every bad row is reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("table", help="CSV or XLSX file, one document per row")
        parser.add_argument("--library", type=int, help="id of the library page (default: first)")
        parser.add_argument("--files", help="folder holding the files named in the “Tệp” column")
        parser.add_argument("--publish", action="store_true", help="publish what is imported")

    def handle(self, *args, table, library=None, files=None, publish=False, **options):
        path = Path(table)
        if not path.is_file():
            raise CommandError(f"{table}: no such file")
        libraries = LegalDocumentIndexPage.objects.all()
        page = libraries.filter(pk=library).first() if library else libraries.first()
        if page is None:
            raise CommandError("No legal document library page: create one first.")

        def progress(done, total):
            if done == total or done % 50 == 0:
                self.stdout.write(f"  {done}/{total}")

        try:
            created = import_file(path.read_bytes(), path.name, page, files_dir=files,
                                  publish=publish, progress=progress)
        except ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(refused.errors)} problem(s): nothing was imported.") from None
        self.stdout.write(self.style.SUCCESS(f"{created} documents imported into {page.title}."))
