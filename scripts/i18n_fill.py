"""Fill gettext catalogs and compile them, without GNU gettext on the machine.

    python scripts/i18n_fill.py <locale dir> [scripts/translations/vi.json]

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


def main(argv):
    translations = {}
    if len(argv) > 2:
        translations = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    missing = fill(argv[1], translations)
    for line in missing:
        print("untranslated", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
