"""Admin menu items that decide once a request whether they are shown.

Wagtail asks each item of a submenu twice on every admin page (does the submenu show at
all, then which items does it list), and every item's answer may need a query. A plugin's
menu item subclasses :class:`MenuItem` and says who sees it in :meth:`MenuItem.shown_to`.
"""

from wagtail.admin import menu


class MenuItem(menu.MenuItem):
    def is_shown(self, request):
        answers = request.__dict__.setdefault("_core_menu_items_shown", {})
        if id(self) not in answers:
            answers[id(self)] = self.shown_to(request)
        return answers[id(self)]

    def shown_to(self, request):
        """Whether ``request``'s user sees this item (asked once a request)."""
        return super().is_shown(request)
