"""English admin: the date pickers still write day first, so the forms read day first (the
rest of Django's ``en`` formats stays)."""

from plugins.core.dateformats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = ["DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS"]
