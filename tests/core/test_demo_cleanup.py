"""The demo removes Wagtail's default welcome page only while it is untouched and unused
(issue 15, item 11)."""

import pytest
from wagtail.models import Page, Site

from plugins.core.demo import DemoContext
from plugins.core.demo_cleanup import WAGTAIL_WELCOME_TITLE, remove_wagtail_welcome_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def welcome():
    """Wagtail's welcome page as its first migration makes it, the default site moved off it."""
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    page = Page.objects.filter(depth=2, slug="home").first()
    if page is None:
        page = root.add_child(instance=Page(title=WAGTAIL_WELCOME_TITLE, slug="home"))
    Page.objects.filter(pk=page.pk).update(title=WAGTAIL_WELCOME_TITLE)
    own_home = root.add_child(instance=Page(title="Trang chủ", slug="trang-chu"))
    Site.objects.filter(root_page=page).update(root_page=own_home)
    return Page.objects.get(pk=page.pk)


def _remove():
    context = DemoContext(log=lambda message: None)
    remove_wagtail_welcome_page(context)
    return context.created


def test_the_unused_untouched_welcome_page_goes(welcome):
    assert _remove() == 1
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert _remove() == 0  # idempotent


def test_a_welcome_page_a_site_points_at_stays(welcome):
    Site.objects.create(hostname="cu.example.test", port=80, root_page=welcome)
    assert _remove() == 0
    assert Page.objects.filter(pk=welcome.pk).exists()


def test_a_welcome_page_with_children_stays(welcome):
    welcome.add_child(instance=Page(title="Tin tức", slug="tin-tuc"))
    assert _remove() == 0
    assert Page.objects.filter(pk=welcome.pk).exists()


def test_a_renamed_welcome_page_stays(welcome):
    Page.objects.filter(pk=welcome.pk).update(title="Trang chủ cũ")
    assert _remove() == 0
    assert Page.objects.filter(pk=welcome.pk).exists()


def test_a_page_of_another_type_with_that_slug_stays(welcome):
    """A site's own page type (any content type but wagtailcore.Page) is the site's."""
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    other_type = ContentType.objects.get_for_model(Group)  # stands for a site's page type
    Page.objects.filter(pk=welcome.pk).update(content_type=other_type)
    assert _remove() == 0
    assert Page.objects.filter(pk=welcome.pk).exists()
