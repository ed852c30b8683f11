"""The facet groups a list shows: each facet's values with their labels, counts and whether
the visitor chose them, in the order the facet declares."""

from dataclasses import dataclass, field

from plugins.core.listing.querystring import toggled


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    toggle_query: str = ""  # the query string that adds or removes this value


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list = field(default_factory=list)


def facet_groups(form, counts, filters, params=None):
    """One group per facet of ``form``, from the search's ``counts`` (facet name →
    ``[(value, count), …]``) and the accepted ``filters``; with ``params`` (the request's
    GET) each option also gets the query string that toggles it."""
    groups = []
    for name in form.facet_names():
        facet, labels = form.fields[name], form.value_labels[name]
        chosen = filters.get(name, [])
        groups.append(FacetGroup(name=name, label=facet.label, options=[
            FacetOption(
                value=value, label=labels.get(value, value), count=count,
                selected=value in chosen,
                toggle_query=toggled(params, name, value) if params is not None else "",
            )
            for value, count in facet.ordered(counts.get(name, []), labels)
        ]))
    return groups
