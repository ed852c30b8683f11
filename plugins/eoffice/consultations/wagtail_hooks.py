from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from plugins.core.admin.menu import MenuItem
from plugins.eoffice.consultations.admin import views


@hooks.register("register_admin_urls")
def register_consultations_urls():
    urls = [
        path("lay-y-kien/", views.index, name="index"),
        path("lay-y-kien/moi/", views.add, name="add"),
        path("lay-y-kien/<int:pk>/", views.detail, name="detail"),
        path("lay-y-kien/<int:pk>/sua/", views.edit, name="edit"),
        path("lay-y-kien/<int:pk>/bao-cao/", views.report, name="report"),
        path("lay-y-kien/<int:pk>/tra-loi/<int:invitee_pk>/", views.respond, name="respond"),
        path("lay-y-kien/<int:pk>/<str:name>/", views.action, name="action"),
        path("lay-y-kien/tep/<int:file_pk>/", views.draft_file, name="draft_file"),
        path("lay-y-kien/tra-loi/<int:response_pk>/tep/", views.response_file,
             name="response_file"),
    ]
    return [path("", include((urls, "eoffice_consultations"),
                             namespace="eoffice_consultations"))]


class StaffMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.eoffice.consultations.access import rights

        return rights(request.user).may_draft


class StaffSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        from plugins.eoffice.consultations.access import rights

        return rights(request.user).may_draft


@hooks.register("register_admin_menu_item")
def register_consultations_menu():
    menu = Menu(items=[
        StaffMenuItem(_("Consultations"), reverse("eoffice_consultations:index"),
                      icon_name="list-ul", order=1),
        StaffMenuItem(_("New consultation"), reverse("eoffice_consultations:add"),
                      icon_name="plus", order=2),
    ])
    return StaffSubmenu(_("Consultations on drafts"), menu, icon_name="comment",
                        name="eoffice-consultations", order=167)
