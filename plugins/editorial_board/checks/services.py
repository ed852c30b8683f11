"""Checks of a page before it goes to the board (R-ED-12, R-ED-13, R-ED-14).

- R-ED-13 (seeds 000 Đ8.1, 002 Đ9): text must be Unicode (TCVN 6909:2001). Text typed in
  the legacy TCVN3 (ABC) or VNI encodings is found field by field
  (:func:`legacy_fields`) and converted to Unicode NFC on request (:func:`to_unicode_value`);
  the editor form refuses to save it otherwise, so it is never submitted.
- R-ED-12 (seeds 000 Đ9.1, 002 Đ8.1): files linked from the page are Word or ODT texts and
  JPG, GIF, PNG or BMP images, told by their content (:func:`attachment_errors`).
- R-ED-14 (seed 002 Đ6): the agency's prohibited expressions are looked for in the latest
  revision of each page the board tracks (:func:`scan`); each match is a
  :class:`~plugins.editorial_board.models.ContentFlag`. Submission is not blocked — the
  board judges the context — but while a flag is open the page cannot be published, by the
  chief's step or directly, unless the acting chief records an override with its reason
  (:func:`override`).
"""

import os
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.core.files import check_file
from plugins.core.scoping import agency_for_page
from plugins.core.text import detect_encoding, fold, to_unicode
from plugins.editorial_board import page_text
from plugins.editorial_board.models import ContentFlag, ProhibitedExpression
from plugins.editorial_board.moderation import board as who

LEGACY_ENCODINGS = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
DOCUMENT_TYPES = ("doc", "docx", "odt", "jpg", "jpeg", "gif", "png", "bmp")
IMAGE_TYPES = ("jpg", "jpeg", "gif", "png", "bmp")
EXCERPT_AROUND = 60
_MARKUP = re.compile(r"(<[^>]*>|&[#\w]+;)")


# --- R-ED-13: legacy encodings ----------------------------------------------------------

def legacy_encoding(field, value):
    """``"tcvn3"`` or ``"vni"`` when the text of ``value`` is in a legacy encoding."""
    encoding = detect_encoding(page_text.plain_text(field, value))
    return encoding if encoding in LEGACY_ENCODINGS else None


def to_unicode_value(field, value, encoding):
    """``value`` with its text (not its markup) converted from ``encoding`` to NFC."""
    if value is None:
        return value
    if isinstance(value, str) and "<" in value:
        return "".join(part if _MARKUP.fullmatch(part) else to_unicode(part, encoding)
                       for part in _MARKUP.split(value))
    if isinstance(value, str):
        return to_unicode(value, encoding)
    return value


# --- R-ED-12: attachments ---------------------------------------------------------------

def attachment_errors(image_ids, document_ids):
    """One message per linked file of a type the regulations do not accept."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    errors = []
    for model, ids, accepted in ((get_image_model(), image_ids, IMAGE_TYPES),
                                 (get_document_model(), document_ids, DOCUMENT_TYPES)):
        if not ids:
            continue
        for obj in model.objects.filter(pk__in=ids).order_by("pk"):
            name = os.path.basename(obj.file.name)
            try:
                check_file(obj.file, name, accepted=accepted)
            except (ValidationError, OSError) as error:
                errors.append(" ".join(getattr(error, "messages", [str(error)])))
    return errors


# --- R-ED-14: prohibited expressions ----------------------------------------------------

def _folded_with_positions(text):
    """``fold(text)`` and, for each folded character, its index in ``text``."""
    folded, positions = [], []
    for index, char in enumerate(text):
        part = fold(char)
        folded.append(part)
        positions.extend([index] * len(part))
    return "".join(folded), positions


def pattern(expression):
    """The folded, whole-word pattern of an expression (spaces match any spacing)."""
    words = fold(expression).split()
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")


def find(expressions, texts):
    """[(expression, label, excerpt)] for each expression found in ``texts`` ((label,
    text) pairs); one per expression and field."""
    compiled = [(expression, pattern(expression.expression)) for expression in expressions]
    found = []
    for label, text in texts:
        if not text:
            continue
        folded, positions = _folded_with_positions(text)
        for expression, regex in compiled:
            match = regex.search(folded) if regex else None
            if match is None:
                continue
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            excerpt = text[max(0, start - EXCERPT_AROUND):end + EXCERPT_AROUND]
            found.append((expression, label, " ".join(excerpt.split())[:300]))
    return found


def page_texts(page):
    """(label, plain text) of each text field of ``page``."""
    return [(str(field.verbose_name), page_text.plain_text(field, getattr(page, field.name, None)))
            for field in page_text.text_fields(type(page))]


@transaction.atomic
def scan(page, revision_object=None):
    """Bring the flags of ``page`` up to date with its latest revision; returns open flags.

    Overrides stay on a flag as long as the same expression is still in the same field.
    """
    agency = agency_for_page(page)
    if agency is None:
        return []
    content = revision_object or _latest(page)
    expressions = list(ProhibitedExpression.objects.filter(agency=agency, active=True))
    found = {(expression.expression, label): (expression, excerpt)
             for expression, label, excerpt in find(expressions, page_texts(content))}
    kept = set()
    for flag in ContentFlag.objects.filter(page_id=page.pk):
        key = (flag.matched, flag.field_label)
        if key in found:
            kept.add(key)
            excerpt = found[key][1]
            if flag.excerpt != excerpt:
                flag.excerpt = excerpt
                flag.save(update_fields=["excerpt"])
        else:
            flag.delete()
    for (matched, label), (expression, excerpt) in found.items():
        if (matched, label) not in kept:
            ContentFlag.objects.create(page_id=page.pk, agency=agency, expression=expression,
                                       matched=matched, field_label=label[:150],
                                       excerpt=excerpt)
    return list(open_flags(page))


def _latest(page):
    page = page.specific
    revision = page.get_latest_revision()
    return revision.as_object() if revision else page


def open_flags(page):
    return ContentFlag.objects.filter(page_id=page.pk, overridden_at__isnull=True)


def has_open_flags(page):
    return open_flags(page).exists()


def may_override(user, page):
    if user.is_superuser:
        return True
    agency = agency_for_page(page)
    return agency is not None and agency.pk in who.acting_chief_agency_ids(user)


@transaction.atomic
def override(page, user, reason):
    """The acting chief allows the open flags of ``page``, giving the reason (recorded)."""
    if not may_override(user, page):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason why the flagged expressions may be "
                                "published."))
    flags = list(open_flags(page).select_for_update())
    now = timezone.now()
    for flag in flags:
        flag.overridden_at, flag.overridden_by, flag.override_reason = now, user, reason
        flag.save(update_fields=["overridden_at", "overridden_by", "override_reason"])
    return flags


def flags_message(flags):
    """“expression” (field), … for messages."""
    return ", ".join(f"“{flag.matched}” ({flag.field_label})" for flag in flags)
