"""Removing what Wagtail's own migrations leave behind once the demo no longer uses it.

Wagtail's first migration makes a "Welcome to your new Wagtail site!" page (slug ``home``)
as the default site's root. When the demo gives each agency's site a home page of its own,
that page stays in the page tree, orphaned. It goes, but only while it is Wagtail's
untouched default: a plain ``wagtailcore.Page`` with that title, right under the root, with
no children, and no site pointing at it.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def untouched_wagtail_welcome_page():
    """Wagtail's default welcome page if it is still there unchanged and unused, else None."""
    page = Page.objects.filter(
        depth=2, slug="home", title=WAGTAIL_WELCOME_TITLE, numchild=0,
        content_type=ContentType.objects.get_for_model(Page),
    ).first()
    if page is None or Site.objects.filter(root_page=page).exists():
        return None
    return page


def remove_wagtail_welcome_page(context):
    page = untouched_wagtail_welcome_page()
    if page is not None:
        page.delete()
        context.note(True, f"removed Wagtail's unused page “{WAGTAIL_WELCOME_TITLE}”")
