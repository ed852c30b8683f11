from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from plugins.editorial_board.admin.viewsets import EditorialBoardViewSetGroup
from plugins.editorial_board.publishing import may_publish_directly


@hooks.register("register_admin_viewset")
def register_editorial_board_viewsets():
    return EditorialBoardViewSetGroup()


def _refusal(request, page):
    messages.error(request, _(
        "“%(title)s” is moderated by the editorial board: submit it for approval; it is "
        "published when the chief approves it."
    ) % {"title": page.get_admin_display_title()})
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def refuse_direct_publication(request, page):
    if not may_publish_directly(request.user, page):
        return _refusal(request, page)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_for_moderated_pages(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is None or page.pk is None:
        return
    if context.get("view") == "create":
        probe = page  # the new page inherits its parent's workflow
    else:
        probe = page
    if not may_publish_directly(request.user, probe):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publication(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refused = [page for page in objects if not may_publish_directly(request.user, page)]
    if refused:
        return _refusal(request, refused[0])
    return None
