"""The base of an import management command: one file in, all or nothing, a clear outcome.

A plugin's command subclasses :class:`ImportCommand` and says what differs:

- ``help``, ``file_help`` (the positional file argument), :meth:`add_target_arguments`
  (where to import: a library page, an agency…);
- :meth:`ImportCommand.target`: the record to import into, from the options
  (:class:`~django.core.management.CommandError` when there is none);
- :meth:`ImportCommand.run_import`: imports the bytes, returns the outcome;
  :meth:`ImportCommand.describe` turns it into a sentence.

Every problem the import finds is written to stderr, one line each, in the active language
(the site's Vietnamese unless told otherwise), and the command exits with status 1 saying,
in that language and in English (:func:`in_both`), that nothing was imported;
a clean file is written in one transaction by the import itself and the command prints its
outcome (in both languages too) with progress along the way.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plugins.core.tabular import ImportRefused

PROGRESS_EVERY = 50


def in_both(sentence):
    """``sentence()`` in the active language, followed by its English in brackets when that
    differs: a shell's output is read by the agency's staff and by its contractors."""
    local = sentence()
    with translation.override("en"):
        english = sentence()
    return local if local == english else f"{local} ({english})"


class ImportCommand(BaseCommand):
    file_argument = "table"
    file_help = ""

    def add_arguments(self, parser):
        parser.add_argument(self.file_argument, help=self.file_help)
        self.add_target_arguments(parser)

    def add_target_arguments(self, parser):
        """Arguments that say where to import (a page, an agency) and how."""

    def target(self, **options):
        """The record the file is imported into."""
        raise NotImplementedError

    def run_import(self, content, filename, target, *, progress, **options):
        """Import ``content``; the outcome (how many records were written…). Raises
        ImportRefused with every problem, having written nothing."""
        raise NotImplementedError

    def describe(self, outcome):
        """The sentence that says what was done (gettext: it is also asked in English)."""
        return str(outcome)

    def progress(self, done, total):
        if done == total or done % PROGRESS_EVERY == 0:
            self.stdout.write(f"  {done}/{total}")

    def handle(self, *args, **options):
        name = options.pop(self.file_argument)
        path = Path(name)
        if not path.is_file():
            raise CommandError(in_both(lambda: _("%(file)s: no such file") % {"file": name}))
        target = self.target(**options)
        try:
            outcome = self.run_import(path.read_bytes(), path.name, target,
                                      progress=self.progress, **options)
        except ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(error)
            count = len(refused.errors)
            raise CommandError(in_both(lambda: ngettext(
                "%(counter)s problem: nothing was imported.",
                "%(counter)s problems: nothing was imported.", count) % {"counter": count})
            ) from None
        message = in_both(lambda: self.describe(outcome))
        self.stdout.write(self.style.SUCCESS(f"{target}: {message}"))
