"""The procedure list's query: a search form read from GET, the core search, facet labels
(R-PR-1, R-PR-5).

Every parameter is optional and shareable in the URL; a value that does not validate is
dropped with a visible notice, never a 500. Abolished procedures are left out unless the
visitor asks for them. A fixed number of SQL queries whatever the page size.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.core.i18n import page_language
from plugins.core.search.engine import SearchRequest, search
from plugins.core.search.highlight import highlight
from plugins.procedures.choices import Level, OnlineLevel, Status
from plugins.procedures.models import ProcedureField, ProcedurePage

FACETS = ("field", "level", "body", "online")
FACET_TITLES = {
    "field": _("Subject area"),
    "level": _("Level of government"),
    "body": _("Implementing body"),
    "online": _("Online service level"),
}
SORTS = [
    ("relevance", _("Relevance")),
    ("newest", _("Latest announced")),
    ("oldest", _("Earliest announced")),
]
MAX_PAGE = 10_000
MAX_QUERY = 500


class ProcedureSearchForm(forms.Form):
    q = forms.CharField(label=_("Search procedures"), required=False, max_length=MAX_QUERY)
    field = forms.MultipleChoiceField(label=FACET_TITLES["field"], required=False)
    level = forms.MultipleChoiceField(label=FACET_TITLES["level"], required=False,
                                      choices=Level.choices)
    body = forms.MultipleChoiceField(label=FACET_TITLES["body"], required=False)
    online = forms.MultipleChoiceField(label=FACET_TITLES["online"], required=False)
    abolished = forms.BooleanField(label=_("Include abolished procedures"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, labels):
        data = data.copy()
        if len(data.get("q", "")) > MAX_QUERY:  # a long query is cut, not refused
            data["q"] = data["q"][:MAX_QUERY]
        super().__init__(data)
        for name in FACETS:
            self.fields[name].choices = list(labels[name].items())


def facet_labels(agency_id, locale_id=None):
    """Value → label of each facet: two small queries (fields, implementing bodies)."""
    bodies = (
        ProcedurePage.objects.live().filter(agency_id=agency_id)
        .filter(**({"locale_id": locale_id} if locale_id else {}))
        .order_by("implementing_body").values_list("implementing_body", flat=True).distinct()
    )
    return {
        "field": {str(field.pk): field.name for field in ProcedureField.objects.all()},
        "level": dict(Level.choices),
        "body": {body: body for body in bodies if body},
        "online": {str(value): label for value, label in OnlineLevel.choices},
    }


def _valid_filters(form, labels):
    """The accepted values of each facet, and a notice for each field partly ignored."""
    notices, filters = [], {}
    for name in FACETS:
        raw = form.data.getlist(name) if hasattr(form.data, "getlist") else []
        valid = [value for value in raw if value in labels[name]]
        if len(valid) != len(raw):
            notices.append(_("Unknown values of “%(field)s” were ignored.")
                           % {"field": form.fields[name].label})
        if valid:
            filters[name] = valid
    for name in ("sort", "page", "q"):
        if name in form.errors:
            notices.append(_("“%(field)s” was ignored: %(error)s")
                           % {"field": form.fields[name].label or name,
                              "error": " ".join(form.errors[name])})
    return filters, notices


def agency_id_of(index_page):
    from plugins.core.scoping import agency_for_page

    agency = agency_for_page(index_page)
    return agency.pk if agency else None


def run_search(index_page, request, per_page=None):
    """The form, the search results, the pages of the hits in order, and notices."""
    agency_id = agency_id_of(index_page)
    labels = facet_labels(agency_id, index_page.locale_id)
    form = ProcedureSearchForm(request.GET, labels)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    filters, notices = _valid_filters(form, labels)
    if not data.get("abolished"):
        filters["status"] = [Status.IN_FORCE]
    query = data.get("q") or ""
    results = search(SearchRequest(
        model=ProcedurePage, query=query, filters=filters, facet_names=FACETS,
        agency_id=agency_id, language=page_language(index_page),
        sort=data.get("sort") or ("relevance" if query else "newest"),
        page=data.get("page") or 1, per_page=per_page or index_page.per_page,
    ))
    pages = {
        page.pk: page
        for page in ProcedurePage.objects.live().public()
        .filter(pk__in=results.object_ids).prefetch_related("procedure_fields")
    }
    ordered = [pages[pk] for pk in results.object_ids if pk in pages]
    return form, results, ordered, labels, filters, notices


def listing_context(index_page, request):
    form, results, pages, labels, filters, notices = run_search(index_page, request)
    words = results.parsed.words()
    return {
        "form": form,
        "hits": [{"page": page, "title": highlight(page.title, words)} for page in pages],
        "results": results,
        "facets": _facet_groups(results.facets, labels, filters),
        "notices": notices,
        "query_string": query_string(request, exclude=("page",)),
        "previous_page": results.page - 1 if results.page > 1 else None,
        "next_page": results.page + 1 if results.page < results.pages else None,
    }


def query_string(request, exclude=()):
    """The request's GET parameters, minus ``exclude``, for links that keep the filters."""
    return urlencode([(key, value) for key, values in request.GET.lists()
                      if key not in exclude for value in values])


def _facet_groups(counts, labels, selected):
    order = {"level": Level.values, "online": [str(v) for v in OnlineLevel.values]}
    groups = []
    for name in FACETS:
        values = counts.get(name, [])
        if name in order:  # levels and online levels read best in their own order
            values = sorted(values, key=lambda pair: order[name].index(pair[0])
                            if pair[0] in order[name] else 99)
        groups.append({
            "name": name,
            "title": FACET_TITLES[name],
            "options": [
                {"value": value, "label": labels[name].get(value, value), "count": count,
                 "checked": value in selected.get(name, [])}
                for value, count in values
            ],
        })
    return groups
