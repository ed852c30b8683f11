"""The editorial board's admin: one menu, one URL namespace, each feature's own hooks.

Each feature keeps its hooks in ``<feature>/wagtail_hooks.py`` (imported here, as Wagtail
imports only the app's own ``wagtail_hooks``) with the screens it adds to the board's menu
(``VIEWSETS``) and its admin views (``ADMIN_URLS``), which are all reversed as
``editorial_board:<name>``. The screens' own namespaces are ``editorial_board_<model>``,
as Wagtail's apps name theirs (``wagtailsnippets_<app>_<model>``).
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

# isort: off
# Moderation first: its refusal to publish directly comes before the checks' refusal.
from plugins.editorial_board.moderation import wagtail_hooks as moderation
from plugins.editorial_board.royalties import wagtail_hooks as royalties
from plugins.editorial_board.checks import wagtail_hooks as checks
from plugins.editorial_board.questions import wagtail_hooks as questions
from plugins.editorial_board.reviews import wagtail_hooks as reviews
# isort: on

FEATURES = (moderation, royalties, checks, questions, reviews)

#: The board's place in the admin's main menu (distinct from every other item's order).
MENU_ORDER = 250


class EditorialBoardViewSetGroup(ViewSetGroup):
    menu_label = _("Editorial board")
    menu_icon = "edit"
    menu_order = MENU_ORDER
    items = tuple(viewset for feature in FEATURES for viewset in feature.VIEWSETS)


@hooks.register("register_admin_viewset")
def register_editorial_board_viewsets():
    return EditorialBoardViewSetGroup()


@hooks.register("register_admin_urls")
def register_editorial_urls():
    urls = [url for feature in FEATURES for url in feature.ADMIN_URLS]
    return [path("", include((urls, "editorial_board"), namespace="editorial_board"))]
