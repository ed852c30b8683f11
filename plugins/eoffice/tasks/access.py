"""Who assigns, follows, reports on and sees which task (seed 004 Đ8).

- An agency leader assigns to any unit and person of the agency; a unit leader assigns
  within the units they lead (main unit, co-operating units and people all of them).
- The assigner — or an agency leader of the agency — accepts, sends back, extends and
  cancels.
- The main assignee is the main person, and the leaders of the main unit; they report
  completion. Every assignee (the main ones, the co-operating people, the people of the
  main and co-operating units) reports progress.
- Agency leaders see every task of their agency; everyone else the tasks they assigned
  or that concern them or their units. Nobody of another agency sees anything.

:class:`Rights` reads the user's roles and positions once (two queries) and then answers
per task; the ids of the task's units and people must be at hand (``co_unit_ids``,
``co_people_ids``, see :func:`with_people`).
"""

from django.db.models import Exists, OuterRef, Q

from plugins.core.memberships import memberships_of
from plugins.core.models import Role
from plugins.core.scoping import agency_ids_for_user


class Rights:
    def __init__(self, user):
        self.user = user
        self.superuser = bool(user.is_active and user.is_superuser)
        self.leads_agencies = set()
        self.units = set()
        self.led_units = set()
        if not user.is_authenticated or not user.is_active or self.superuser:
            return
        held = memberships_of(user)
        self.leads_agencies = set(held.role_agency_ids(Role.AGENCY_LEADER))
        self.units = set(held.unit_ids)
        self.led_units = set(held.led_unit_ids)

    def leads_agency(self, agency_id):
        return self.superuser or agency_id in self.leads_agencies

    def may_assign_somewhere(self):
        return self.superuser or bool(self.leads_agencies or self.led_units)

    def may_assign(self, agency_id, unit_ids):
        """Whether the user may assign in ``agency_id`` to the units ``unit_ids`` (the
        main and the co-operating ones, and the units of the people named)."""
        if self.leads_agency(agency_id):
            return True
        return bool(unit_ids) and set(unit_ids) <= self.led_units

    def may_direct(self, task):
        """Accept, send back, extend, cancel: the assigner or an agency leader."""
        return (self.leads_agency(task.agency_id)
                or (task.assigned_by_id is not None and task.assigned_by_id == self.user.pk))

    def is_main_assignee(self, task):
        return (task.main_person_id == self.user.pk and self.user.pk is not None) or (
            task.main_unit_id in self.led_units)

    def is_assignee(self, task):
        return (self.is_main_assignee(task)
                or self.user.pk in task.co_people_ids
                or task.main_unit_id in self.units
                or bool(self.units & set(task.co_unit_ids)))


def rights(user):
    cached = getattr(user, "_eoffice_task_rights", None)
    if cached is None:
        cached = Rights(user)
        user._eoffice_task_rights = cached
    return cached


def _co_unit(units):
    from plugins.eoffice.tasks.models import Task

    return Exists(Task.co_units.through.objects.filter(task_id=OuterRef("pk"),
                                                       unit_id__in=units))


def _co_person(user):
    from plugins.eoffice.tasks.models import Task

    return Exists(Task.co_people.through.objects.filter(task_id=OuterRef("pk"),
                                                        user_id=user.pk))


def visible(user, queryset):
    """``queryset`` of tasks narrowed to what ``user`` may see."""
    ids = agency_ids_for_user(user)
    if ids is not None:
        queryset = queryset.filter(agency_id__in=ids)
    me = rights(user)
    if me.superuser:
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(
        Q(agency_id__in=me.leads_agencies) | Q(assigned_by=user) | Q(main_person=user)
        | Q(main_unit_id__in=me.units) | _co_unit(me.units) | _co_person(user))


def assigned_to_me(user, queryset):
    """The tasks the user answers for or co-operates in: theirs by name, or their led
    units' (a leader answers for the unit)."""
    me = rights(user)
    return queryset.filter(Q(main_person=user) | _co_person(user)
                           | Q(main_unit_id__in=me.led_units) | _co_unit(me.led_units))


def assigned_by_me(user, queryset):
    return queryset.filter(assigned_by=user)


def of_my_units(user, queryset):
    me = rights(user)
    return queryset.filter(Q(main_unit_id__in=me.units) | _co_unit(me.units))


def with_people(tasks):
    """Give each task of ``tasks`` (a list) ``co_unit_ids`` and ``co_people_ids`` in two
    queries, what :class:`Rights` asks."""
    from plugins.eoffice.tasks.models import Task

    by_id = {task.pk: task for task in tasks}
    for task in tasks:
        task.co_unit_ids, task.co_people_ids = [], []
    for task_id, unit_id in Task.co_units.through.objects.filter(
            task_id__in=by_id).values_list("task_id", "unit_id"):
        by_id[task_id].co_unit_ids.append(unit_id)
    for task_id, user_id in Task.co_people.through.objects.filter(
            task_id__in=by_id).values_list("task_id", "user_id"):
        by_id[task_id].co_people_ids.append(user_id)
    return tasks
