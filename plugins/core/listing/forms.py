"""The search form of a faceted list, read from GET.

A list subclasses :class:`ListingForm`, declares its facets as :class:`FacetField` fields (and
a date range with :func:`date_field` if it has one), and sets its sort choices. Every
parameter is optional and shareable in the URL; :meth:`ListingForm.read` never fails: a
value that does not validate (an impossible date, an unknown facet value, a page of
letters) is dropped with a notice the page shows.
"""

from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plugins.core.params import as_int

MAX_PAGE = 10_000
MAX_QUERY = 500


def is_year(value):
    """A four-digit year (ASCII digits only): a facet of years accepts any of them."""
    return as_int(value) is not None and len(value) == 4


class FacetField(forms.MultipleChoiceField):
    """A facet: one checkbox per value, with its count.

    ``choices`` are the values of a fixed facet (a status); a facet whose values live in the
    database gets them from :meth:`ListingForm.facet_labels`. ``accept`` tells a value the
    facet takes (by default: one of its choices). ``order`` is how its values are listed:
    ``None`` as the search counts them (most frequent first), ``"choices"`` in the order
    of the choices (levels read best from the top), ``"descending"`` highest first (years).
    """

    def __init__(self, *, label, choices=(), accept=None, order=None, **kwargs):
        super().__init__(label=label, required=False, choices=choices, **kwargs)
        self.accept = accept
        self.order = order

    def accepts(self, value, labels):
        return self.accept(value) if self.accept else value in labels

    def ordered(self, counts, labels):
        """``counts`` (``[(value, count), …]``) in the order this facet lists them."""
        if self.order == "descending":
            return sorted(counts, key=lambda pair: pair[0], reverse=True)
        if self.order == "choices":
            rank = {value: index for index, value in enumerate(labels)}
            return sorted(counts, key=lambda pair: rank.get(pair[0], len(rank)))
        return list(counts)


def date_field(label):
    """One end of a date range (``date_from`` / ``date_to``), a browser date picker."""
    return forms.DateField(label=label, required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))


class PageField(forms.IntegerField):
    """The page number: a plain whole number from 1 to :data:`MAX_PAGE`."""

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, max_value=MAX_PAGE, **kwargs)

    def to_python(self, value):
        """ASCII digits only, at most 18 (:func:`plugins.core.params.as_int`); a minus sign
        is read, so that ``-1`` is told it is below the first page."""
        if value in self.empty_values:
            return None
        text = str(value).strip()
        number = as_int(text.removeprefix("-"))
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return -number if text.startswith("-") else number


@dataclass
class ListingQuery:
    """What the form asks of the search, once read."""

    query: str = ""
    filters: dict = field(default_factory=dict)  # facet name → accepted values
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "newest"
    page: int = 1
    notices: list = field(default_factory=list)


class ListingForm(forms.Form):
    """Query text, sort and page; subclasses add their facets (and any other field)."""

    query_label = _("Search")
    sorts = [("relevance", _("Relevance")), ("newest", _("Newest")),
             ("oldest", _("Oldest"))]

    q = forms.CharField(required=False, max_length=MAX_QUERY, strip=True)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)
    page = PageField()

    def __init__(self, data, labels=None):
        data = data.copy()
        if len(data.get("q", "")) > MAX_QUERY:  # a long query is cut, not refused
            data["q"] = data["q"][:MAX_QUERY]
        super().__init__(data)
        facets = self.facet_names()
        self.order_fields(["q", *facets, *[name for name in self.fields if name not in
                                           (*facets, "q", "sort", "page")], "sort", "page"])
        self.fields["q"].label = self.query_label
        self.fields["sort"].choices = self.sorts
        self.value_labels = {}
        for name in self.facet_names():
            known = (labels or {}).get(name)
            if known is not None:
                self.fields[name].choices = list(known.items())
            self.value_labels[name] = dict(self.fields[name].choices)

    @classmethod
    def facet_names(cls):
        return tuple(name for name, declared in cls.base_fields.items()
                     if isinstance(declared, FacetField))

    @classmethod
    def facet_labels(cls, index_page, agency_id):
        """Value → label of the facets whose values live in the database, by facet name
        (a small query each; the fixed facets label themselves from their choices)."""
        return {}

    def search_filters(self, filters):
        """The filters the search applies: the chosen facet values, and what the list
        itself adds (a list of procedures leaves the abolished out unless asked)."""
        return filters

    def read(self):
        """The search this form asks for, and a notice for each thing ignored."""
        self.is_valid()
        data = self.cleaned_data
        filters, notices = self._facet_filters()
        notices += self._field_notices()
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            notices.append(_("The date range was reversed; it was ignored."))
            date_from = date_to = None
        query = data.get("q") or ""
        return ListingQuery(
            query=query, filters=self.search_filters(filters),
            date_from=date_from, date_to=date_to,
            sort=data.get("sort") or ("relevance" if query else "newest"),
            page=data.get("page") or 1, notices=notices,
        )

    def _facet_filters(self):
        notices, filters = [], {}
        for name in self.facet_names():
            raw = self.data.getlist(name) if hasattr(self.data, "getlist") else []
            facet = self.fields[name]
            valid = [value for value in raw if facet.accepts(value, self.value_labels[name])]
            if len(valid) != len(raw):
                notices.append(_("Unknown values of “%(field)s” were ignored.")
                               % {"field": facet.label})
            if valid:
                filters[name] = valid
        return filters, notices

    def _field_notices(self):
        names = [name for name in self.fields if name not in (*self.facet_names(), "q")]
        return [
            _("“%(field)s” was ignored: %(error)s")
            % {"field": self.fields[name].label or name, "error": " ".join(self.errors[name])}
            for name in [*names, "q"] if name in self.errors
        ]
