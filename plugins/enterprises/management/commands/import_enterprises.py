from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from plugins.core.imports.commands import ImportCommand, in_both
from plugins.core.models import Agency
from plugins.enterprises.importer import import_file, summary


class Command(ImportCommand):
    help = (
        "Import an agency's enterprises from a CSV, XLSX or ODS file. Atomic: with any bad row "
        "nothing is written and every bad row is reported. A tax code already in the agency's "
        "directory updates that enterprise."
    )
    file_help = "CSV, XLSX or ODS file, one enterprise per row"

    def add_target_arguments(self, parser):
        parser.add_argument("--agency", required=True, help="the agency's symbol, e.g. BQL")

    def target(self, *, agency, **options):
        found = Agency.objects.filter(symbol=agency).first()
        if found is None:
            raise CommandError(in_both(lambda: _("No agency with the symbol %(symbol)s.")
                                       % {"symbol": agency}))
        return found

    def run_import(self, content, filename, target, *, progress, **options):
        return import_file(content, filename, target, progress=progress)

    def describe(self, outcome):
        return summary(*outcome)
