"""The document types of Decree 30/2020 Appendix III and of legal normative documents.

Used by migration 0002 (with the historical model) and by the demo (with the real one),
so a database emptied by a flush gets the list back.
"""

from plugins.core.numbers import TYPE_CODES

NORMATIVE = {"NĐ", "TT", "TTLT", "NQLT", "PL", "L"}


def ensure_document_types(model):
    """Add the national types missing from ``model``'s table; returns {code: type}."""
    types = {}
    for order, (code, name) in enumerate(TYPE_CODES.items()):
        types[code], _ = model.objects.get_or_create(
            code=code,
            defaults={"name": name, "is_normative": code in NORMATIVE, "sort_order": order},
        )
    return types
