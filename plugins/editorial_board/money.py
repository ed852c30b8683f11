"""Amounts of money as the Vietnamese admin shows them (the core's formatter)."""

from plugins.core.money import format_vnd

__all__ = ["format_vnd"]
