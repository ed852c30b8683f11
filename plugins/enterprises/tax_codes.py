"""Vietnamese tax codes (mã số thuế): 10 digits, or 13 for a branch (the parent's 10 and a
branch number 001–999), the tenth a check digit. Read with python-stdnum (``stdnum.vn.mst``):
stored as the digits alone, shown as ``0312345678`` or ``0312345678-001``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.vn import mst

MESSAGES = {
    InvalidLength: _("A tax code has 10 digits, or 13 for a branch."),
    InvalidFormat: _("A tax code is made of digits only (and a dash before a branch number)."),
    InvalidChecksum: _("This tax code is mistyped: its check digit does not match."),
    InvalidComponent: _("This tax code's branch number is not valid."),
}


def compact_tax_code(value, strict=True):
    """The digits of a valid tax code; ValidationError (in words a clerk understands) when it
    is not one. ``strict=False`` only compacts (for values already validated)."""
    if not strict:
        return mst.compact(str(value))
    try:
        return mst.validate(str(value))
    except tuple(MESSAGES) as error:
        message = next(text for kind, text in MESSAGES.items() if isinstance(error, kind))
        raise ValidationError(message, code="invalid_tax_code") from None
    except Exception:  # noqa: BLE001 - any other refusal of the library
        raise ValidationError(MESSAGES[InvalidFormat], code="invalid_tax_code") from None


def validate_tax_code(value):
    compact_tax_code(value)


def format_tax_code(value):
    return mst.format(value) if value else ""
