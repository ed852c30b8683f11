"""The site's main menu: the root page's live, public children shown in menus, cached.

Each content language has its menu (R-ED-16): the children of the site's home in the
active language (the Vietnamese home, or its English translation under /en/), and the
home pages of every language, for the language switcher's fallback.

Asking for a root page's children scans every page below it (treebeard paths; Wagtail has
no index on depth), so a library of 100,000 documents made every page view 80 ms slower.
The menu is kept in each process's memory per site and language, with the versions of
the tables it was read from (``plugins.core.page_cache.shared``): a page published,
unpublished, moved or deleted or a view restriction changed is in the very next menu, in
every process, and a page costs no cache round trip for it. Where rows are not kept (a
form's POST, ``SHARED_ROWS`` off), it is cached in Django's cache instead, dropped on those
events and kept a minute at most so that processes that share no cache catch up.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from plugins.core.page_cache import shared, tables
from plugins.core.routing import URL_TABLES

MENU_SECONDS = 60
_VERSION_KEY = "portal:menu:version"


@dataclass(frozen=True)
class MenuEntry:
    title: str
    url: str
    path: str


@dataclass(frozen=True)
class Navigation:
    home: MenuEntry  # the home page in the active language (the site's root if none)
    entries: tuple  # (MenuEntry, …) of the main menu
    homes: dict  # language code → URL of the live home page in that language


def navigation(site, request):
    """The :class:`Navigation` of ``site`` in the active language (kept, or cached)."""
    language = translation.get_language() or ""
    if shared.keeps(request):
        return shared.remember_value(request, ("navigation", site.pk, language),
                                     lambda: _read(site, request, language))
    version = cache.get_or_set(_VERSION_KEY, 0, None)
    key = f"portal:menu:{site.pk}:{language}:{version}"
    result = cache.get(key)
    if result is None:
        result = _read(site, request, language)
        cache.set(key, result, MENU_SECONDS)
    return result


def _read(site, request, language):
    tables.note(URL_TABLES)  # the addresses, from Wagtail's own cache of the sites
    homes = {
        page.locale.language_code: page
        for page in site.root_page.get_translations(inclusive=True).live()
        .select_related("locale")
    }
    root = homes.get(language, site.root_page)
    children = Page.objects.child_of(root).live().public().in_menu()
    return Navigation(
        home=MenuEntry(title=root.title, url=root.get_url(request) or "/", path=root.path),
        entries=tuple(
            MenuEntry(title=child.title, url=child.get_url(request) or "", path=child.path)
            for child in children.specific(defer=True)
        ),
        homes={code: page.get_url(request) or "/" for code, page in homes.items()},
    )


def menu_entries(site, request):
    """``(MenuEntry, …)`` for ``site`` in the active language (kept, or cached)."""
    return navigation(site, request).entries


def forget_menus(**kwargs):
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 1, None)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_menus, dispatch_uid=f"portal-menu-{id(signal)}")
    post_delete.connect(forget_menus, sender=Page, dispatch_uid="portal-menu-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(forget_menus, sender=PageViewRestriction,
                       dispatch_uid=f"portal-menu-restriction-{id(signal)}")
