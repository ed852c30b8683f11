"""iCalendar feeds that phone and desktop calendars subscribe to (R-EO-10).

- the agency's leaders' schedule and each leader's own: public, as the portal publishes
  the leaders' schedule (seed 000 Đ16.1);
- a unit's schedule: for the agency's staff only, with the person's secret key in the URL
  (:class:`~.models.FeedToken`), since a calendar app cannot sign in.

Only published entries; each keeps its UID for life and bumps its SEQUENCE on every change
after publication, and a cancelled one is sent as ``STATUS:CANCELLED`` so that subscribed
calendars update the event in place instead of adding a second one."""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from plugins.core.calendar import OFFICE_TZ
from plugins.core.models import Unit
from plugins.core.scoping import agency_ids_for_user
from plugins.eoffice.schedules.models import FeedToken, Mark, ScheduleEntry, State
from plugins.eoffice.schedules.public import agency_leaders, page_agency, published_entries

# Past entries a feed still carries (calendars keep what they already have).
PAST = datetime.timedelta(days=62)
UID_DOMAIN = "lich-cong-tac"


def leaders_feed(page, request):
    agency = page_agency(page)
    return _response(published_entries(agency), _("Work schedule of the leaders of %(agency)s")
                     % {"agency": agency.name}, f"lanh-dao-{agency.symbol}")


def leader_feed(page, request, user_id):
    agency = page_agency(page)
    leader = agency_leaders(agency).filter(pk=user_id).first()
    if leader is None:
        raise Http404
    entries = published_entries(agency).filter(leaders=leader)
    name = leader.get_full_name() or leader.get_username()
    return _response(entries, _("Work schedule of %(name)s") % {"name": name},
                     f"lanh-dao-{leader.pk}")


def unit_feed(page, request, unit_id, key):
    agency = page_agency(page)
    token = FeedToken.objects.filter(key=key, user__is_active=True).select_related(
        "user").first()
    unit = Unit.objects.for_agency(agency).filter(pk=unit_id).first()
    if token is None or unit is None:
        raise Http404
    ids = agency_ids_for_user(token.user)
    if ids is not None and agency.pk not in ids:
        raise Http404
    entries = ScheduleEntry.objects.for_agency(agency).filter(unit=unit, state=State.PUBLISHED)
    response = _response(entries, _("Work schedule of %(unit)s") % {"unit": unit.name},
                         f"don-vi-{unit.pk}")
    response["Cache-Control"] = "private, no-store"
    return response


def calendar_for(entries, title):
    calendar = Calendar()
    calendar.add("prodid", "-//Lich cong tac//eoffice_schedules//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", str(OFFICE_TZ))
    since = timezone.localdate() - PAST
    for entry in entries.filter(date__gte=since).order_by("date", "start_time", "pk"):
        calendar.add_component(event_for(entry))
    calendar.add_missing_timezones()
    return calendar


def event_for(entry):
    event = Event()
    event.add("uid", f"{entry.uid}@{UID_DOMAIN}")
    event.add("sequence", entry.sequence)
    event.add("dtstamp", entry.changed_at or entry.approved_at or entry.created_at)
    event.add("last-modified", entry.changed_at or entry.approved_at or entry.created_at)
    start = datetime.datetime.combine(entry.date, entry.start_time, tzinfo=OFFICE_TZ)
    event.add("dtstart", start)
    if entry.end_time:
        event.add("dtend", datetime.datetime.combine(entry.date, entry.end_time,
                                                     tzinfo=OFFICE_TZ))
    event.add("summary", entry.content.splitlines()[0][:200] if entry.content else "")
    details = [entry.content]
    for label, value in ((_("Chaired by"), entry.chair), (_("Participants"),
                                                         entry.participants),
                         (_("Prepared by"), entry.preparer)):
        if value:
            details.append(f"{label}: {value}")
    if entry.mark:
        details.append(f"{entry.get_mark_display()}: {entry.change_note}")
    event.add("description", "\n".join(details))
    if entry.place:
        event.add("location", entry.place)
    if entry.mark == Mark.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def _response(entries, title, filename):
    calendar = calendar_for(entries, title)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
