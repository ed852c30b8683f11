"""Links of a list that keep its parameters: to another page of results, with a facet
value toggled, to an export or a feed of the same selection."""

from dataclasses import dataclass
from urllib.parse import urlencode


def query_string(params, exclude=()):
    """``params`` (a QueryDict: ``request.GET``) minus ``exclude``, URL-encoded in order."""
    return urlencode([(key, value) for key, values in params.lists()
                      if key not in exclude for value in values])


def toggled(params, name, value):
    """The query string with ``value`` of facet ``name`` added if absent, removed if present;
    back to the first page, as a new selection has other pages."""
    params = params.copy()
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values
                   else [*values, value])
    return query_string(params, exclude=("page",))


@dataclass
class Pager:
    """The page of results shown, and links to the pages before and after it that keep the
    query and the filters (``query``: the query string without ``page``)."""

    number: int
    pages: int
    query: str = ""

    def _url(self, number):
        return f"?{self.query}&page={number}" if self.query else f"?page={number}"

    @property
    def previous_page(self):
        return self.number - 1 if self.number > 1 else None

    @property
    def next_page(self):
        return self.number + 1 if self.number < self.pages else None

    @property
    def previous_url(self):
        return self._url(self.previous_page) if self.previous_page else ""

    @property
    def next_url(self):
        return self._url(self.next_page) if self.next_page else ""
