"""The one place where agency-scoped data is limited to an agency (R-ORG-3, R-SEC-2).

Every agency-scoped model uses :class:`AgencyQuerySet` as its manager and names the
path from itself to its agency in ``agency_lookup`` (``"agency"`` by default,
``"unit__agency"`` for a record that hangs off a unit). Views never filter by hand:

- public pages ask ``Model.objects.for_request(request)``: the agency of the Site the
  request came in on;
- admin screens ask ``Model.objects.visible_to(user)``: the agencies the user works
  for (through a role group or a position); superusers see every agency.
"""

from django.db import models
from wagtail.models import Site

from plugins.core.memberships import forget_memberships, memberships_of

_REQUEST_CACHE_ATTR = "_core_agency"


def agency_ids_for_user(user):
    """The ids of the agencies ``user`` works for, or ``None`` meaning every agency."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    return memberships_of(user).agency_ids


def users_visible_to(user):
    """The people of the agencies ``user`` works for (a role group or a position in one of
    them): whom a choice of a person offers. A superuser sees everyone."""
    from django.contrib.auth import get_user_model

    from plugins.core.models import Position

    people = get_user_model()._default_manager.all()
    ids = agency_ids_for_user(user)
    if ids is None:
        return people
    by_role = get_user_model().groups.through.objects.filter(
        group__agency_role__agency_id__in=ids).values("user_id")
    by_position = Position.objects.filter(unit__agency_id__in=ids).values("user_id")
    return people.filter(models.Q(pk__in=by_role) | models.Q(pk__in=by_position))


def forget_user_agencies(user):
    """Drop the per-user cache, after the user's groups or positions changed."""
    forget_memberships(user)


def current_agency(request):
    """The agency whose Site serves ``request`` (``None`` if the site has no agency)."""
    if not hasattr(request, _REQUEST_CACHE_ATTR):
        from plugins.core.models import Agency
        from plugins.core.page_cache.shared import remember_row

        site = Site.find_for_request(request)
        agency = remember_row(request, ("agency", site.pk), lambda: (
            Agency.objects.filter(site=site).first())) if site else None
        setattr(request, _REQUEST_CACHE_ATTR, agency)
    return getattr(request, _REQUEST_CACHE_ATTR)


def agency_for_page(page):
    """The agency whose Site holds ``page`` (the nearest site root above it), or ``None``.

    A translation of a site's root page (the English home, in its own tree beside the
    Vietnamese one: R-ED-16) counts as that site's root: its pages are the same agency's.
    """
    from wagtail.models import Page

    from plugins.core.models import Agency
    from plugins.core.page_cache.shared import remember_row

    path = page.path
    if not path:
        return None
    prefixes = [path[:length] for length in range(page.steplen, len(path) + 1, page.steplen)]
    ancestors = Page.objects.filter(path__in=prefixes).values("translation_key")
    return remember_row(None, ("agency-of", path), lambda: (
        Agency.objects.filter(site__root_page__translation_key__in=ancestors)
        .order_by("-site__root_page__depth")
        .first()
    ))


class AgencyQuerySet(models.QuerySet):
    @property
    def agency_lookup(self):
        return getattr(self.model, "agency_lookup", "agency")

    def for_agency(self, agency):
        if agency is None:
            return self.none()
        return self.filter(**{self.agency_lookup: getattr(agency, "pk", agency)})

    def for_request(self, request):
        return self.for_agency(current_agency(request))

    def visible_to(self, user):
        ids = agency_ids_for_user(user)
        if ids is None:
            return self
        return self.filter(**{f"{self.agency_lookup}__in": ids})

    def is_visible_to(self, user, obj):
        """Whether ``user`` may see ``obj`` (used to check single objects)."""
        return self.visible_to(user).filter(pk=obj.pk).exists()


def _agency_roots():
    """(path, agency id) of every agency's site root and of the root's translations."""
    from wagtail.models import Page

    from plugins.core.models import Agency

    owners = {}
    for agency_id, key in Agency.objects.filter(site__isnull=False).values_list(
            "pk", "site__root_page__translation_key"):
        owners.setdefault(key, set()).add(agency_id)
    roots = Page.objects.filter(translation_key__in=owners).values_list("path", "translation_key")
    return [(path, owners[key]) for path, key in roots]


def foreign_root_paths(user):
    """The site roots of the agencies ``user`` does not work for, except those that also
    hold one of the user's own sites (a shared or enclosing home page)."""
    ids = agency_ids_for_user(user)
    if not ids:  # a superuser, or someone of no agency: Wagtail's permissions decide
        return []
    roots = _agency_roots()
    own = [path for path, owners in roots if owners & ids]
    return [path for path, owners in roots if not owners & ids
            and not any(mine.startswith(path) for mine in own)]


def is_foreign_page(user, page):
    """Whether ``page`` lies in the site of an agency ``user`` does not work for (the nearest
    site root above it is none of the user's agencies'). Pages outside every agency's site,
    and users of no agency (an installation's own editors, given page permissions by a
    superuser), are left to Wagtail's page permissions."""
    ids = agency_ids_for_user(user)
    if not ids or not page.path:
        return False
    enclosing = [(path, owners) for path, owners in _agency_roots()
                 if page.path.startswith(path)]
    if not enclosing:
        return False
    nearest = max(len(path) for path, _ in enclosing)
    return not any(owners & ids for path, owners in enclosing if len(path) == nearest)


def exclude_foreign_pages(pages, user):
    """``pages`` without those in the sites of agencies ``user`` does not work for."""
    for path in foreign_root_paths(user):
        pages = pages.exclude(path__startswith=path)
    return pages
