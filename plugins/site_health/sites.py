"""The pages of an agency's site: under its root page and the root's translations."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

from plugins.core.models import Agency


def root_paths(agency_ids=None):
    """{agency id: [tree paths of its site's root and the root's translations]} for the
    agencies of ``agency_ids`` (every agency with a site when None)."""
    agencies = Agency.objects.filter(site__isnull=False)
    if agency_ids is not None:
        agencies = agencies.filter(pk__in=agency_ids)
    keys = {}
    for agency_id, key in agencies.values_list("pk", "site__root_page__translation_key"):
        keys.setdefault(key, []).append(agency_id)
    paths = {}
    for path, key in Page.objects.filter(translation_key__in=keys).values_list(
            "path", "translation_key"):
        for agency_id in keys[key]:
            paths.setdefault(agency_id, []).append(path)
    return paths


def under(paths):
    """A Q of the pages at or below any of ``paths`` (nothing when there are none)."""
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def site_pages(agency, paths=None):
    """The live pages of ``agency``'s site, its English tree included."""
    paths = paths if paths is not None else root_paths([agency.pk]).get(agency.pk, [])
    return Page.objects.live().filter(under(paths))
