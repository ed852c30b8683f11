"""The cache key of an anonymous request: scheme, host, language, path and a normalised
query string — or none, when the query string is too big to be worth a cache entry.

Parameters are sorted (``?b=1&a=2`` and ``?a=2&b=1`` are one page) and the trackers that
links carry (``utm_*``, ``fbclid``, ``gclid``) are dropped, so one page is one entry. A
search or facet query string is cached like any other page, within bounds that keep the
number of entries a visitor can create small: at most :data:`MAX_PARAMETERS` parameters,
:data:`MAX_VALUE` characters per value and :data:`MAX_QUERY` characters in all.
"""

import hashlib
from urllib.parse import urlencode

from django.core.exceptions import DisallowedHost

MAX_PARAMETERS = 12
MAX_VALUE = 100
MAX_QUERY = 300
TRACKERS = ("fbclid", "gclid", "msclkid")


def _kept(name):
    return not name.startswith("utm_") and name not in TRACKERS


def normalised_query(request):
    """The query string in its one canonical form, or None if out of bounds."""
    pairs = sorted((name, value) for name, values in request.GET.lists() if _kept(name)
                   for value in values)
    if len(pairs) > MAX_PARAMETERS or any(len(value) > MAX_VALUE for _name, value in pairs):
        return None
    query = urlencode(pairs)
    return query if len(query) <= MAX_QUERY else None


def key_for(request):
    query = normalised_query(request)
    if query is None:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = f"{request.scheme}|{host}|{language}|{request.path}|{query}"
    return "page_cache:" + hashlib.sha256(raw.encode()).hexdigest()
