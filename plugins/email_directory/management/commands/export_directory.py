from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plugins.core.models import Agency
from plugins.email_directory import exports
from plugins.email_directory.models import DirectoryEntry, Mailbox

FORMATS = ("csv", "xlsx", "ods", "vcf", "ldif", "zmprov")


class Command(BaseCommand):
    help = "Export an agency's email directory: " + ", ".join(FORMATS) + "."

    def add_arguments(self, parser):
        parser.add_argument("output", help="file to write; its extension is the format "
                                           "unless --format is given")
        parser.add_argument("--agency", required=True, help="the agency's symbol, e.g. SKH")
        parser.add_argument("--format", choices=FORMATS)

    def handle(self, *args, output, agency, format=None, **options):
        target = Agency.objects.filter(symbol=agency).first()
        if target is None:
            raise CommandError(f"No agency with the symbol {agency}.")
        fmt = format or Path(output).suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise CommandError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
        people = list(DirectoryEntry.objects.for_agency(target).with_related())
        mailboxes = list(Mailbox.objects.for_agency(target).shared().select_related("unit",
                                                                                     "agency"))
        if fmt in ("csv", "xlsx", "ods"):
            content = exports.dataset(people, mailboxes).export(fmt)
        elif fmt == "vcf":
            content = exports.vcard_text(people, mailboxes)
        elif fmt == "ldif":
            content = exports.ldif_text(people, mailboxes)
        else:
            content = exports.zmprov_text(people, mailboxes)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(output, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as handle:
            handle.write(content)
        self.stdout.write(self.style.SUCCESS(f"{len(people)} people, {len(mailboxes)} shared "
                                             f"mailboxes written to {output}."))
