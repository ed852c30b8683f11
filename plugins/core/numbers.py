"""Vietnamese official document numbers (số, ký hiệu), per Decree 30/2020/NĐ-CP.

Three shapes (DOMAIN.md "Document numbers"):

* administrative documents ``15/QĐ-BNV``, optionally with the drafting unit
  ``15/QĐ-UBND-VP``;
* legal normative documents (QPPL) with a year ``36/2016/QĐ-UBND``, joint ones with
  several issuers ``01/2011/TTLT-BNV-BTC``, laws without a type ``59/2020/QH14``;
* official letters (công văn), without a type: ``05/BNV-VP`` (issuer, then unit).

:func:`parse` tolerates case, spaces, other dashes, a leading ``Số:`` and missing
diacritics (``36/2016/qd-ubnd``); ``str()`` of the result is the canonical form.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .text import fold

__all__ = [
    "DocumentNumber", "InvalidNumber", "TYPE_CODES", "parse", "normalize", "search_key",
    "code_key", "exact_key",
]

# Decree 30/2020 Appendix III, plus the types of legal normative documents.
TYPE_CODES = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "SY": "Bản sao y",
    "TrS": "Bản trích sao",
    "SL": "Bản sao lục",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "PL": "Pháp lệnh",
    "L": "Lệnh",
}

# Issuer abbreviations whose canonical spelling is not plain upper case.
KNOWN_ISSUERS = ("HĐND", "TTg", "BLĐTBXH", "BNN&PTNT", "ĐHQG", "BCĐ")

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "Ð": "Đ", "ð": "đ"})
_PREFIX = re.compile(r"^\s*(?:s[ốo]|no\.?)\s*[:.]?\s*", re.IGNORECASE)
_SHAPE = re.compile(r"^(?P<number>\d{1,6})/(?:(?P<year>\d{4})/)?(?P<symbol>[^/\s]+(?:-[^/\s]+)*)$")
_SEGMENT = re.compile(r"^[0-9A-Za-zĐđ&]+$")
_MIN_YEAR, _MAX_YEAR = 1945, 2100


class InvalidNumber(ValueError):
    """Raised for text that is not a document number; the message is translated."""

    def __init__(self, text, reason=None):
        self.text = text
        message = _(
            "“%(text)s” is not a document number. Write it as in 36/2016/QĐ-UBND, "
            "15/QĐ-BNV or 05/BNV-VP."
        ) % {"text": text}
        if reason:
            message = f"{message} {reason}"
        self.message = message
        super().__init__(message)


def _upper(segment):
    """Upper case that keeps ``đ`` as ``Đ`` (``"đ".upper()`` already does)."""
    return segment.upper()


def _lookup(segment, canonical):
    """``segment`` spelled as in ``canonical``: exact (any case) first, then folded."""
    canonical = list(dict.fromkeys(canonical))
    exact = {code.upper(): code for code in canonical}
    if segment.upper() in exact:
        return exact[segment.upper()]
    folded = {}
    for code in canonical:
        folded.setdefault(fold(code), []).append(code)
    matches = folded.get(fold(segment), [])
    return matches[0] if len(matches) == 1 else None


@dataclass(frozen=True)
class DocumentNumber:
    number: int
    year: int | None
    type_code: str | None
    issuer: str
    unit: str | None = None

    @property
    def number_text(self):
        """The number with a leading zero below 10: ``"05"``."""
        return f"{self.number:02d}"

    @property
    def symbol(self):
        """The ký hiệu after the number and year: ``"QĐ-UBND"``, ``"BNV-VP"``."""
        return "-".join(part for part in (self.type_code, self.issuer, self.unit) if part)

    @property
    def notation(self):
        """Everything after the number (edXML CodeNotation): ``"2016/QĐ-UBND"``."""
        return f"{self.year}/{self.symbol}" if self.year else self.symbol

    @property
    def is_official_letter(self):
        """A công văn: a number without a type abbreviation and without a year."""
        return self.type_code is None and self.year is None

    @property
    def search_key(self):
        """The folded canonical form, equal for every way of typing the number."""
        return fold(str(self))

    def __str__(self):
        return f"{self.number_text}/{self.notation}"


def _clean(text):
    text = unicodedata.normalize("NFC", text or "").translate(_DASHES)
    text = _PREFIX.sub("", text.strip())
    text = re.sub(r"\s*([/-])\s*", r"\1", text)
    return text.strip()


def parse(text, extra_types=()):
    """Read a document number; raise :class:`InvalidNumber` for anything else.

    ``extra_types`` adds type abbreviations (for example ones an agency declared in the
    admin) to :data:`TYPE_CODES`.
    """
    original = text
    if not isinstance(text, str):
        raise InvalidNumber(original)
    match = _SHAPE.match(_clean(text))
    if not match:
        raise InvalidNumber(original)
    number = int(match["number"])
    if number == 0:
        raise InvalidNumber(original, _("Numbers start at 01."))
    year = int(match["year"]) if match["year"] else None
    if year is not None and not _MIN_YEAR <= year <= _MAX_YEAR:
        raise InvalidNumber(original, _("The year %(year)s is out of range.") % {"year": year})
    segments = match["symbol"].split("-")
    if not all(_SEGMENT.match(segment) for segment in segments):
        raise InvalidNumber(original)

    type_code = _lookup(segments[0], [*TYPE_CODES, *extra_types])
    rest = segments[1:] if type_code else segments
    if not rest:
        raise InvalidNumber(original, _("The issuing body is missing."))
    rest = [_lookup(segment, KNOWN_ISSUERS) or _upper(segment) for segment in rest]
    if year is not None:
        # Legal normative documents carry no drafting unit; joint ones list every issuer.
        issuer, unit = "-".join(rest), None
    else:
        issuer, unit = rest[0], "-".join(rest[1:]) or None
    return DocumentNumber(number=number, year=year, type_code=type_code, issuer=issuer, unit=unit)


def normalize(text, extra_types=()):
    """The canonical form of a document number typed any way."""
    return str(parse(text, extra_types))


@functools.lru_cache(maxsize=4096)
def search_key(text):
    """The folded canonical form of ``text`` if it is a number, else ``None`` (kept per
    text: every procedure page asks it of its legal bases' numbers)."""
    try:
        return parse(text).search_key
    except InvalidNumber:
        return None


# A code of dot-separated digit groups, as the national procedure codes (MaTTHC) ``1.115678``.
_CODE = re.compile(r"^\d{1,4}(?:\.\d{1,12}){1,3}$")


def code_key(text):
    """The key of a dotted numeric code such as a national procedure code (``1.115678``),
    typed with or without surrounding spaces or quotes; ``None`` for anything else."""
    if not isinstance(text, str):
        return None
    cleaned = unicodedata.normalize("NFC", text).strip().strip("\"“”'").strip()
    return cleaned if _CODE.match(cleaned) else None


def exact_key(text):
    """The key a search index matches exactly: a document number's, else a code's."""
    return search_key(text) or code_key(text)
