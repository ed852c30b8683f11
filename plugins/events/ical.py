"""One event as an iCalendar file (RFC 5545) for a phone or desktop calendar (R-SITE-4).

Times are written in Asia/Ho_Chi_Minh with its VTIMEZONE, so every calendar shows the
hour the agency announced. The UID is the page's translation key: the file of the English
version, or a file downloaded again after a change, updates the same event instead of
adding a second one; SEQUENCE follows the published revisions.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

UID_DOMAIN = "su-kien"


def calendar_for(page, request=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Cong thong tin dien tu//events//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{page.translation_key}@{UID_DOMAIN}")
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("dtstart", page.local_start)
    event.add("dtend", page.local_end)
    event.add("summary", page.title)
    event.add("location", page.place)
    url = page.get_full_url(request)
    description = [page.summary, strip_tags(page.body)]
    if page.organiser:
        description.insert(0, page.organiser)
    event.add("description", "\n\n".join(text.strip() for text in description if text.strip()))
    event.add("categories", [page.get_kind_display()])
    if url:
        event.add("url", url)
    event.add("sequence", max(page.revisions.count() - 1, 0))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def ical_response(page, request):
    response = HttpResponse(calendar_for(page, request).to_ical(),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.ics"'
    return response
