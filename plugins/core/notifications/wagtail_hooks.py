"""The notification centre in the admin: its menu item (with the unread count), its
screens, the account menu's settings link and the dashboard panel. Imported by the core's
``wagtail_hooks``."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from plugins.core.notifications import service, views

LATEST_ON_DASHBOARD = 5


@hooks.register("register_admin_urls")
def register_notification_urls():
    return [
        path("thong-bao-cua-toi/", views.index, name="core_notifications"),
        path("thong-bao-cua-toi/<int:pk>/", views.open_notification, name="core_notification_open"),
        path("thong-bao-cua-toi/doc-het/", views.mark_all_read, name="core_notifications_read_all"),
        path("thong-bao-cua-toi/cai-dat/", views.settings_view, name="core_notification_settings"),
    ]


class NotificationsMenuItem(MenuItem):
    """"Notifications (3)": the label carries the unread count."""

    def render_component(self, request):
        component = super().render_component(request)
        count = service.unread_count(request.user)
        if count:
            component.label = f"{self.label} ({count})"
        return component


@hooks.register("register_admin_menu_item")
def register_notifications_menu_item():
    return NotificationsMenuItem(gettext_lazy("Notifications"), reverse("core_notifications"),
                                 name="notifications", icon_name="mail", order=90)


@hooks.register("register_account_menu_item")
def notification_settings_account_item(request):
    return {
        "url": reverse("core_notification_settings"),
        "label": _("Notification settings"),
        "help_text": _("Which notifications you also get by email or SMS."),
    }


class UnreadPanel(Component):
    name = "core:notifications"
    order = 30
    template_name = "core/notifications/panel.html"

    def __init__(self, notifications, count):
        self.notifications, self.count = notifications, count

    def get_context_data(self, parent_context):
        return {"notifications": self.notifications, "count": self.count}


@hooks.register("construct_homepage_panels")
def add_unread_panel(request, panels):
    from plugins.core.models import Notification

    unread = Notification.objects.for_user(request.user).unread()
    latest = list(unread.order_by("-created_at", "-pk")[:LATEST_ON_DASHBOARD])
    if latest:
        count = len(latest) if len(latest) < LATEST_ON_DASHBOARD else unread.count()
        panels.append(UnreadPanel(latest, count))
