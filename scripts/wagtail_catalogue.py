"""Merge, compile and check the Vietnamese catalogues of the Wagtail apps (build time).

Plain polib, so neither GNU gettext nor Django settings are needed. polib is a development
package, so this module lives with the build scripts, outside the installed package; the
running site reads only the compiled files (``plugins/core/wagtail_vi/paths.py``).
"""

import re
from pathlib import Path

import polib

from plugins.core.wagtail_vi.paths import HERE, JS_LOCALE, LOCALE

SOURCES = HERE / "po"
DOMAINS = ("django", "djangojs")
TARGETS = {"django": LOCALE, "djangojs": JS_LOCALE}

HEADER = {
    "Project-Id-Version": "agency-portal-plugins wagtail_vi",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}

# The Wagtail apps the project may install, as folders of the wagtail package.
WAGTAIL_APP_FOLDERS = (
    "", "admin", "contrib/forms", "contrib/redirects", "contrib/settings", "contrib/table_block",
    "contrib/typed_table_block", "documents", "embeds", "images", "search", "sites",
    "snippets", "users", "locales", "contrib/simple_translation",
    "contrib/search_promotions",
)

# Django's own messages the admin shows (relative times: Wagtail's timesince tags and
# naturaltime), which read "3 minutes trước" with Django's catalogues alone: (folder of the
# django package, the one source file that counts or None for all, whether Django's own
# Vietnamese catalogue of the folder is loaded). django.conf's always is, and lacks the
# timesince plurals; django.contrib.humanize's only when that app is installed, which Wagtail
# does without (it imports humanize's naturaltime), so po/django/django.po carries them all.
DJANGO_FOLDERS = (("conf", "utils/timesince.py", True), ("contrib/humanize", None, False))

_PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\{.*?\}\}|\{[\w.]*\}|</?[a-zA-Z][^>]*>")


def placeholders(text):
    """The sorted placeholders and HTML tags of ``text``."""
    found = []
    for token in _PLACEHOLDER.findall(text or ""):
        if token.startswith("<"):
            token = re.match(r"</?[a-zA-Z0-9]+", token).group(0)  # tag name, not attributes
        found.append(token)
    return sorted(found)


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def sources(domain):
    return sorted((SOURCES / domain).glob("*.po"))


def merged(domain):
    """Every translated entry of ``domain``'s sources, one per (context, msgid)."""
    catalogue = polib.POFile()
    catalogue.metadata = dict(HEADER)
    seen = {}
    for path in sources(domain):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not _translated(entry) or _key(entry) in seen:
                continue
            clean = polib.POEntry(
                msgid=entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural,
                msgstr=entry.msgstr, msgstr_plural=dict(entry.msgstr_plural),
                flags=[f for f in entry.flags if f != "fuzzy"],
            )
            seen[_key(entry)] = clean
            catalogue.append(clean)
    return catalogue


def build():
    written = {}
    for domain in DOMAINS:
        folder = TARGETS[domain]
        folder.mkdir(parents=True, exist_ok=True)
        catalogue = merged(domain)
        catalogue.save(str(folder / f"{domain}.po"))
        catalogue.save_as_mofile(str(folder / f"{domain}.mo"))
        written[domain] = folder / f"{domain}.mo"
    return written


def _translated(entry):
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def wagtail_catalogues(domain):
    import wagtail

    base = Path(wagtail.__file__).resolve().parent
    for folder in WAGTAIL_APP_FOLDERS:
        path = base / folder / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            yield folder or "wagtail", path


def django_gaps(domain):
    """(folder, entry) for each Django message of DJANGO_FOLDERS that Django's own loaded
    Vietnamese catalogues do not translate."""
    import django

    if domain != "django":
        return
    base = Path(django.__file__).resolve().parent
    for folder, only, loaded in DJANGO_FOLDERS:
        locale = base / folder / "locale"
        theirs = {
            _key(e) for e in polib.pofile(str(locale / "vi" / "LC_MESSAGES" / "django.po"))
            if loaded and _translated(e)
        }
        for entry in polib.pofile(str(locale / "en" / "LC_MESSAGES" / "django.po")):
            if entry.obsolete or not entry.msgid or _key(entry) in theirs:
                continue
            if only is None or any(path == only for path, _line in entry.occurrences):
                yield f"django {folder}", entry


def problems_of(entry, plural_forms=None):
    """What is wrong with one translated entry (placeholders, tags, plural forms)."""
    if entry.msgid_plural:
        translations = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
        if plural_forms and len(translations) != plural_forms:
            return [f"needs {plural_forms} plural form(s): {entry.msgid!r}"]
        # The singular may lack the count ("1 page"), the plural never does.
        allowed = (placeholders(entry.msgid_plural), placeholders(entry.msgid))
        return [
            f"placeholders differ: {entry.msgid_plural!r} → {text!r}"
            for text in translations if placeholders(text) not in allowed
        ]
    if placeholders(entry.msgstr) != placeholders(entry.msgid):
        return [f"placeholders differ: {entry.msgid!r} → {entry.msgstr!r}"]
    return []


def check(parts=None):
    """Problems with the translations; with ``parts``, only those files, not coverage."""
    problems = []
    if parts:
        for path in parts:
            for entry in polib.pofile(str(path)):
                if entry.obsolete:
                    continue
                if not _translated(entry):
                    problems.append(f"{path.name}: untranslated {entry.msgid!r}")
                else:
                    problems.extend(f"{path.name}: {p}" for p in problems_of(entry, 1))
        return problems
    for domain in DOMAINS:
        translated = {_key(entry): entry for entry in merged(domain)}
        wagtail = (
            (app, entry)
            for app, path in wagtail_catalogues(domain)
            for entry in polib.pofile(str(path))
            if not entry.obsolete and entry.msgid
        )
        for app, entry in [*wagtail, *django_gaps(domain)]:
            ours = translated.get(_key(entry))
            if ours is None:
                problems.append(f"{domain} {app}: untranslated {entry.msgid!r}")
            else:
                problems.extend(f"{domain} {app}: {p}" for p in problems_of(ours, 1))
    return problems
