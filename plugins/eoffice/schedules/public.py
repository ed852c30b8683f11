"""What the public work programme shows: one week of the leaders' approved schedule, and
the published work plans of the week's year. A fixed number of queries whatever the week
holds."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils import timezone

from plugins.core.models import Role
from plugins.core.scoping import agency_for_page
from plugins.eoffice.schedules.models import ScheduleEntry, State, WorkPlan
from plugins.eoffice.schedules.weeks import neighbours, parse_week, week_days, week_key


def page_agency(page):
    agency = agency_for_page(page)
    if agency is None:
        raise Http404
    return agency


def published_entries(agency):
    """The leaders' published schedule of ``agency`` (a unit's schedule is for staff)."""
    return ScheduleEntry.objects.for_agency(agency).filter(unit__isnull=True,
                                                           state=State.PUBLISHED)


def agency_leaders(agency):
    """The agency's leaders, whose own feeds the page offers."""
    return get_user_model().objects.filter(
        is_active=True, groups__agency_role__agency=agency,
        groups__agency_role__role=Role.AGENCY_LEADER).distinct().order_by("last_name", "pk")


def programme_context(page, request):
    agency = page_agency(page)
    today = timezone.localdate()
    monday = parse_week(request.GET.get("week"), today)
    days = week_days(monday)
    entries = list(published_entries(agency).filter(date__range=(days[0], days[-1])))
    by_day = {day: [] for day in days}
    for entry in entries:
        by_day[entry.date].append(entry)
    previous, following = neighbours(monday)
    plans = list(WorkPlan.objects.for_agency(agency).filter(
        unit__isnull=True, state=State.PUBLISHED, year=monday.year).select_related("document"))
    return {
        "agency": agency,
        "monday": monday,
        "sunday": days[-1],
        "week_key": week_key(monday),
        "week_number": monday.isocalendar()[1],
        "previous_week": week_key(previous),
        "next_week": week_key(following),
        "this_week": week_key(parse_week("", today)),
        "is_this_week": monday <= today <= days[-1],
        "today": today,
        "days": [(day, by_day[day], day == today) for day in days],
        "entry_count": len(entries),
        "plans": plans,
        "leaders": list(agency_leaders(agency)),
    }
