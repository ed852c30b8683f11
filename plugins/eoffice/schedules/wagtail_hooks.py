from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from plugins.core.admin.menu import MenuItem
from plugins.eoffice.schedules.admin import views
from plugins.eoffice.schedules.admin.viewsets import SchedulesViewSetGroup


@hooks.register("register_admin_viewset")
def register_schedules_viewsets():
    return SchedulesViewSetGroup()


@hooks.register("register_admin_urls")
def register_schedules_urls():
    urls = [
        path("lich-cong-tac/tuan/", views.week, name="week"),
        path("lich-cong-tac/<str:kind>/<int:pk>/<str:action>/", views.record_action,
             name="action"),
        path("lich-cong-tac/lich-cua-toi/", views.feeds, name="feeds"),
    ]
    return [path("", include((urls, "eoffice_schedules"), namespace="eoffice_schedules"))]


class StaffMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.core.scoping import agency_ids_for_user

        return agency_ids_for_user(request.user) != frozenset()


@hooks.register("register_eoffice_schedules_menu_item")
def register_week_menu_item():
    return StaffMenuItem(_("Week schedule"), reverse("eoffice_schedules:week"),
                         icon_name="date", order=1)


@hooks.register("register_eoffice_schedules_menu_item")
def register_feeds_menu_item():
    return StaffMenuItem(_("My calendar feeds"), reverse("eoffice_schedules:feeds"),
                         icon_name="calendar", order=900)
