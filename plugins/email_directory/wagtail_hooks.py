from django.urls import include, path
from wagtail import hooks
from wagtail.admin.ui.components import Component

from plugins.email_directory.admin import views
from plugins.email_directory.admin.bulk_actions import ACTIONS
from plugins.email_directory.admin.viewsets import EmailDirectoryViewSetGroup
from plugins.email_directory.handover import pending_for


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return EmailDirectoryViewSetGroup()


@hooks.register("register_admin_urls")
def register_directory_urls():
    urls = [
        path("danh-ba/them-can-bo/", views.staff_view, name="staff"),
        path("danh-ba/nhap/", views.import_view, name="import"),
        path("danh-ba/xuat/<str:fmt>/", views.export_view, name="export"),
        path("danh-ba/ban-giao/<int:pk>/xac-nhan/", views.handover_confirm,
             name="handover_confirm"),
    ]
    return [path("", include((urls, "email_directory"), namespace="email_directory"))]


for _action in ACTIONS:
    hooks.register("register_bulk_action", _action)


class PendingHandoversPanel(Component):
    name = "email_directory_pending_handovers"
    order = 120
    template_name = "email_directory/admin/pending_handovers_panel.html"

    def __init__(self, handovers):
        self.handovers = handovers

    def get_context_data(self, parent_context):
        return {"handovers": self.handovers}


@hooks.register("construct_homepage_panels")
def add_pending_handovers_panel(request, panels):
    handovers = list(pending_for(request.user))
    if handovers:
        panels.append(PendingHandoversPanel(handovers))


