"""Amounts of money as the Vietnamese admin shows them: whole đồng, dots between thousands."""


def format_vnd(amount):
    """``1250000`` → ``"1.250.000 ₫"``."""
    return f"{int(amount or 0):,}".replace(",", ".") + " ₫"
