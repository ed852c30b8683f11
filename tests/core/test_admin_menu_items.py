"""The admin menu's items decide once a request whether they show (plugins.core.admin.menu).

Wagtail asks each item of a submenu twice on every admin page; an item whose answer needs
a query (may this person import procedures? see the royalty ledger?) must not pay it twice,
and must ask again on the next request (a role given or taken shows on the next page).
"""

from django.test import RequestFactory
from wagtail.admin.menu import Menu, SubmenuMenuItem

from plugins.core.admin.menu import MenuItem


class CountingItem(MenuItem):
    def __init__(self, *args, answer, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer, self.asked = answer, 0

    def shown_to(self, request):
        self.asked += 1
        return self.answer


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_an_item_of_a_submenu_is_asked_once_a_page_and_again_on_the_next(
        django_user_model, db):
    """R-SEC-2: what the menu shows follows the person's rights on every page, for the
    cost of one answer a page."""
    user = django_user_model.objects.create_user("chuyenvien", password="x-1234567890")
    shown = CountingItem("Shown", "/admin/a/", answer=True)
    hidden = CountingItem("Hidden", "/admin/b/", answer=False)
    submenu = SubmenuMenuItem("Section", Menu(items=[shown, hidden]))

    request = _request(user)
    assert submenu.is_shown(request)
    labels = [item.label for item in submenu.render_component(request).menu_items]
    assert labels == ["Shown"]
    assert (shown.asked, hidden.asked) == (1, 1)

    shown.answer = False  # the right was taken away: the next page no longer shows it
    request = _request(user)
    assert not submenu.is_shown(request)
    assert (shown.asked, hidden.asked) == (2, 2)

