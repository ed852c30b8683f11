from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plugins.procedures.importer import FormFiles, ImportRefused, import_file
from plugins.procedures.models import ProcedureIndexPage


class Command(BaseCommand):
    help = (
        "Import administrative procedures from the national database's JSON (one record or a "
        "list) or from an XLSX/ODS workbook, attaching the form files found in a folder. "
        "Atomic: with any bad record nothing is written and every bad record is reported. "
        "Idempotent by procedure code."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON, XLSX or ODS file")
        parser.add_argument("--list", dest="index_id", type=int,
                            help="id of the procedure list page (default: the first one)")
        parser.add_argument("--files", help="folder holding the form templates")
        parser.add_argument("--publish", action="store_true", help="publish what is imported")

    def handle(self, *args, file, index_id=None, files=None, publish=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        lists = ProcedureIndexPage.objects.order_by("path")
        page = lists.filter(pk=index_id).first() if index_id else lists.first()
        if page is None:
            raise CommandError("No procedure list page: create one first.")

        def progress(done, total):
            if done == total or done % 50 == 0:
                self.stdout.write(f"  {done}/{total}")

        try:
            form_files = FormFiles.from_folder(files) if files else None
            outcome = import_file(path.read_bytes(), path.name, page, form_files=form_files,
                                  publish=publish, progress=progress)
        except ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{len(refused.errors)} problem(s): nothing was imported.") from None
        self.stdout.write(self.style.SUCCESS(f"{outcome.message()} ({page.title})"))
