"""The library page's query: a filter form read from GET, the core search, facet labels.

Every parameter is optional and shareable in the URL; a value that does not validate (an
impossible date, an unknown facet value) is dropped with a visible notice, never a 500.
A fixed number of SQL queries whatever the page size: search (2 to 6), pages (1 + prefetches),
facet labels (3).
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from plugins.core.i18n import page_language
from plugins.core.search.engine import SearchRequest, search
from plugins.core.search.highlight import highlight, snippet
from plugins.legal_docs.models import (
    DocumentType,
    IssuingBody,
    LegalDocumentFile,
    LegalDocumentPage,
    LegalField,
)
from plugins.legal_docs.status import Status

FACETS = ("type", "issuer", "field", "year", "status")
SORTS = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest")),
    ("oldest", _("Issue date, oldest first")),
]
MAX_PAGE = 10_000


class LibraryForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=500, strip=True)
    type = forms.MultipleChoiceField(label=_("Document type"), required=False)
    issuer = forms.MultipleChoiceField(label=_("Issuing body"), required=False)
    field = forms.MultipleChoiceField(label=_("Subject area"), required=False)
    year = forms.MultipleChoiceField(label=_("Year"), required=False)
    status = forms.MultipleChoiceField(
        label=_("Validity status"), required=False, choices=Status.choices
    )
    date_from = forms.DateField(label=_("Issued from"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Issued until"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, labels):
        # A long q is cut, not refused: the visitor still gets results.
        data = data.copy()
        if len(data.get("q", "")) > 500:
            data["q"] = data["q"][:500]
        super().__init__(data)
        for name in ("type", "issuer", "field", "year"):
            self.fields[name].choices = list(labels[name].items())


def facet_labels():
    """Value → label for each facet (three small queries)."""
    return {
        "type": {str(t.pk): t.name for t in DocumentType.objects.all()},
        "issuer": {str(b.pk): b.name for b in IssuingBody.objects.all()},
        "field": {str(f.pk): f.name for f in LegalField.objects.all()},
        "year": {},  # any four-digit year: validated below
        "status": dict(Status.choices),
    }


def _clean_values(form, labels):
    """The valid values of each facet, and notices for what was dropped."""
    notices, filters = [], {}
    for name in FACETS:
        raw = form.data.getlist(name) if hasattr(form.data, "getlist") else []
        if name == "year":
            valid = [value for value in raw if value.isdigit() and len(value) == 4]
        else:
            valid = [value for value in raw if value in labels[name]]
        if len(valid) != len(raw):
            notices.append(
                _("Unknown values of “%(field)s” were ignored.")
                % {"field": form.fields[name].label}
            )
        if valid:
            filters[name] = valid
    for name in ("date_from", "date_to", "sort", "page", "q"):
        if name in form.errors:
            notices.append(
                _("“%(field)s” was ignored: %(error)s")
                % {"field": form.fields[name].label or name, "error": " ".join(form.errors[name])}
            )
    return filters, notices


def library_context(index_page, request):
    labels = facet_labels()
    form = LibraryForm(request.GET, labels)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    filters, notices = _clean_values(form, labels)
    date_from, date_to = data.get("date_from"), data.get("date_to")
    if date_from and date_to and date_from > date_to:
        notices.append(_("The date range was reversed; it was ignored."))
        date_from = date_to = None
    query = data.get("q") or ""
    sort = data.get("sort") or ("relevance" if query else "newest")
    results = search(SearchRequest(
        model=LegalDocumentPage, query=query, filters=filters, facet_names=FACETS,
        agency_id=_agency_id(index_page), language=page_language(index_page),
        date_from=date_from, date_to=date_to, sort=sort,
        page=data.get("page") or 1, per_page=index_page.per_page,
    ))
    pages = {
        page.pk: page
        for page in LegalDocumentPage.objects.live().public()
        .filter(pk__in=results.object_ids)
        .select_related("doc_type", "issuing_body")
        .prefetch_related(
            Prefetch("files", queryset=LegalDocumentFile.objects.select_related("document")),
        )
    }
    words = results.parsed.words()
    hits = [
        {
            "page": pages[pk],
            "title": highlight(pages[pk].title, words),
            "summary": snippet(pages[pk].summary, words),
        }
        for pk in results.object_ids if pk in pages
    ]
    return {
        "form": form,
        "hits": hits,
        "results": results,
        "facets": _facet_groups(results.facets, labels, filters, request),
        "notices": notices,
        "query_string": _query_string(request, exclude=("page",)),
        "export_query": _query_string(request, exclude=("page",)),
        "previous_page": results.page - 1 if results.page > 1 else None,
        "next_page": results.page + 1 if results.page < results.pages else None,
    }


def _agency_id(index_page):
    from plugins.core.scoping import agency_for_page

    agency = agency_for_page(index_page)
    return agency.pk if agency else None


def _query_string(request, exclude=()):
    pairs = [(k, v) for k, values in request.GET.lists() if k not in exclude for v in values]
    return urlencode(pairs)


def _facet_groups(counts, labels, selected, request):
    titles = {
        "type": _("Document type"), "issuer": _("Issuing body"), "field": _("Subject area"),
        "year": _("Year"), "status": _("Validity status"),
    }
    groups = []
    for name in FACETS:
        values = counts.get(name, [])
        if name == "year":
            values = sorted(values, key=lambda pair: pair[0], reverse=True)
        groups.append({
            "name": name,
            "title": titles[name],
            "options": [
                {
                    "value": value,
                    "label": labels[name].get(value, value),
                    "count": count,
                    "checked": value in selected.get(name, []),
                }
                for value, count in values
            ],
        })
    return groups
