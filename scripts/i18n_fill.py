"""Fill gettext catalogs and compile them, without GNU gettext on the machine.

    python scripts/i18n_fill.py --all        # makemessages + fill for every plugin and the site
    python scripts/i18n_fill.py <locale dir> [scripts/translations/vi.json]

``--all`` needs GNU gettext's xgettext (Debian package gettext) for makemessages.

English catalogs get msgstr = msgid. The Vietnamese catalog takes its translations from
the JSON file ({msgid: msgstr}; plural entries as lists). Every catalog is compiled to
.mo with polib, and untranslated Vietnamese entries are listed; the exit status is 1 if
any remain.
"""

import json
import sys
import unicodedata
from pathlib import Path

import polib


def fill(locale_dir, translations):
    missing = []
    for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/django.po")):
        language = po_path.parts[-3]
        catalog = polib.pofile(str(po_path))
        for entry in catalog:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.msgstr = ""
                entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
            if language == "en":
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                else:
                    entry.msgstr = entry.msgid
                continue
            value = translations.get(entry.msgid)
            if value is not None:
                if entry.msgid_plural:
                    values = value if isinstance(value, list) else [value]
                    entry.msgstr_plural = {
                        i: unicodedata.normalize("NFC", v) for i, v in enumerate(values)
                    }
                else:
                    entry.msgstr = unicodedata.normalize("NFC", value)
            translated = entry.msgstr or any(entry.msgstr_plural.values())
            if not translated:
                missing.append(f"{language}: {entry.msgid}")
        catalog.save()
        catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
    return missing


ROOT = Path(__file__).resolve().parent.parent
MEMORY = ROOT / "scripts" / "translations" / "vi.json"


def project_folders():
    """Every folder with a project catalogue: each plugin, each app of a plugin family
    (plugins/eoffice/documents) and the reference site."""
    family_apps = [path for path in sorted(ROOT.glob("plugins/*/*/locale"))
                   if path.parent.name != "wagtail_vi"]
    return [path.parent for path in [*sorted(ROOT.glob("plugins/*/locale")), *family_apps]
            ] + [ROOT / "site"]


def update_all():
    import os
    import subprocess

    translations = json.loads(MEMORY.read_text(encoding="utf-8"))
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="settings.dev",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]))
    missing = []
    for folder in project_folders():
        subprocess.run(
            # django-admin, not "python -m django": the working directory must not shadow
            # the standard library (plugins/core/numbers.py would hide ``numbers``).
            [str(Path(sys.executable).parent / "django-admin"), "makemessages",
             "-l", "vi", "-l", "en", "--no-obsolete", "--ignore", "wagtail_vi/*"],
            cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL,
        )
        missing += fill(folder / "locale", translations)
    return missing


def main(argv):
    if argv[1:] == ["--all"]:
        missing = update_all()
        for line in missing:
            print("untranslated", line)
        return 1 if missing else 0
    translations = {}
    if len(argv) > 2:
        translations = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    missing = fill(argv[1], translations)
    for line in missing:
        print("untranslated", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
