"""Wagtail's view restrictions (private sections of the tree) from each process's memory.

Wagtail reads the ``PageViewRestriction`` table on every page it serves (two queries: the
page's ancestors, then their restrictions) and on every ``.public()`` list (one query
each: a search over six kinds of page made six). A site has a handful of restrictions and
they rarely change, so the rows — each restriction's id and the path of the page it
closes — are kept with :func:`.shared.remember_value`, exactly as fresh as the page cache:
a restriction added or removed, or a page moved, is seen by the very next request.

The answers are Wagtail's own, computed from those rows: :func:`public` is
``queryset.public()``, :func:`applying_to` is ``page.get_view_restrictions()``. Without a
request (a command, a task) or when shared rows are off, they are Wagtail's calls.
"""

from django.db.models import Q

from plugins.core.page_cache import shared


def _rows():
    from wagtail.models import PageViewRestriction

    return tuple(PageViewRestriction.objects.order_by("pk").values_list(
        "pk", "page_id", "page__path", "page__depth"))


def _closed(request):
    return shared.remember_value(request, ("view-restrictions",), _rows)


def public(queryset, request=None):
    """``queryset.public()``: the pages outside every private section (``request``
    ``None``: the request being answered, if any)."""
    request = request or shared.serving_request()
    if not shared.enabled() or request is None:
        return queryset.public()
    closed = Q()
    for _pk, _page_id, path, depth in _closed(request):
        closed |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(closed) if closed else queryset


def applying_to(request, page, ancestors):
    """``page.get_view_restrictions()`` for a page whose ``ancestors`` below the tree's root
    are all known (the pages routing walked through): none without a query, when no
    restriction applies — the usual case."""
    from wagtail.models import PageViewRestriction

    # An alias's restrictions are its source page's (as in Wagtail's own method).
    ids = {each.alias_of_id or each.pk for each in (*ancestors, page)}
    found = [pk for pk, page_id, path, depth in _closed(request)
             if page_id in ids or (depth == 1 and page.path.startswith(path))]
    objects = PageViewRestriction.objects
    return objects.filter(pk__in=found) if found else objects.none()
