"""Official email address naming schemes (R-EM-3, R-EM-4), pluggable, chosen per agency.

* ``laocai`` (seed 001 Đ3.4): the agency mailbox is ``contact-<suffix>@laocai.gov.vn``; a
  person's is ``hodemten-<suffix>@laocai.gov.vn``: initials of the family and middle names
  + the full given name, without diacritics. Đặng Xuân Phong → ``dxphong-skhdt``. The seed
  gives no collision rule; a number 2, 3, … goes before the suffix (``dxphong2-skhdt``).
* ``gialai`` (seed 004 Đ6.1): ``[given][family initial][middle initials]@gialai.gov.vn``:
  Nguyễn Văn Minh → ``minhnv``. When different names give the same address, the middle name
  next to the given name joins it, then the family initial and the other middle initials
  (Trương Hoàng Tiến Minh → ``tienminhth``). For identical names, or names that also share
  that middle name, the birth date is appended to the base form (``minhtht11021973``).
  Unit accounts: ``vhtt<district>`` (huyện Đăk Đoa → ``vhttdakdoa``, R-EM-4).

``get_scheme(name, **options).suggest(full_name, taken, birth_date=None)`` returns the first
free address and the rule that gave it, and never an address in ``taken``. ``taken`` is a
collection of addresses (compared case-insensitively), or a mapping address → the holder's
full name: with the holders known, Gia Lai's rule is followed exactly (a holder with the same
name, or the same middle name next to the given name, sends the newcomer straight to the
birth-date form, as in the seed's examples).

Names are NFC-normalised, whitespace is collapsed, and each word is folded with
:func:`plugins.core.text.fold` (``đ``/``Đ`` → ``d``); characters other than ``a-z0-9`` are
dropped (``H'Hen`` → ``hhen``). The first word is the family name, the last the given name,
the words between are middle names. A single word is taken as the given name alone.
"""

import abc
import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.core.text import fold, nfc

__all__ = [
    "NamingError",
    "Suggestion",
    "Scheme",
    "LaoCaiScheme",
    "GiaLaiScheme",
    "SCHEMES",
    "register_scheme",
    "get_scheme",
]

_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_DOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


class NamingError(ValueError):
    """No address can be made; the (translated) message says why, for the clerk."""


@dataclass(frozen=True)
class Suggestion:
    address: str  # the full address, lower case: "dxphong-skhdt@laocai.gov.vn"
    local_part: str  # "dxphong-skhdt"
    rule: str  # the rule that gave it, translated: "given name + initials"


# --- Names ------------------------------------------------------------------------------


def _plain(text):
    """``text`` folded to ``a-z0-9`` only: ``"Đăk Đoa"`` → ``"dakdoa"``."""
    return _NOT_ALNUM.sub("", fold(text or ""))


def _words(full_name):
    """The usable words of a name, folded (``None`` when there are none)."""
    text = nfc(" ".join(str(full_name or "").split()))
    words = [_plain(word) for word in text.split(" ")]
    return [word for word in words if word] or None


def _parse_name(full_name):
    """``(family, middles, given)`` of a name, folded; raise :class:`NamingError` if empty."""
    words = _words(full_name)
    if words is None:
        if str(full_name or "").strip():
            reason = _("the name has no letters that can be used in an address.")
        else:
            reason = _("the name is empty.")
        raise _cannot(full_name, reason)
    if len(words) == 1:
        return None, [], words[0]
    return words[0], words[1:-1], words[-1]


def _initials(words):
    return "".join(word[0] for word in words if word)


def _cannot(full_name, reason):
    message = _("Cannot make an address from “%(name)s”: %(reason)s") % {
        "name": " ".join(str(full_name or "").split()),
        "reason": reason,
    }
    return NamingError(message)


def _normalise_taken(taken):
    """``taken`` as a dict: lower-case address → the holder's full name (or ``None``)."""
    if not taken:
        return {}
    if isinstance(taken, Mapping):
        return {str(address).strip().lower(): holder for address, holder in taken.items()}
    return {str(address).strip().lower(): None for address in taken}


# --- Birth dates ------------------------------------------------------------------------

# How the seed writes the birth date (004 Đ6.1): 11/02/1973 → "11021973" and 15/8/1963 →
# "1581963". Day, month and four-digit year run together without separators. The month is
# two digits in the first example and one in the second, so neither "always ddmmyyyy" (which
# would give 15081963) nor "never a leading zero" (which would give 1121973) reproduces both.
# Our reading, which does: day and month are written without leading zeros, unless the
# digits could then be read as another date, in which case both get two digits. "1121973"
# could be 11/2 or 1/12/1973, so 11/02/1973 is written "11021973"; "1581963" can only be
# 15/8/1963 (there is no month 58), so it stays short. The seed's literal digits may simply
# be those of the dates as typed on the record; our rule gives the same digits for both
# examples, depends only on the date (not on how it was typed), and never gives two dates
# the same digits (short forms are unambiguous by construction; two-digit forms are
# ddmmyyyy), so people of the same name with different birth dates get different addresses.

_DATE_TEXT = re.compile(r"^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _valid_date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _as_date(birth_date, full_name):
    """A ``date`` from a ``date``/``datetime`` or text ``d/m/yyyy`` (also ``-``, ``.``, ISO)."""
    if isinstance(birth_date, datetime.datetime):
        value = birth_date.date()
    elif isinstance(birth_date, datetime.date):
        value = birth_date
    else:
        text = " ".join(str(birth_date).split())
        value = None
        if match := _DATE_TEXT.match(text):
            day, month, year = (int(group) for group in match.groups())
            value = _valid_date(year, month, day)
        elif match := _ISO_DATE.match(text):
            year, month, day = (int(group) for group in match.groups())
            value = _valid_date(year, month, day)
        if value is None:
            raise _cannot(
                full_name,
                _("“%(date)s” is not a birth date; write it as day/month/year, e.g. 15/8/1963.")
                % {"date": text},
            )
    if not 1900 <= value.year <= datetime.date.today().year:
        raise _cannot(
            full_name,
            _("%(date)s is not a plausible birth date.") % {"date": value.strftime("%d/%m/%Y")},
        )
    return value


def _readings(day_month, year):
    """The (day, month) pairs that the digits ``day_month`` can stand for, in ``year``."""
    readings = []
    for cut in range(1, len(day_month)):
        day, month = day_month[:cut], day_month[cut:]
        if day[0] == "0" or month[0] == "0":
            continue
        if _valid_date(year, int(month), int(day)):
            readings.append((int(day), int(month)))
    return readings


def birth_date_digits(birth_date):
    """The digits the Gia Lai scheme appends for ``birth_date`` (see the comment above).

    ``date(1973, 2, 11)`` → ``"11021973"``; ``date(1963, 8, 15)`` → ``"1581963"``.
    """
    short = f"{birth_date.day}{birth_date.month}"
    if len(_readings(short, birth_date.year)) == 1:
        return f"{short}{birth_date.year:04d}"
    return f"{birth_date.day:02d}{birth_date.month:02d}{birth_date.year:04d}"


# --- Schemes ----------------------------------------------------------------------------


class Scheme(abc.ABC):
    """An address naming scheme: ``suggest`` an address for a person, never a taken one."""

    name = ""
    label = ""

    def __init__(self, domain):
        domain = str(domain or "").strip().lstrip("@").lower()
        if not _DOMAIN.match(domain):
            raise NamingError(_("“%(domain)s” is not a mail domain.") % {"domain": domain})
        self.domain = domain

    def address(self, local_part):
        return f"{local_part}@{self.domain}"

    @abc.abstractmethod
    def suggest(self, full_name, taken, birth_date=None):
        """The first free :class:`Suggestion` for ``full_name``; :class:`NamingError` if none.

        ``taken``: addresses already in use (any case), or a mapping address → holder's name.
        """

    def defines_unit_account(self, unit_name):
        """Whether the scheme names the account of the unit called ``unit_name``."""
        return False

    def unit_address(self, unit_name_or_code=None):
        """The address of a unit's account, where the scheme defines one."""
        raise NamingError(
            _("The “%(scheme)s” naming scheme defines no unit accounts.") % {"scheme": self.name}
        )

    def _suggestion(self, local_part, rule):
        return Suggestion(address=self.address(local_part), local_part=local_part, rule=rule)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r} @{self.domain}>"


class LaoCaiScheme(Scheme):
    """Seed 001 Đ3.4: ``hodemten-<suffix>@laocai.gov.vn`` and ``contact-<suffix>@…``."""

    name = "laocai"
    label = gettext_lazy("Lào Cai (seed 001): initials + given name, then -suffix")
    UNIT_LOCAL_PART = "contact"
    MAX_NUMBER = 999

    def __init__(self, suffix=None, domain="laocai.gov.vn"):
        super().__init__(domain)
        suffix = _plain(suffix)
        if not suffix:
            raise NamingError(
                _("The Lào Cai naming scheme needs the agency suffix, such as “skhdt”.")
            )
        self.suffix = suffix

    def suggest(self, full_name, taken, birth_date=None):
        family, middles, given = _parse_name(full_name)
        stem = _initials([family, *middles]) + given
        # The agency mailbox counts as taken: a person called "Contact" must not get it.
        taken = set(_normalise_taken(taken)) | {self.unit_address()}
        base = f"{stem}-{self.suffix}"
        if self.address(base) not in taken:
            return self._suggestion(base, _("initials of family and middle names + given name"))
        # Seed 001 has no collision rule: number the stem, before the suffix.
        for number in range(2, self.MAX_NUMBER + 1):
            local_part = f"{stem}{number}-{self.suffix}"
            if self.address(local_part) not in taken:
                rule = _("collision: number %(number)s added before the suffix") % {
                    "number": number
                }
                return self._suggestion(local_part, rule)
        raise _cannot(full_name, _("every numbered variant is taken; choose one by hand."))

    def unit_address(self, unit_name_or_code=None):
        """The agency mailbox (seed 001 Đ3.4a): ``contact-skhdt@laocai.gov.vn``.

        ``unit_name_or_code`` is another agency's suffix (default: this scheme's).
        """
        suffix = self.suffix if unit_name_or_code is None else _plain(unit_name_or_code)
        if not suffix:
            raise NamingError(
                _("Cannot make a unit address from “%(name)s”: it has no usable letters.")
                % {"name": unit_name_or_code}
            )
        return self.address(f"{self.UNIT_LOCAL_PART}-{suffix}")

    agency_address = unit_address


class GiaLaiScheme(Scheme):
    """Seed 004 Đ6.1: ``[given][family initial][middle initials]@gialai.gov.vn``."""

    name = "gialai"
    label = gettext_lazy("Gia Lai (seed 004): given name + initials, birth date on collision")
    UNIT_PREFIX = "vhtt"
    # Words that may precede the district's name (folded); the longest are tried first.
    UNIT_NAME_PREFIXES = (
        "phong van hoa va thong tin",
        "phong van hoa thong tin",
        "thanh pho",
        "thi xa",
        "huyen",
        "tp.",
        "tx.",
        "tp",
        "tx",
        "h.",
    )

    def __init__(self, domain="gialai.gov.vn"):
        super().__init__(domain)

    def suggest(self, full_name, taken, birth_date=None):
        family, middles, given = _parse_name(full_name)
        holders = _normalise_taken(taken)
        # 1. [tên][họ viết tắt][tên lót viết tắt]: Nguyễn Văn Minh → minh + n + v.
        base = given + _initials([family, *middles])
        if self.address(base) not in holders:
            return self._suggestion(base, _("given name + initials of family and middle names"))
        # 2. Different full names, same address: "tên lót (chỉ lấy tên lót liền kề với tên) và
        # tên viết đầy đủ, kết hợp với họ và tên lót còn lại": the middle name next to the
        # given name, the given name, then the family initial and the other middle initials
        # (Trương Hoàng Tiến Minh → tien + minh + t + h). The seed's "nếu tên lót có hơn 2
        # từ" cannot mean "more than two" literally (its own two-word "Hoàng Tiến" keeps the
        # h), so the other middle initials are added whenever there are any.
        # Not for identical names, nor names sharing that middle name (rule 3 then), when
        # the holder of the base address is known.
        holder = holders[self.address(base)]
        if middles and not _same_name_or_adjacent_middle(holder, family, middles, given):
            joined = middles[-1] + given + _initials([family, *middles[:-1]])
            if self.address(joined) not in holders:
                rule = _("collision: adjacent middle name joined to the given name")
                return self._suggestion(joined, rule)
        # 3. The base form + the birth date (11/02/1973 → minhtht11021973).
        if birth_date is None or birth_date == "":
            raise _cannot(
                full_name,
                _(
                    "%(address)s is already taken, and a birth date is needed to make a "
                    "different address."
                )
                % {"address": self.address(base)},
            )
        dated = base + birth_date_digits(_as_date(birth_date, full_name))
        if self.address(dated) not in holders:
            return self._suggestion(dated, _("collision: birth date appended"))
        raise _cannot(
            full_name,
            _(
                "%(address)s is taken as well; choose the address by hand (the rule allows "
                "the birthplace or home town instead of the birth date)."
            )
            % {"address": self.address(dated)},
        )

    def defines_unit_account(self, unit_name):
        """Seed 004 names the accounts of district, town and city offices only."""
        words = f" {' '.join(fold(nfc(str(unit_name or ''))).split())} "
        return any(f" {place} " in words for place in ("huyen", "thi xa", "thanh pho"))

    def unit_address(self, unit_name_or_code=None, kind=None):
        """A district culture and information office (R-EM-4): ``vhttdakdoa@gialai.gov.vn``.

        ``unit_name_or_code``: the district, town or city, with or without "huyện", "thị xã",
        "thành phố" before it. ``kind`` replaces the ``vhtt`` prefix for other unit types.
        """
        text = " ".join(fold(nfc(str(unit_name_or_code or ""))).split())
        stripped = True
        while stripped:  # "phòng văn hóa và thông tin huyện Đăk Đoa": two prefixes
            stripped = False
            for prefix in self.UNIT_NAME_PREFIXES:
                rest = text[len(prefix) :]
                if text.startswith(prefix) and (prefix.endswith(".") or rest[:1] in ("", " ")):
                    text, stripped = rest.strip(), True
                    break
        plain = _plain(text)
        prefix = self.UNIT_PREFIX if kind is None else _plain(kind)
        if not plain or not prefix:
            raise NamingError(
                _("Cannot make a unit address from “%(name)s”: the district name is missing.")
                % {"name": unit_name_or_code or ""}
            )
        return self.address(prefix + plain)


def _same_name_or_adjacent_middle(holder, family, middles, given):
    """Whether the holder's name is the same, or has the same middle name next to the given."""
    words = _words(holder) if holder else None
    if words is None:
        return False  # holder unknown: rule 2 may apply
    if words == [w for w in (family, *middles, given) if w]:
        return True
    return len(words) > 2 and words[-1] == given and words[-2] == middles[-1]


# --- Registry ---------------------------------------------------------------------------

SCHEMES = {LaoCaiScheme.name: LaoCaiScheme, GiaLaiScheme.name: GiaLaiScheme}


def register_scheme(name, scheme_class=None, *, replace=False):
    """Register a :class:`Scheme` subclass under ``name``; usable as a class decorator.

    ``@register_scheme("hanoi")`` or ``register_scheme("hanoi", HanoiScheme)``.
    """

    def register(cls):
        if not (isinstance(cls, type) and issubclass(cls, Scheme)):
            raise TypeError(f"{cls!r} is not a Scheme subclass")
        key = str(name).strip().lower()
        if not key:
            raise ValueError("A naming scheme needs a name.")
        if key in SCHEMES and SCHEMES[key] is not cls and not replace:
            raise ValueError(f"A naming scheme {key!r} is already registered.")
        SCHEMES[key] = cls
        return cls

    return register if scheme_class is None else register(scheme_class)


def get_scheme(name, **options):
    """An instance of the scheme registered as ``name`` (case-insensitive), with ``options``."""
    key = str(name or "").strip().lower()
    try:
        scheme_class = SCHEMES[key]
    except KeyError:
        raise NamingError(
            _("Unknown address naming scheme “%(name)s”. Known schemes: %(known)s.")
            % {"name": name, "known": ", ".join(sorted(SCHEMES))}
        ) from None
    return scheme_class(**options)
