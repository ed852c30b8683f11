import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.backups import service
from plugins.core.backups.errors import BackupError

# What an administrator may type to go on, in English or Vietnamese (with or without marks).
YES = ("yes", "có", "co")


def _when(manifest):
    """The backup's date and time, local, as the administrator reads it."""
    try:
        made = datetime.datetime.fromisoformat(manifest.get("created_at", ""))
    except ValueError:
        return manifest.get("created_at", "?")
    return timezone.localtime(made).strftime("%d/%m/%Y %H:%M:%S")


class Command(BaseCommand):
    help = ("Restore the database and the media files from a backup archive made by "
            "portal_backup, then rebuild the search indexes. The archive is checked first.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A backup-YYYYMMDD-HHMMSS.tar.gz archive.")
        parser.add_argument("--yes", action="store_true",
                            help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes=False, **options):
        try:
            manifest = service.restore(archive, confirm=None if yes else self.confirm,
                                       stdout=self.stdout if options["verbosity"] > 1 else None)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if manifest is None:
            raise CommandError(_("Restore cancelled: nothing was changed."))
        self.stdout.write(self.style.SUCCESS(
            _("Restored the backup of %(date)s: the database and %(count)s files; the search "
              "indexes were rebuilt.")
            % {"date": _when(manifest), "count": (manifest.get("media") or {}).get("files", 0)}))
        if service.unapplied_migrations():
            self.stdout.write(self.style.WARNING(
                _("The backup is older than the code: run manage.py migrate now.")))

    def confirm(self, manifest):
        from django.conf import settings
        from django.db import connection

        self.stdout.write(
            _("This replaces the whole database (%(database)s) and every file in %(media)s "
              "with the backup of %(date)s (%(count)s files). Changes made since then are "
              "lost.")
            % {"database": connection.settings_dict.get("NAME"), "media": settings.MEDIA_ROOT,
               "date": _when(manifest), "count": (manifest.get("media") or {}).get("files", 0)})
        try:
            answer = input(_("Type yes to restore: "))
        except EOFError:
            return False
        return answer.strip().lower() in YES
