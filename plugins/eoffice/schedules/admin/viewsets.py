"""The schedules' menu: the week (the office drafts a week), entries, work plans.

Lists show what :mod:`..access` lets the user see; creating and editing go through the
services (a draft by whoever drafts that schedule; a published entry only with a note of
what changed), states change only through the action buttons."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button

from plugins.core.admin.scoping import AgencyScopedModelViewSet
from plugins.eoffice.schedules import access, services
from plugins.eoffice.schedules.admin.forms import EntryForm, PlanForm
from plugins.eoffice.schedules.models import Mark, PeriodKind, ScheduleEntry, State, WorkPlan

_Base = AgencyScopedModelViewSet


def _with(mixin, view_class):
    return type(view_class.__name__, (mixin, view_class), {})


def _visible_units(request):
    from plugins.core.models import Unit

    if request is None:
        return Unit.objects.none()
    return Unit.objects.visible_to(request.user).select_related("agency")


class VisibleObjectMixin:
    """A screen of one record: only a record the user may see (:func:`..access.visible`)."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not access.visible(self.request.user, type(obj).objects.filter(pk=obj.pk)).exists():
            raise Http404
        return obj


class VisibleMixin(VisibleObjectMixin):
    """Lists too: only what the user may see."""

    def get_base_queryset(self):
        return access.visible(self.request.user, super().get_base_queryset())


class ServiceCreateMixin:
    """Create through the services: a refusal shows on the form and saves nothing."""

    def dispatch(self, request, *args, **kwargs):
        """Nobody who drafts no schedule (an IT administrator of no unit) opens the form."""
        if not access.rights(request.user).schedules_to_draft():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        """The week view's "Add" names the schedule and the day (``?agency=&unit=&date=``)."""
        initial = super().get_initial()
        import datetime

        for name in ("agency", "unit", "date"):
            if self.request.GET.get(name):
                initial[name] = self.request.GET[name]
        try:
            initial["date"] = datetime.date.fromisoformat(initial.get("date", ""))
        except ValueError:
            initial.pop("date", None)
        return initial

    def form_valid(self, form):
        self.form = form
        data = dict(form.cleaned_data)
        agency, unit = data.pop("agency", None), data.pop("unit", None)
        if agency is None and unit is not None:
            agency = unit.agency
        data.pop("change_note", None)
        try:
            self.object = self.create(agency, unit, data)
        except services.TransitionError as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message(self.object))
        return self.redirect_after(self.object)

    def redirect_after(self, obj):
        from django.shortcuts import redirect

        return redirect(self.get_success_url())


class ServiceEditMixin(VisibleMixin):
    def form_valid(self, form):
        self.form = form
        data = dict(form.cleaned_data)
        data.pop("agency", None)
        data.pop("unit", None)
        note = data.pop("change_note", "")
        try:
            if self.object.is_published:
                self.object = services.change_published(self.request.user, self.object, note,
                                                        **data)
            else:
                self.object = services.edit(self.request.user, self.object, **data)
        except services.TransitionError as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message())
        from django.shortcuts import redirect

        return redirect(self.get_success_url())


class ServiceDeleteMixin(VisibleMixin):
    def delete_action(self):
        try:
            services.delete_draft(self.request.user, self.object)
        except services.TransitionError as error:
            raise PermissionDenied(error.message) from error


class InspectMixin(VisibleMixin):
    template_name = "eoffice_schedules/admin/inspect.html"

    def get_context_data(self, **kwargs):
        from plugins.eoffice.schedules.admin.views import record_actions

        context = super().get_context_data(**kwargs)
        context["actions"] = record_actions(self.request.user, self.object)
        context["action_kind"] = "entry" if isinstance(self.object, ScheduleEntry) else "plan"
        return context


class ScheduleColumn(Column):
    def get_value(self, instance):
        return instance.schedule_name()


class StateColumn(Column):
    def get_value(self, instance):
        state = instance.get_state_display()
        if instance.mark:
            return f"{state} — {instance.get_mark_display()}"
        return state


class EntryFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_visible_units)
    leaders_only = django_filters.BooleanFilter(label=_("Agency's leaders"),
                                                field_name="unit", lookup_expr="isnull")
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    mark = django_filters.ChoiceFilter(label=_("Change after publication"),
                                       choices=Mark.choices[1:])
    date = django_filters.DateFromToRangeFilter(label=_("Date"))

    class Meta:
        model = ScheduleEntry
        fields = ["unit", "state", "mark"]


class BackToWeekMixin:
    """After saving an entry, the week it belongs to (where the office drafts)."""

    def get_success_url(self):
        from plugins.eoffice.schedules.weeks import monday_of, week_key

        entry = self.object
        schedule = (f"{entry.agency_id}" if entry.unit_id is None
                    else f"{entry.agency_id}-{entry.unit_id}")
        return (reverse("eoffice_schedules:week")
                + f"?schedule={schedule}&week={week_key(monday_of(entry.date))}")


class EntryCreateMixin(BackToWeekMixin, ServiceCreateMixin):
    def create(self, agency, unit, data):
        return services.create_entry(self.request.user, agency, unit, **data)


class EntryIndexMixin(VisibleMixin):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons,
                Button(_("Week of a schedule"), url=reverse("eoffice_schedules:week"),
                       icon_name="date", priority=5)]


ENTRY_PANELS = [
    FieldRowPanel([FieldPanel("agency"), FieldPanel("unit")]),
    FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
    FieldPanel("content"),
    FieldRowPanel([FieldPanel("chair"), FieldPanel("place")]),
    FieldPanel("leaders"),
    FieldPanel("participants"),
    FieldPanel("preparer"),
    FieldPanel("change_note"),
]


class ScheduleEntryViewSet(_Base):
    name = "eoffice_schedule_entry"
    url_prefix = "lich-cong-tac/muc"
    model = ScheduleEntry
    icon = "date"
    menu_label = _("Schedule entries")
    inspect_view_enabled = True
    edit_handler = ObjectList(ENTRY_PANELS, base_form_class=EntryForm)
    list_display = ["date", "start_time",
                    TitleColumn("content", label=_("Content"),
                                url_name="eoffice_schedule_entry:inspect"),
                    ScheduleColumn("schedule", label=_("Schedule")), "chair", "place",
                    StateColumn("state", label=_("State"))]
    filterset_class = EntryFilterSet
    list_select_related = ("unit", "agency")
    search_fields = ["content", "chair", "place"]
    ordering = ["-date", "start_time"]
    inspect_view_fields = ["agency", "unit", "date", "start_time", "end_time", "content", "chair",
                           "leaders", "participants", "place", "preparer", "state",
                           "drafted_by", "approved_by", "approved_at", "return_reason", "mark",
                           "changed_at", "change_note"]
    index_view_class = _with(EntryIndexMixin, _Base.index_view_class)
    add_view_class = _with(EntryCreateMixin, _Base.add_view_class)
    edit_view_class = type("EditView", (BackToWeekMixin, ServiceEditMixin,
                                        _Base.edit_view_class), {})
    delete_view_class = _with(ServiceDeleteMixin, _Base.delete_view_class)
    inspect_view_class = _with(InspectMixin, _Base.inspect_view_class)
    history_view_class = _with(VisibleObjectMixin, _Base.history_view_class)


class PlanFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_visible_units)
    period_kind = django_filters.ChoiceFilter(label=_("Kind of plan"),
                                              choices=PeriodKind.choices)
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    year = django_filters.NumberFilter(label=_("Year"))

    class Meta:
        model = WorkPlan
        fields = ["unit", "period_kind", "state", "year"]


class PlanCreateMixin(ServiceCreateMixin):
    def create(self, agency, unit, data):
        return services.create_plan(self.request.user, agency, unit, **data)


class PeriodColumn(Column):
    def get_value(self, instance):
        return instance.period_label


class WorkPlanViewSet(_Base):
    name = "eoffice_work_plan"
    url_prefix = "lich-cong-tac/ke-hoach"
    model = WorkPlan
    icon = "doc-full"
    menu_label = _("Work plans")
    inspect_view_enabled = True
    edit_handler = ObjectList([
        FieldRowPanel([FieldPanel("agency"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("period_kind"), FieldPanel("year"), FieldPanel("period")]),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("document"),
        FieldPanel("change_note"),
    ], base_form_class=PlanForm)
    list_display = [TitleColumn("title", label=_("Title"),
                                url_name="eoffice_work_plan:inspect"),
                    "period_kind", PeriodColumn("period", label=_("Period")),
                    ScheduleColumn("schedule", label=_("Schedule")),
                    StateColumn("state", label=_("State"))]
    filterset_class = PlanFilterSet
    list_select_related = ("unit", "agency")
    search_fields = ["title"]
    inspect_view_fields = ["agency", "unit", "period_kind", "year", "period", "title", "text",
                           "document", "state", "drafted_by", "approved_by", "approved_at",
                           "return_reason", "mark", "changed_at", "change_note"]
    index_view_class = _with(VisibleMixin, _Base.index_view_class)
    add_view_class = _with(PlanCreateMixin, _Base.add_view_class)
    edit_view_class = _with(ServiceEditMixin, _Base.edit_view_class)
    delete_view_class = _with(ServiceDeleteMixin, _Base.delete_view_class)
    inspect_view_class = _with(InspectMixin, _Base.inspect_view_class)
    history_view_class = _with(VisibleObjectMixin, _Base.history_view_class)


class SchedulesViewSetGroup(ViewSetGroup):
    menu_label = _("Work schedules")
    menu_icon = "date"
    menu_order = 160
    submenu_hook = "register_eoffice_schedules_menu_item"  # the week view, the feeds
    items = (ScheduleEntryViewSet, WorkPlanViewSet)
