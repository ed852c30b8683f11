"""iCalendar feeds (R-EO-10): the leaders' public feed and each leader's, a unit's for staff
with a secret key; only published entries, stable UIDs, SEQUENCE bumped on change,
cancelled entries STATUS:CANCELLED; constant queries."""

import datetime

import pytest
from icalendar import Calendar

from plugins.eoffice.schedules import services
from plugins.eoffice.schedules.models import FeedToken

pytestmark = pytest.mark.django_db


def _calendar(client, url, host="testserver"):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _events(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_r_eo_10_leaders_feed_has_only_published_entries(client, programme, make_entry):
    make_entry("published", content="Giao ban")
    make_entry("submitted", content="Chờ duyệt")
    events = _events(_calendar(client, programme.url + "ical/"))
    assert list(events) == ["Giao ban"]
    event = events["Giao ban"]
    assert event["DTSTART"].dt.hour == 8 and str(event["DTSTART"].dt.tzinfo) == "Asia/Ho_Chi_Minh"
    assert str(event["LOCATION"]) == "Phòng họp số 1"


def test_r_eo_10_uid_stable_sequence_bumped_cancelled_status(client, programme, make_entry,
                                                             staff):
    entry = make_entry("published", content="Giao ban")
    first = _events(_calendar(client, programme.url + "ical/"))["Giao ban"]
    services.change_published(staff["clerk"], entry, "Đổi phòng", place="Hội trường")
    second = _events(_calendar(client, programme.url + "ical/"))["Giao ban"]
    assert str(first["UID"]) == str(second["UID"])
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 1)
    services.cancel_published(staff["director"], entry, "Hoãn")
    third = _events(_calendar(client, programme.url + "ical/"))["Giao ban"]
    assert str(third["STATUS"]) == "CANCELLED" and third["SEQUENCE"] == 2
    assert str(third["UID"]) == str(first["UID"])


def test_r_eo_10_each_leader_has_a_feed(client, programme, bql, staff, monday):
    from tests.eoffice_schedules.conftest import entry_fields

    for leaders, content in (([staff["director"]], "Tiếp công dân"), ([], "Họp không có")):
        entry = services.create_entry(staff["clerk"], bql, None, leaders=leaders,
                                      **entry_fields(monday, content=content))
        services.submit(staff["clerk"], entry)
        services.approve(staff["director"], entry)
    url = f"{programme.url}lanh-dao/{staff['director'].pk}/ical/"
    assert list(_events(_calendar(client, url))) == ["Tiếp công dân"]
    # Somebody who is not a leader of the page's agency has no feed.
    for person in ("clerk", "skh_director"):
        response = client.get(f"{programme.url}lanh-dao/{staff[person].pk}/ical/",
                              HTTP_HOST="testserver")
        assert response.status_code == 404


def test_r_eo_10_unit_feed_needs_a_staff_key_of_the_agency(client, programme, make_entry,
                                                           units, staff):
    make_entry("published", unit=units["investment"], content="Thẩm định hồ sơ")
    base = f"{programme.url}don-vi/{units['investment'].pk}/"
    assert client.get(base + "sai-khoa/ical/", HTTP_HOST="testserver").status_code == 404
    outsider = FeedToken.objects.create(user=staff["skh_clerk"])
    assert client.get(f"{base}{outsider.key}/ical/",
                      HTTP_HOST="testserver").status_code == 404
    token = FeedToken.objects.create(user=staff["specialist"])
    events = _events(_calendar(client, f"{base}{token.key}/ical/"))
    assert list(events) == ["Thẩm định hồ sơ"]
    old = token.key
    token.reset()
    assert client.get(f"{base}{old}/ical/", HTTP_HOST="testserver").status_code == 404
    staff["specialist"].is_active = False
    staff["specialist"].save()
    assert client.get(f"{base}{token.key}/ical/", HTTP_HOST="testserver").status_code == 404
    # Another agency's unit through this agency's page: nothing.
    other = f"{programme.url}don-vi/{units['skh_office'].pk}/{token.key}/ical/"
    assert client.get(other, HTTP_HOST="testserver").status_code == 404


def test_r_eo_10_feeds_at_constant_queries(client, programme, make_entry, monday, staff, units,
                                           django_assert_max_num_queries):
    make_entry("published")
    token = FeedToken.objects.create(user=staff["specialist"])
    urls = [programme.url + "ical/",
            f"{programme.url}lanh-dao/{staff['director'].pk}/ical/",
            f"{programme.url}don-vi/{units['investment'].pk}/{token.key}/ical/"]
    counts = []
    for url in urls:
        client.get(url, HTTP_HOST="testserver")
        with django_assert_max_num_queries(15) as captured:
            client.get(url, HTTP_HOST="testserver")
        counts.append(len(captured.captured_queries))
    for day in range(5):
        make_entry("published", day=monday + datetime.timedelta(days=day))
        make_entry("published", unit=units["investment"],
                   day=monday + datetime.timedelta(days=day))
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            client.get(url, HTTP_HOST="testserver")
