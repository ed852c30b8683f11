"""JSON files from outside, read within limits: one rule for every importer.

:func:`load_json` decodes UTF-8 (with or without a BOM), parses, and refuses a document
nested deeper than ``max_depth`` (a few thousand ``[`` make the parser recurse until Python
gives up) — always with :class:`UnsafeJSON`, whose ``message`` is a sentence a clerk
understands (translated), never a traceback.
"""

import json

from django.utils.translation import gettext as _

MAX_DEPTH = 32


class UnsafeJSON(ValueError):
    """The JSON file was refused; ``message`` says why (translated)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def load_json(content, *, max_depth=MAX_DEPTH, **options):
    """The parsed JSON of ``content`` (bytes or text); ``options`` go to :func:`json.loads`
    (``object_pairs_hook``, ``parse_float``)."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnsafeJSON(_("The JSON file is not in UTF-8.")) from None
    try:
        data = json.loads(content, **options)
    except json.JSONDecodeError as error:
        raise UnsafeJSON(_("The file is not valid JSON (line %(line)s, column %(column)s): "
                           "%(error)s.") % {"line": error.lineno, "column": error.colno,
                                            "error": error.msg}) from None
    except (RecursionError, MemoryError):
        raise _too_deep(max_depth) from None
    except (ValueError, TypeError, ArithmeticError) as error:  # a hook refused a value
        raise UnsafeJSON(_("The file is not valid JSON: %(error)s.")
                         % {"error": str(error)[:200]}) from None
    _check_depth(data, max_depth)
    return data


def _too_deep(max_depth):
    return UnsafeJSON(_("The JSON file is nested more than %(depth)s levels deep.")
                      % {"depth": max_depth})


def _check_depth(data, max_depth):
    """Refuse lists and objects nested deeper than ``max_depth``, walked level by level
    (the parser itself stops at Python's recursion limit)."""
    level, depth = [data], 0
    while level:
        containers = [value for value in level if isinstance(value, (dict, list))]
        if not containers:
            return
        depth += 1
        if depth > max_depth:
            raise _too_deep(max_depth)
        level = [child for value in containers
                 for child in (value.values() if isinstance(value, dict) else value)]
