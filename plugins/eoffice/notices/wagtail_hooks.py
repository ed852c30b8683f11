"""The notices' menu ("Internal notices") and screens, for every staff member; what each
screen shows is decided by :mod:`.access`."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from plugins.core.admin.menu import MenuItem
from plugins.eoffice.notices.admin import views


@hooks.register("register_admin_urls")
def register_notices_urls():
    urls = [
        path("thong-bao/", views.board, name="board"),
        path("thong-bao/quan-ly/", views.announcements, name="announcements"),
        path("thong-bao/them/", views.announcement_add, name="announcement_add"),
        path("thong-bao/<int:pk>/", views.announcement, name="announcement"),
        path("thong-bao/<int:pk>/sua/", views.announcement_edit, name="announcement_edit"),
        path("thong-bao/<int:pk>/<str:action>/", views.announcement_action,
             name="announcement_action"),
        path("thong-bao/tep/<int:pk>/", views.announcement_file, name="announcement_file"),
        path("thong-bao/gia-han/", views.extensions, name="extensions"),
        path("thong-bao/gia-han/<int:pk>/<str:action>/", views.extension_action,
             name="extension_action"),
        path("thu-noi-bo/", views.inbox, name="inbox"),
        path("thu-noi-bo/da-gui/", views.sent, name="sent"),
        path("thu-noi-bo/soan/", views.compose, name="compose"),
        path("thu-noi-bo/<int:pk>/", views.message, name="message"),
        path("thu-noi-bo/tep/<int:pk>/", views.message_file, name="message_file"),
        path("doan-the/", views.boards, name="boards"),
        path("doan-the/<int:pk>/", views.board_detail, name="board_detail"),
        path("doan-the/bai/<int:pk>/sua/", views.post_edit, name="post_edit"),
        path("doan-the/bai/<int:pk>/xoa/", views.post_delete, name="post_delete"),
        path("doan-the/<int:agency_id>/<str:kind>/thanh-vien/", views.board_members,
             name="board_members"),
    ]
    return [path("", include((urls, "eoffice_notices"), namespace="eoffice_notices"))]


class StaffMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.core.scoping import agency_ids_for_user

        return agency_ids_for_user(request.user) != frozenset()


class InboxMenuItem(StaffMenuItem):
    """The inbox, with the number of unread messages (one query)."""

    def render_component(self, request):
        from wagtail.admin.ui.sidebar import LinkMenuItem

        unread = views.unread_count(request.user)
        label = f"{self.label} ({unread})" if unread else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name,
                            classname=self.classname, attrs=self.attrs)


notices_menu = Menu(register_hook_name="register_eoffice_notices_menu_item",
                    construct_hook_name="construct_eoffice_notices_menu")


class NoticesMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return StaffMenuItem.shown_to(self, request)


@hooks.register("register_admin_menu_item")
def register_notices_menu():
    return NoticesMenuItem(_("Internal notices"), notices_menu, icon_name="info-circle",
                           name="eoffice-notices", order=162)


@hooks.register("register_eoffice_notices_menu_item")
def register_board_item():
    return StaffMenuItem(_("Announcements"), reverse("eoffice_notices:board"),
                         icon_name="info-circle", order=100)


@hooks.register("register_eoffice_notices_menu_item")
def register_announcements_item():
    return StaffMenuItem(_("My announcements"), reverse("eoffice_notices:announcements"),
                         icon_name="edit", order=110)


@hooks.register("register_eoffice_notices_menu_item")
def register_extensions_item():
    return StaffMenuItem(_("Extension requests"), reverse("eoffice_notices:extensions"),
                         icon_name="time", order=120)


@hooks.register("register_eoffice_notices_menu_item")
def register_inbox_item():
    return InboxMenuItem(_("Inbox"), reverse("eoffice_notices:inbox"), icon_name="mail",
                         order=200)


@hooks.register("register_eoffice_notices_menu_item")
def register_sent_item():
    return StaffMenuItem(_("Sent messages"), reverse("eoffice_notices:sent"),
                         icon_name="mail", order=210)


@hooks.register("register_eoffice_notices_menu_item")
def register_compose_item():
    return StaffMenuItem(_("New message"), reverse("eoffice_notices:compose"),
                         icon_name="plus", order=220)


@hooks.register("register_eoffice_notices_menu_item")
def register_boards_item():
    return StaffMenuItem(_("Union boards"), reverse("eoffice_notices:boards"),
                         icon_name="group", order=300)
