"""The site root's one-query routing (plugins.core.routing) finds exactly the page Wagtail's
own routing finds, for every address of the demo, with fewer queries (R-SITE-8: pages made
afresh are fast)."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from plugins.core.routing import DirectRouteMixin

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(demo):
    from wagtail.models import Site

    return Site.objects.get(root_page__slug="trang-chu-bql").root_page.specific


def _components(home, page):
    return [part for part in page.url_path[len(home.url_path):].split("/") if part]


def _wagtails(home, request, components):
    """What Wagtail's own Page.route answers, or Http404."""
    try:
        return Page.route(home, request, components)
    except Http404 as error:
        return error


def _ours(home, request, components):
    try:
        return home.route(request, components)
    except Http404 as error:
        return error


def _plain(value):
    """A routable page's view is a method bound to that page object: compare the method."""
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return getattr(value, "__func__", value)


def _same(first, second):
    if isinstance(first, Http404) or isinstance(second, Http404):
        return isinstance(first, Http404) and isinstance(second, Http404)
    return (first.page.pk, type(first.page), _plain(first.args), first.kwargs) == (
        second.page.pk, type(second.page), _plain(second.args), second.kwargs)


def test_the_reference_home_page_routes_directly(home):
    assert isinstance(home, DirectRouteMixin)


def test_every_page_and_sub_address_of_the_demo_is_found_as_wagtail_finds_it(home, rf):
    """Every page under the home, plus sub-addresses of routable pages (a feed, a
    calendar, a document's own route) and unknown ones."""
    request = rf.get("/")
    pages = list(Page.objects.descendant_of(home).order_by("path"))
    assert len(pages) > 50
    addresses = [_components(home, page) for page in pages]
    addresses += [parts + ["rss"] for parts in addresses[:40]]
    addresses += [parts + ["khong-co-trang-nay"] for parts in addresses[:40]]
    addresses += [["khong-co-trang-nay"], ["tin-tuc", "khong-co", "trang-nay"]]
    for components in addresses:
        assert _same(_ours(home, request, components), _wagtails(home, request, components)), \
            components


def test_an_unpublished_page_is_not_found_but_its_live_children_are(home, rf):
    """As in Wagtail: a draft answers 404; a live page under a draft section is served."""
    request = rf.get("/")
    news = Page.objects.get(slug="tin-tuc", url_path__startswith=home.url_path)
    article = news.get_children().live().first()
    Page.objects.filter(pk=news.pk).update(live=False)
    home = Page.objects.get(pk=home.pk).specific
    for components in (["tin-tuc"], ["tin-tuc", article.slug]):
        assert _same(_ours(home, request, components), _wagtails(home, request, components))
    assert isinstance(_ours(home, request, ["tin-tuc"]), Http404)
    assert _ours(home, request, ["tin-tuc", article.slug]).page.pk == article.pk


def test_a_deep_page_costs_fewer_queries_than_wagtails_walk(home, rf):
    request = rf.get("/")
    deepest = Page.objects.descendant_of(home).live().order_by("-depth").first()
    components = _components(home, deepest)
    assert len(components) >= 2
    with CaptureQueriesContext(connection) as wagtails:
        Page.route(home, request, components)
    with CaptureQueriesContext(connection) as ours:
        home.route(request, components)
    assert len(ours) < len(wagtails)


def test_a_routed_pages_view_restrictions_are_wagtails_read_from_memory(home, rf, settings):
    """A private section stays private (R-SITE-8's speed takes nothing from it): for every
    page of the demo, with a section, an article and an alias of the section closed, the
    restrictions Wagtail checks before serving the routed page are exactly those of
    Wagtail's own ``get_view_restrictions``; an open page's check costs no query."""
    from wagtail.models import PageViewRestriction

    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    section = Page.objects.get(slug="thu-tuc-hanh-chinh", url_path__startswith=home.url_path)
    news = Page.objects.get(slug="tin-tuc", url_path__startswith=home.url_path)
    article = news.get_children().live().first()
    for closed in (section, article):
        PageViewRestriction.objects.create(
            page=closed, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau")
    alias = section.specific.create_alias(parent=news, update_slug="ban-sao-thu-tuc")
    request = rf.get("/")
    home.route(request, ["tin-tuc"]).page.get_view_restrictions()  # the rows, read once
    restricted = 0
    for page in Page.objects.descendant_of(home, inclusive=True).live().order_by("path"):
        routed = home.route(request, _components(home, page)).page
        expected = {restriction.pk for restriction in Page.get_view_restrictions(routed)}
        with CaptureQueriesContext(connection) as queries:
            found = {restriction.pk for restriction in routed.get_view_restrictions()}
        assert found == expected, page.url_path
        assert expected or not queries, page.url_path
        restricted += bool(expected)
    assert alias.pk in [page.pk for page in Page.objects.descendant_of(news)]
    assert restricted >= Page.objects.descendant_of(section, inclusive=True).live().count() + 2


def test_the_home_in_the_active_language_is_wagtails_found_from_memory(home, rf, settings):
    """Routing starts from the site root's version in the visitor's language (R-ED-16):
    the same page Wagtail's ``localized`` gives, in each language, for each home; the
    active locale is looked up once, not on every page (R-SITE-8)."""
    from django.utils import translation
    from wagtail.models import TranslatableMixin

    from plugins.core.page_cache import shared

    settings.PORTAL_PAGE_CACHE = {"ENABLED": False, "SHARED_ROWS": True}
    homes = list(home.get_translations(inclusive=True).live().specific())
    assert len(homes) == 2  # the Vietnamese home and the English one
    request = rf.get("/")
    with shared.serving(request):
        for language in ("vi", "en"):
            with translation.override(language):
                for root in homes:
                    wagtails = TranslatableMixin.localized.fget(root)
                    assert root.localized.pk == wagtails.pk, (language, root.url_path)
        with translation.override("vi"), CaptureQueriesContext(connection) as queries:
            assert home.localized is home
        assert not queries


def test_breadcrumbs_reuse_the_pages_routing_walked_through(home, rf, client):
    """Every page's breadcrumbs are its ancestors below the tree's root, as Wagtail's
    ``get_ancestors`` gives them, read from what routing found (no query of their own)."""
    from plugins.core.routing import ancestors_of

    request = rf.get("/")
    for page in Page.objects.descendant_of(home).live().order_by("path"):
        routed = home.route(request, _components(home, page)).page
        expected = [ancestor.pk for ancestor in page.get_ancestors()[1:]]
        if routed.pk != page.pk:  # a sub-page a routable page answers for itself
            continue
        with CaptureQueriesContext(connection) as queries:
            found = [ancestor.pk for ancestor in ancestors_of(routed)]
        assert (found, len(queries)) == (expected, 0), page.url_path
    article = Page.objects.get(slug="tin-tuc", url_path__startswith=home.url_path) \
        .get_children().live().first()
    html = client.get(article.url).content.decode()
    assert '<li><a href="/">Ban Quản lý các Khu công nghiệp Tiền Giang</a></li>' in html
    assert '<li><a href="/tin-tuc/">Tin tức - Sự kiện</a></li>' in html
