"""The tasks' menu: the lists (assigned to me, by me, my units'), the assign form, one
task's page with its progress, extensions and actions, and the statistics per unit.

Lists show what :mod:`..access` lets the user see, with a constant number of queries;
nobody edits or deletes a task through the generic screens (no such permission is
granted): every change is a transition of :mod:`..services`."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.eoffice.tasks import access, services
from plugins.eoffice.tasks.admin.forms import TaskForm
from plugins.eoffice.tasks.models import OPEN_STATES, State, Task

_Base = AgencyScopedModelViewSet

SCOPES = [("to_me", _("Assigned to me")), ("by_me", _("Assigned by me")),
          ("unit", _("My units'"))]


def _with(mixin, view_class):
    return type(view_class.__name__, (mixin, view_class), {})


def _visible_units(request):
    from plugins.core.models import Unit

    if request is None:
        return Unit.objects.none()
    return Unit.objects.visible_to(request.user).select_related("agency")


class VisibleObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not access.visible(self.request.user, Task.objects.filter(pk=obj.pk)).exists():
            raise Http404
        return obj


class VisibleMixin(VisibleObjectMixin):
    def get_base_queryset(self):
        return access.visible(self.request.user, super().get_base_queryset())


class TaskFilterSet(WagtailFilterSet):
    scope = django_filters.ChoiceFilter(label=_("Whose"), choices=SCOPES, method="by_scope")
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="by_overdue")
    main_unit = django_filters.ModelChoiceFilter(label=_("Main unit"),
                                                queryset=_visible_units)
    deadline = django_filters.DateFromToRangeFilter(label=_("Deadline"))

    class Meta:
        model = Task
        fields = ["scope", "state", "main_unit"]

    def by_scope(self, queryset, name, value):
        user = self.request.user
        if value == "to_me":
            return access.assigned_to_me(user, queryset)
        if value == "by_me":
            return access.assigned_by_me(user, queryset)
        if value == "unit":
            return access.of_my_units(user, queryset)
        return queryset

    def by_overdue(self, queryset, name, value):
        late = Q(state__in=OPEN_STATES, deadline__lt=timezone.localdate())
        if value is None:
            return queryset
        return queryset.filter(late) if value else queryset.exclude(late)


class PersonColumn(Column):
    def get_value(self, instance):
        person = getattr(instance, self.name)
        return (person.get_full_name() or person.get_username()) if person else ""


class StateColumn(Column):
    def get_value(self, instance):
        state = instance.get_state_display()
        if instance.is_overdue():
            return f"{state} — {_('Overdue')}"
        return state


class CreateMixin:
    """Assign through the services; only leaders open the form."""

    def dispatch(self, request, *args, **kwargs):
        if not access.rights(request.user).may_assign_somewhere():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        self.form = form
        data = dict(form.cleaned_data)
        agency = data.pop("agency", None) or getattr(data.get("main_unit"), "agency", None)
        try:
            self.object = services.assign(
                self.request.user, agency, title=data.get("title"),
                content=data.get("content"), source=data.get("source", ""),
                main_unit=data.get("main_unit"), main_person=data.get("main_person"),
                co_units=data.get("co_units") or (), co_people=data.get("co_people") or (),
                deadline=data.get("deadline"), working_days=data.get("working_days"))
        except services.TransitionError as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message(self.object))
        return redirect("eoffice_task:inspect", self.object.pk)


class InspectMixin(VisibleMixin):
    template_name = "eoffice_tasks/admin/inspect.html"

    def get_context_data(self, **kwargs):
        from plugins.eoffice.tasks.admin.views import task_panel

        context = super().get_context_data(**kwargs)
        context.update(task_panel(self.request, self.object))
        return context


class TaskViewSet(_Base):
    name = "eoffice_task"
    url_prefix = "nhiem-vu"
    model = Task
    icon = "tasks"
    menu_label = _("All my tasks")
    inspect_view_enabled = True
    edit_handler = ObjectList([
        FieldPanel("agency"),
        FieldPanel("title"),
        FieldPanel("content"),
        FieldPanel("source"),
        FieldRowPanel([FieldPanel("main_unit"), FieldPanel("main_person")]),
        FieldRowPanel([FieldPanel("co_units"), FieldPanel("co_people")]),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("working_days")]),
    ], base_form_class=TaskForm)
    list_display = [TitleColumn("title", label=_("Title"), url_name="eoffice_task:inspect"),
                    Column("main_unit", label=_("Main unit")),
                    PersonColumn("main_person", label=_("Main person")),
                    PersonColumn("assigned_by", label=_("Assigned by")),
                    "deadline", Column("progress", label=_("Progress (%)")),
                    StateColumn("state", label=_("State"))]
    filterset_class = TaskFilterSet
    list_select_related = ("agency", "main_unit", "main_person", "assigned_by")
    search_fields = ["title", "content", "source"]
    ordering = ["deadline", "pk"]
    inspect_view_fields = ["agency", "title", "content", "source", "assigned_by",
                           "assigned_at", "main_unit", "main_person", "co_units", "co_people",
                           "deadline", "state", "progress", "reported_on", "closed_at",
                           "return_reason", "cancel_reason"]
    index_view_class = _with(VisibleMixin, _Base.index_view_class)
    add_view_class = _with(CreateMixin, _Base.add_view_class)
    edit_view_class = _with(VisibleMixin, _Base.edit_view_class)
    delete_view_class = _with(VisibleMixin, _Base.delete_view_class)
    inspect_view_class = _with(InspectMixin, _Base.inspect_view_class)
    history_view_class = _with(VisibleObjectMixin, _Base.history_view_class)


class TasksViewSetGroup(ViewSetGroup):
    menu_label = _("Assigned tasks")
    menu_icon = "tasks"
    menu_order = 165
    submenu_hook = "register_eoffice_tasks_menu_item"
    items = (TaskViewSet,)
