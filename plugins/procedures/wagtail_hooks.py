from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from plugins.core.admin.menu import MenuItem
from plugins.procedures.admin.imports import import_view, lists_for
from plugins.procedures.admin.viewsets import ProcedureFieldViewSet

field_viewset = ProcedureFieldViewSet()


@hooks.register("register_admin_viewset")
def register_procedure_viewsets():
    return field_viewset


@hooks.register("register_admin_urls")
def register_import_url():
    urls = [path("thu-tuc/nhap/", import_view, name="import")]
    return [path("", include((urls, "procedures"), namespace="procedures"))]


class ImportMenuItem(MenuItem):
    def shown_to(self, request):
        return lists_for(request.user).exists()


class FieldsMenuItem(MenuItem):
    def shown_to(self, request):
        return field_viewset.permission_policy.user_has_any_permission(
            request.user, ["add", "change", "delete"])


@hooks.register("register_admin_menu_item")
def register_procedures_menu():
    menu = Menu(items=[
        ImportMenuItem(_("Import procedures"), reverse("procedures:import"), icon_name="upload",
                       order=10),
        FieldsMenuItem(_("Procedure fields"), reverse(field_viewset.get_url_name("index")),
                       icon_name="folder-open-inverse", order=20),
    ])
    return SubmenuMenuItem(_("Administrative procedures"), menu, icon_name="list-ul", order=225)
