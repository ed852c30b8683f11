from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plugins.core.models import Agency
from plugins.core.tabular import ImportRefused
from plugins.email_directory.importer import import_file, summary


class Command(BaseCommand):
    help = (
        "Import an agency's email directory from a CSV, XLSX or ODS file. Atomic: with any bad "
        "row nothing is written and every bad row is reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("table", help="CSV, XLSX or ODS file, one person or mailbox per row")
        parser.add_argument("--agency", required=True, help="the agency's symbol, e.g. BQL")

    def handle(self, *args, table, agency, **options):
        path = Path(table)
        if not path.is_file():
            raise CommandError(f"{table}: no such file")
        target = Agency.objects.filter(symbol=agency).first()
        if target is None:
            raise CommandError(f"No agency with the symbol {agency}.")
        try:
            created, updated = import_file(path.read_bytes(), path.name, target)
        except ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(refused.errors)} problem(s): nothing was imported.") from None
        self.stdout.write(self.style.SUCCESS(summary(created, updated)))
