from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from plugins.core.imports.commands import ImportCommand, in_both
from plugins.legal_docs.importer import import_file, summary
from plugins.legal_docs.models import LegalDocumentIndexPage


class Command(ImportCommand):
    help = (
        "Import legal documents from a CSV or XLSX file (and a folder of their files) into a "
        "library. Atomic: with any bad row nothing is written and every bad row is reported."
    )
    file_help = "CSV or XLSX file, one document per row"

    def add_target_arguments(self, parser):
        parser.add_argument("--library", type=int, help="id of the library page (default: first)")
        parser.add_argument("--files", help="folder holding the files named in the “Tệp” column")
        parser.add_argument("--publish", action="store_true", help="publish what is imported")

    def target(self, *, library=None, **options):
        libraries = LegalDocumentIndexPage.objects.all()
        page = libraries.filter(pk=library).first() if library else libraries.first()
        if page is None:
            raise CommandError(in_both(
                lambda: _("No legal document library page: create one first.")))
        return page

    def run_import(self, content, filename, target, *, progress, files=None, publish=False,
                   **options):
        return import_file(content, filename, target, files_dir=files, publish=publish,
                           progress=progress)

    def describe(self, outcome):
        return summary(outcome)
