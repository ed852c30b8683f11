"""Amounts of money as Vietnamese texts write them: whole đồng, dots between thousands."""

from decimal import Decimal, InvalidOperation


def format_vnd(amount, *, symbol=True):
    """``1250000`` → ``"1.250.000 ₫"`` (``"1.250.000"`` with ``symbol=False``); an amount
    with a fraction is rounded to the đồng; ``None`` is 0; ``""`` for what is no number."""
    try:
        number = Decimal(str(amount if amount is not None else 0))
    except (InvalidOperation, ValueError, TypeError):
        return ""
    if not number.is_finite():
        return ""
    text = f"{int(number.quantize(Decimal(1))):,}".replace(",", ".")
    return f"{text} ₫" if symbol else text
