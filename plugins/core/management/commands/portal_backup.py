from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plugins.core.backups import service
from plugins.core.backups.errors import BackupError


class Command(BaseCommand):
    help = ("Back up the database and the media files into one dated archive in "
            "PORTAL_BACKUP_DIR, then delete all but the newest PORTAL_BACKUP_KEEP archives.")

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Folder of the archives (default: PORTAL_BACKUP_DIR).")
        parser.add_argument("--keep", type=int,
                            help="How many archives to keep (default: PORTAL_BACKUP_KEEP; "
                                 "0 keeps all).")

    def handle(self, *args, dir=None, keep=None, **options):
        try:
            path = service.create_backup(dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Backup written: %(path)s") % {"path": path}))
        for old in service.prune(dir, keep):
            self.stdout.write(_("Old backup deleted: %(path)s") % {"path": old})
