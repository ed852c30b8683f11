"""Official email address naming schemes (R-EM-3, R-EM-4), pluggable, chosen per agency.

* ``laocai`` (seed 001 Đ3.4b): initials of the family and middle names + the full given
  name, without diacritics, then ``-<agency suffix>``: Đặng Xuân Phong →
  ``dxphong-skhdt@laocai.gov.vn``. The seed gives no collision rule; a number is added
  before the suffix (``dxphong2-skhdt``).
* ``gialai`` (seed 004 Đ6.1): ``[given][family initial][middle initials]``: Nguyễn Văn Minh
  → ``minhnv@gialai.gov.vn``. On a collision between different names, the middle name
  next to the given name joins it, followed by the family initial and the other middle
  initials (Trương Hoàng Tiến Minh → ``tienminhth``). For identical names, or names that
  also share that middle name, the birth date is appended (``minhtht11021973``).

``get_scheme(name, **options).suggest(full_name, taken, birth_date=None)`` returns the
first free address and the rule that gave it; it never returns an address in ``taken``.
``taken`` is a set of addresses, or a mapping address → holder's full name: with the
holders known, Gia Lai's rule is followed exactly (a holder with the same name, or the same
middle name next to the given name, sends the newcomer straight to the birth-date form).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from plugins.core.text import fold, nfc

__all__ = ["NamingError", "Suggestion", "Scheme", "get_scheme", "register_scheme", "SCHEMES"]

_LETTERS = re.compile(r"[^a-z0-9]")
MAX_NUMBER = 99


class NamingError(ValueError):
    """No address can be made; the message says why, for the clerk."""


@dataclass(frozen=True)
class Suggestion:
    address: str
    local_part: str
    rule: str


def _parts(full_name):
    words = nfc(" ".join(str(full_name or "").split())).split(" ")
    words = [word for word in words if _LETTERS.sub("", fold(word))]
    if not words:
        raise NamingError(_("Cannot make an address from “%(name)s”: the name is empty.")
                          % {"name": full_name})
    return words


def _plain(word):
    return _LETTERS.sub("", fold(word))


def _initials(words):
    return "".join(_plain(word)[0] for word in words)


class Scheme:
    name = ""

    def __init__(self, domain):
        self.domain = domain.lower().lstrip("@")

    def address(self, local_part):
        return f"{local_part}@{self.domain}"

    def suggest(self, full_name, taken, birth_date=None):
        raise NotImplementedError

    def _first_free(self, candidates, taken):
        taken = {address.strip().lower() for address in taken}
        for local_part, rule in candidates:
            address = self.address(local_part)
            if address not in taken:
                return Suggestion(address=address, local_part=local_part, rule=rule)
        return None


class LaoCaiScheme(Scheme):
    """Seed 001 Đ3.4b: ``hodemten-<suffix>@laocai.gov.vn``."""

    name = "laocai"

    def __init__(self, suffix, domain="laocai.gov.vn"):
        super().__init__(domain)
        suffix = _plain(suffix)
        if not suffix:
            raise NamingError(_("The Lào Cai scheme needs the agency suffix, such as skhdt."))
        self.suffix = suffix

    def suggest(self, full_name, taken, birth_date=None):
        words = _parts(full_name)
        stem = _initials(words[:-1]) + _plain(words[-1])
        candidates = [(f"{stem}-{self.suffix}", _("initials of family and middle names + "
                                                   "given name"))]
        candidates += [
            (f"{stem}{number}-{self.suffix}", _("taken: number %(number)s added")
             % {"number": number})
            for number in range(2, MAX_NUMBER + 1)
        ]
        found = self._first_free(candidates, taken)
        if found is None:
            raise NamingError(_("Cannot make an address from “%(name)s”: every variant is taken.")
                              % {"name": full_name})
        return found

    def agency_address(self):
        """The agency's own mailbox (seed 001 Đ3.4a): contact-skhdt@laocai.gov.vn."""
        return self.address(f"contact-{self.suffix}")


class GiaLaiScheme(Scheme):
    """Seed 004 Đ6.1: ``[given][family initial][middle initials]@gialai.gov.vn``."""

    name = "gialai"
    UNIT_PREFIXES = ("phong van hoa thong tin", "phong van hoa va thong tin", "huyen", "thi xa",
                     "thanh pho", "tp")

    def __init__(self, domain="gialai.gov.vn"):
        super().__init__(domain)

    def suggest(self, full_name, taken, birth_date=None):
        words = _parts(full_name)
        given, family, middles = words[-1], words[:1] if len(words) > 1 else [], words[1:-1]
        base = _plain(given) + _initials(family) + _initials(middles)
        candidates = [(base, _("given name + family and middle initials"))]
        holder = taken.get(self.address(base)) if isinstance(taken, dict) else None
        if middles and not (holder and _same_adjacent_middle(holder, words)):
            # The middle name next to the given name joins it; then the family initial and
            # the other middle initials: Trương Hoàng Tiến Minh → tienminh + t + h.
            joined = _plain(middles[-1]) + _plain(given) + _initials(family)
            joined += _initials(middles[:-1])
            candidates.append((joined, _("taken: the adjacent middle name joins the given name")))
        found = self._first_free(candidates, taken)
        if found is not None:
            return found
        if birth_date is None:
            raise NamingError(
                _("“%(name)s”: the address is taken and the seed's rule needs the birth date "
                  "to tell the two people apart.") % {"name": full_name}
            )
        found = self._first_free(
            [(base + _date_digits(birth_date), _("taken: birth date appended"))], taken
        )
        if found is None:
            raise NamingError(_("Cannot make an address from “%(name)s”: every variant is taken.")
                              % {"name": full_name})
        return found

    def unit_address(self, district):
        """A district culture and information office (R-EM-4): vhttdakdoa@gialai.gov.vn."""
        name = " ".join(fold(district).split())
        for prefix in self.UNIT_PREFIXES:
            if name.startswith(prefix + " "):
                name = name[len(prefix) + 1:]
        plain = _LETTERS.sub("", name)
        if not plain:
            raise NamingError(_("Cannot make a unit address from “%(name)s”.") % {"name": district})
        return self.address(f"vhtt{plain}")


def _same_adjacent_middle(holder, words):
    """Whether the holder's name is the same, or shares the middle name next to the given."""
    other = _parts(holder)
    if [_plain(w) for w in other] == [_plain(w) for w in words]:
        return True
    return len(other) > 2 and len(words) > 2 and _plain(other[-2]) == _plain(words[-2])


def _date_digits(birth_date):
    """The birth date as the seed writes it into an address.

    The seed's examples are 11/02/1973 → ``11021973`` and 15/8/1963 → ``1581963``: the
    digits of the date as written on the record, separators removed. A date typed as text
    keeps its own digits; a ``date`` object is written day and month with two digits.
    """
    if isinstance(birth_date, (datetime.date, datetime.datetime)):
        return birth_date.strftime("%d%m%Y")
    text = str(birth_date).strip()
    parts = re.split(r"[/.\-\s]+", text)
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise NamingError(_("“%(date)s” is not a birth date (dd/mm/yyyy).") % {"date": text})
    day, month, year = (int(part) for part in parts)
    try:
        datetime.date(year, month, day)
    except ValueError as error:
        raise NamingError(_("“%(date)s” is not a birth date (dd/mm/yyyy).")
                          % {"date": text}) from error
    return "".join(parts)


SCHEMES = {"laocai": LaoCaiScheme, "gialai": GiaLaiScheme}


def register_scheme(name, scheme_class):
    SCHEMES[name] = scheme_class


def get_scheme(name, **options):
    try:
        scheme_class = SCHEMES[name]
    except KeyError:
        raise NamingError(_("Unknown naming scheme “%(name)s”; known: %(known)s.")
                          % {"name": name, "known": ", ".join(sorted(SCHEMES))}) from None
    return scheme_class(**options)
