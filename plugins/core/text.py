"""Vietnamese text: NFC normalisation, accent folding, slugs and legacy encodings.

Texts are stored in NFC. :func:`fold` gives the accent-free, case-free form that
indexes and queries use (docs/architecture.md "Search"). :func:`detect_encoding` and
:func:`to_unicode` recover text typed in the legacy TCVN3 (ABC) and VNI-Windows font
encodings and later read as Latin-1/Windows-1252, as old office documents often are
(R-ED-13).
"""

import re
import unicodedata

from django.utils.text import slugify as _django_slugify

__all__ = ["nfc", "fold", "slugify", "detect_encoding", "to_unicode"]


def nfc(text):
    """``text`` in Unicode normalisation form C (``None`` stays ``None``)."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text)


_D_STROKE = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text):
    """The search form of ``text``: no diacritics, ``đ``/``Đ`` → ``d``, case-folded.

    NFD first, so precomposed and decomposed input fold the same.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def slugify(text, max_length=None):
    """An ASCII slug of Vietnamese text: ``"Cơ cấu tổ chức"`` → ``"co-cau-to-chuc"``."""
    slug = _django_slugify(fold(text))
    if max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


# --- Legacy encodings -------------------------------------------------------------------

# The five tones in the order used below, as combining marks.
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
_BASES = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _letter(base, tone):
    return unicodedata.normalize("NFC", base + _TONES[tone])


# TCVN 5712:1993 VN3 ("ABC"): one byte per lowercase letter; an uppercase letter with a
# tone is written with the lowercase byte in an uppercase font, so it reads back lowercase.
# Bytes per base, for the tones none, sắc, huyền, hỏi, ngã, nặng (None: plain ASCII).
_TCVN3_BYTES = {
    "a": (None, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (None, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (None, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (None, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (None, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (None, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
_TCVN3_EXTRA = {
    0xAE: "đ", 0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
}


def _tcvn3_table():
    table = {chr(byte): letter for byte, letter in _TCVN3_EXTRA.items()}
    for base, codes in _TCVN3_BYTES.items():
        for tone, byte in enumerate(codes):
            if byte is not None:
                table[chr(byte)] = _letter(base, tone)
    return table


# VNI-Windows: an ASCII base letter followed by mark characters; the marks are
# Latin-1 letters (upper case after an upper-case base).
_VNI_TONE = ("", "ù", "ø", "û", "õ", "ï")  # after a, e, o, u, y, ơ, ư
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # â, ê, ô with each tone
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # ă with each tone
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")  # i is a single character
_VNI_SINGLE_BASE = {"ơ": "ô", "ư": "ö"}


def _vni_form(base, tone):
    if base in ("â", "ê", "ô"):
        return fold(base) + _VNI_CIRCUMFLEX[tone]
    if base == "ă":
        return "a" + _VNI_BREVE[tone]
    if base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == 5:
        return "î"
    if base in _VNI_SINGLE_BASE:
        return _VNI_SINGLE_BASE[base] + _VNI_TONE[tone]
    return base + _VNI_TONE[tone]


def _vni_table():
    table = {"ñ": "đ", "Ñ": "Đ"}
    for base in _BASES:
        for tone in range(len(_TONES)):
            letter = _letter(base, tone)
            form = _vni_form(base, tone)
            if form != letter:
                table[form] = letter
                table[form.upper()] = letter.upper()
    return table


_TABLES = {"tcvn3": _tcvn3_table(), "vni": _vni_table()}


def _compile(table):
    keys = sorted(table, key=len, reverse=True)  # longest first: "oâ" before "o"
    return re.compile("|".join(re.escape(key) for key in keys))


_PATTERNS = {name: _compile(table) for name, table in _TABLES.items()}

# Characters that only Unicode Vietnamese has: ă â đ ê ô ơ ư and the letters with tones
# in the Latin Extended Additional block, or decomposed tone marks.
_UNICODE_ONLY = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
_HIGH = re.compile("[\u0080-\u00ff]")
# Letters plus every Latin-1 character: legacy text read as Latin-1 puts symbols such as
# "¬" (ơ in TCVN3) inside words.
_WORD = re.compile("[A-Za-z\u00a1-\u024f\u0300-\u036f\u1ea0-\u1ef9]+")

# A Vietnamese syllable, folded: initial consonant, vowel nucleus, final consonant.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnpqrstvx])?"
    r"(?:uye|uya|uyu|oai|oay|oeo|uay|uoi|uou|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|"
    r"oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_TONE_MARKS = set(_TONES[1:])


def _is_syllable(word):
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONE_MARKS for ch in decomposed) > 1:
        return False
    return _SYLLABLE.fullmatch(fold(word)) is not None


def _convert(text, encoding):
    table = _TABLES[encoding]
    return _PATTERNS[encoding].sub(lambda match: table[match.group(0)], text)


def _score(text):
    """The share of words carrying non-ASCII letters that are Vietnamese syllables."""
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    if not words:
        return 0.0
    return sum(_is_syllable(word) for word in words) / len(words)


_MIN_SCORE = 0.6


def detect_encoding(text):
    """The encoding ``text`` was typed in: ``"unicode"``, ``"tcvn3"``, ``"vni"`` or ``"unknown"``.

    Text with Unicode-only Vietnamese letters, or with no characters above ASCII, is
    Unicode. Otherwise each reading is scored by how many of its words are Vietnamese
    syllables; Unicode wins ties (``"Cà Mau"`` is already Unicode).
    """
    text = text or ""
    if _UNICODE_ONLY.search(unicodedata.normalize("NFC", text)) or not _HIGH.search(text):
        return "unicode"
    scores = {"unicode": _score(text)}
    for encoding in _TABLES:
        scores[encoding] = _score(_convert(text, encoding))
    best = max(scores, key=lambda name: (scores[name], name == "unicode"))
    if scores[best] < _MIN_SCORE:
        return "unknown"
    return best


def to_unicode(text, encoding=None):
    """``text`` converted to NFC Unicode from TCVN3 or VNI (detected unless given).

    Unicode and undetectable text is returned NFC-normalised and otherwise unchanged.
    """
    text = text or ""
    encoding = encoding or detect_encoding(text)
    if encoding in _TABLES:
        text = _convert(text, encoding)
    return nfc(text)


# C0 control characters and DEL, but for tab and line breaks; and the invisible characters
# that reverse or hide text (bidirectional overrides and isolates).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def has_control_characters(text):
    return bool(_CONTROL.search(text or ""))


def validate_plain_text(value):
    """Form validator: refuse text holding control characters (a NUL byte, an escape
    sequence, a right-to-left override) with a message saying so."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if has_control_characters(str(value)):
        raise ValidationError(_("Remove the control characters from this text (they cannot "
                                "be typed on a keyboard; copy the text again as plain "
                                "text)."), code="control_characters")
