"""Find the page a URL names in one query, not two per level of the tree.

Wagtail routes ``/thu-tuc-hanh-chinh/1-000459-…/`` by asking the home page for its child
``thu-tuc-hanh-chinh``, that page's specific version for its child, and so on: two queries
per level. Every page stores its ``url_path`` (Wagtail keeps it up to date on moves and slug
changes), so the pages along a URL are the pages whose ``url_path`` is one of the URL's
prefixes: one query finds them all (and while no page changes, none: the rows found and
the final page's own row are kept in memory by :mod:`plugins.core.page_cache.shared`, as
fresh as the page cache). The walk then follows Wagtail's own rule level by level:
a page whose class routes by itself (a routable page one of whose sub-URLs matches the
rest of the path, an index with its own ``route``) is handed the rest of the path, exactly
as Wagtail would; only the final page is loaded as its specific class; an unpublished page
answers 404 only when it is the one asked for. Wagtail's check of the final page's view
restrictions then reads them from memory (:mod:`plugins.core.page_cache.restrictions`):
routing knows all its ancestors.

A site's root page class takes it by listing :class:`DirectRouteMixin` first among its
bases (the reference site's home page does; docs/page-cache.md, "Pages made afresh").
"""

import functools

from django.http import Http404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from plugins.core.page_cache import restrictions, shared, tables


@functools.cache
def _routable_else_page(page_class):
    """Whether the class routes as a routable page that hands unmatched paths to
    ``Page.route`` (no other ``route`` between them)."""
    if page_class.route is not RoutablePageMixin.route:
        return False
    after = page_class.__mro__[page_class.__mro__.index(RoutablePageMixin) + 1:]
    return next(vars(klass)["route"] for klass in after if "route" in vars(klass)) is Page.route


def _routes_itself(page, remaining):
    """Whether ``page`` (not yet specific) takes the ``remaining`` path itself. A routable
    page does only when one of its sub-URLs matches; otherwise Wagtail hands the path on to
    its child, and so does the walk, without loading the page's specific class."""
    page_class = page.specific_class
    if page_class.route is Page.route:
        return False
    if _routable_else_page(page_class):
        if not page.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
    return True


class DirectRouteMixin:
    """``route()`` for a site's root page: the pages along the path in one query."""

    @property
    def localized(self):
        """Wagtail's ``localized`` (routing starts from the root page's version in the
        active language), without the query for the active locale when it is the page's
        own: the locale's id is kept in memory with the page cache's table versions."""
        from django.utils import translation
        from wagtail.models import Locale

        def active_locale_id():
            try:
                return Locale.get_active().pk
            except (LookupError, Locale.DoesNotExist):
                return None

        language = translation.get_language()
        active = shared.remember_value(None, ("active-locale", language), active_locale_id)
        if active == self.locale_id:
            return self
        return super().localized

    def route(self, request, path_components):
        if not path_components:
            result = super().route(request, path_components)
            if getattr(result, "page", None) is self:
                _known_ancestors(request, self, [])  # the site's home: no ancestor to read
            return result
        base = self.url_path
        prefixes = [base + "/".join(path_components[:length]) + "/"
                    for length in range(1, len(path_components) + 1)]
        found = {page.url_path: page for page in shared.remember_rows(
            request, ("route", self.pk, *prefixes), lambda: Page.objects.filter(
                url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth))}
        parent = self
        walked = [self]
        for length, prefix in enumerate(prefixes, start=1):
            page = found.get(prefix)
            if page is None or page.depth != parent.depth + 1:
                raise Http404
            page._cached_parent_obj = parent  # treebeard's get_parent() reads it
            remaining = path_components[length:]
            if page.specific_class is None:
                raise Http404
            if remaining and not _routes_itself(page, remaining):
                parent = page
                walked.append(page)
                continue
            page = _specific(request, page)
            _known_ancestors(request, page, walked)
            result = page.route(request, remaining)
            target = getattr(result, "page", None)
            if target is not None and target is not page and target.depth == page.depth + 1:
                _known_ancestors(request, target, [*walked, page])  # a child it routed to
            return result
        raise Http404  # not reached: the last prefix always returns above


def _specific(request, page):
    """The page as its specific class, from memory while its tables do not change."""
    specific = shared.remember_row(request, ("page", page.pk), lambda: (
        page.specific_class._default_manager.filter(pk=page.pk).first()))
    if specific is None:  # deleted since the walk's rows were read
        raise Http404
    for name, value in page.__dict__.items():  # as Wagtail's ``specific`` does
        specific.__dict__.setdefault(name, value)
    return specific


def _all_ancestors(page, ancestors):
    """Whether ``ancestors`` are all the page's ancestors below the tree's root."""
    return len(ancestors) == page.depth - 2 and (not ancestors or ancestors[0].depth == 2)


def _known_ancestors(request, page, ancestors):
    if ancestors:
        page._routed_ancestors = ancestors
    if _all_ancestors(page, ancestors):
        # Wagtail checks the page's view restrictions before serving it: from memory.
        page.get_view_restrictions = functools.partial(
            restrictions.applying_to, request, page, ancestors)


def ancestors_of(page):
    """The page's ancestors below the tree's root, from the top (what breadcrumbs show):
    the pages routing walked through to it when they are all of them, else one query."""
    walked = getattr(page, "_routed_ancestors", None)
    if walked and _all_ancestors(page, walked):
        return walked
    return list(page.get_ancestors()[1:])


# What a page's address depends on besides its own url_path: the sites, their root pages
# and the locales (Wagtail's site root paths).
URL_TABLES = frozenset({"wagtailcore_site", "wagtailcore_page", "wagtailcore_locale"})


def page_url(page, request):
    """``page.get_url(request)`` — what ``{% pageurl %}`` writes — kept in memory for the
    page's address, the language and the visitor's site while no page, site or locale
    changes (:mod:`plugins.core.page_cache.shared`). A list's rows ask it: Wagtail works
    each address out with a URL reverse and its site lookups, ~23 µs a row."""
    site = getattr(request, "_wagtail_site", None)
    key = ("page-url", page.pk, page.url_path, get_language(), site.pk if site else None)

    def find():
        tables.note(URL_TABLES)
        return page.get_url(request)

    return shared.remember_value(request, key, find)
