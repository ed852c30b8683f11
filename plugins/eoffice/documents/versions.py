"""Who changed what in a draft (R-EO-8): each saved version of an outgoing document, with
its author, and a word-level diff of the text fields against the version before it.

Seed 004 Đ10.8 asks the unit leader's changes and the director's to be told apart (blue
and red on paper); here every version names its reviewer, and the admin shows the
removed and added words side by side."""

import difflib
import re
from dataclasses import dataclass, field

from plugins.eoffice.documents.models import OutgoingDocument

TEXT_FIELDS = ("subject", "body_text", "external_recipients")
_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str
    # [(op, text)] with op "equal", "delete" or "insert", word by word.
    pieces: list = field(default_factory=list)


@dataclass
class Version:
    user: object
    at: object
    changes: list


def word_diff(old, new):
    """``[(op, text)]``: the words removed from ``old`` and added in ``new``, in order."""
    before, after = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    pieces = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("equal", "".join(before[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(("delete", "".join(before[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(("insert", "".join(after[j1:j2])))
    return pieces


def text_versions(document, limit=100):
    """The versions that changed a text field, oldest first, each with its reviewer."""
    records = list(document.history.select_related("history_user").order_by(
        "history_date", "history_id")[:limit])
    versions = []
    for older, newer in zip(records, records[1:], strict=False):
        changes = []
        for name in TEXT_FIELDS:
            old, new = getattr(older, name), getattr(newer, name)
            if old != new:
                label = str(OutgoingDocument._meta.get_field(name).verbose_name)
                changes.append(FieldChange(name, label, old, new, word_diff(old, new)))
        if changes:
            versions.append(Version(newer.history_user, newer.history_date, changes))
    return versions


def by_reviewer(document):
    """``{user: [Version, …]}``: each person's edits of the draft."""
    grouped = {}
    for version in text_versions(document):
        grouped.setdefault(version.user, []).append(version)
    return grouped
