"""Numbers read from a request (a query string, a posted field), never trusted.

``int(request.GET["page"])`` answers 500 to ``?page=abc``, and a number of thirty digits
overflows the database's integer; :func:`as_int` returns the default instead, and keeps the
number within bounds.
"""

MAX_ID = 2**31 - 1  # the smallest integer primary key of the supported databases


def as_int(value, default=None, *, low=None, high=None):
    """``value`` as an int within ``[low, high]`` (clamped), or ``default`` if it is not a
    plain whole number (letters, NUL bytes, a sign, more than 18 digits)."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return default
    number = int(text)
    if low is not None:
        number = max(low, number)
    if high is not None:
        number = min(high, number)
    return number


def as_id(value):
    """A primary key from a request, or ``None`` (never a number the database refuses)."""
    number = as_int(value)
    return number if number is not None and 0 < number <= MAX_ID else None
