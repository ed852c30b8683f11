"""Requirement ids ("R-LD-5") stay in code comments and tests: no label, help text, message
or template text of the plugins or the site shows them to a user (issue 15, item 9)."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("plugins/*/locale/vi/LC_MESSAGES/django.po")) + [
    ROOT / "site" / "locale" / "vi" / "LC_MESSAGES" / "django.po"
]
REQUIREMENT_ID = re.compile(r"\bR-[A-Z]{2,}-\d+")


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_translatable_string_shows_a_requirement_id(path):
    """Neither the English msgid nor its Vietnamese translation carries an R-XX-n id."""
    found = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        texts = [entry.msgid, entry.msgid_plural, entry.msgstr,
                 *entry.msgstr_plural.values()]
        if any(REQUIREMENT_ID.search(text or "") for text in texts):
            found.append(entry.msgid)
    assert found == []


def test_the_check_sees_an_id():
    """The pattern catches the ids the interface used to show."""
    assert REQUIREMENT_ID.search("Counts towards the publication deadline report (R-LD-5).")
    assert REQUIREMENT_ID.search("(R-ED-14)")
    assert not REQUIREMENT_ID.search("Số 29/QĐ-BQL")
