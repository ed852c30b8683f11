from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from plugins.core.admin.menu import MenuItem
from plugins.eoffice.tasks.admin import views
from plugins.eoffice.tasks.admin.viewsets import TasksViewSetGroup


@hooks.register("register_admin_viewset")
def register_tasks_viewsets():
    return TasksViewSetGroup()


@hooks.register("register_admin_urls")
def register_tasks_urls():
    urls = [
        path("nhiem-vu/<int:pk>/thao-tac/<str:action>/", views.task_action, name="action"),
        path("nhiem-vu/bao-cao/<int:pk>/tep/", views.report_file, name="report_file"),
        path("nhiem-vu/thong-ke/", views.StatisticsReport.as_view(), name="statistics"),
        path("nhiem-vu/thong-ke/results/", views.StatisticsReport.as_view(results_only=True),
             name="statistics_results"),
    ]
    return [path("", include((urls, "eoffice_tasks"), namespace="eoffice_tasks"))]


class StaffMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.core.scoping import agency_ids_for_user

        return agency_ids_for_user(request.user) != frozenset()


class LeadersMenuItem(MenuItem):
    def shown_to(self, request):
        from plugins.eoffice.tasks.access import rights

        return rights(request.user).may_assign_somewhere()


def _list(scope):
    return reverse("eoffice_task:index") + f"?scope={scope}"


@hooks.register("register_eoffice_tasks_menu_item")
def register_to_me():
    return StaffMenuItem(_("Assigned to me"), _list("to_me"), icon_name="user", order=1)


@hooks.register("register_eoffice_tasks_menu_item")
def register_by_me():
    return LeadersMenuItem(_("Assigned by me"), _list("by_me"), icon_name="pick", order=2)


@hooks.register("register_eoffice_tasks_menu_item")
def register_unit():
    return StaffMenuItem(_("My units'"), _list("unit"), icon_name="group", order=3)


@hooks.register("register_eoffice_tasks_menu_item")
def register_statistics():
    return LeadersMenuItem(_("Tasks per unit"), reverse("eoffice_tasks:statistics"),
                           icon_name="table", order=900)
