from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from plugins.core.imports.commands import ImportCommand, in_both
from plugins.procedures.importer import FormFiles, import_file
from plugins.procedures.models import ProcedureIndexPage


class Command(ImportCommand):
    help = (
        "Import administrative procedures from the national database's JSON (one record or a "
        "list) or from an XLSX/ODS workbook, attaching the form files found in a folder. "
        "Atomic: with any bad record nothing is written and every bad record is reported. "
        "Idempotent by procedure code."
    )
    file_argument = "file"
    file_help = "JSON, XLSX or ODS file"

    def add_target_arguments(self, parser):
        parser.add_argument("--list", dest="index_id", type=int,
                            help="id of the procedure list page (default: the first one)")
        parser.add_argument("--files", help="folder holding the form templates")
        parser.add_argument("--publish", action="store_true", help="publish what is imported")

    def target(self, *, index_id=None, **options):
        lists = ProcedureIndexPage.objects.order_by("path")
        page = lists.filter(pk=index_id).first() if index_id else lists.first()
        if page is None:
            raise CommandError(in_both(lambda: _("No procedure list page: create one first.")))
        return page

    def run_import(self, content, filename, target, *, progress, files=None, publish=False,
                   **options):
        form_files = FormFiles.from_folder(files) if files else None
        return import_file(content, filename, target, form_files=form_files, publish=publish,
                           progress=progress)

    def describe(self, outcome):
        return outcome.message()
