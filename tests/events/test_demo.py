"""The demo's conferences, workshops and training of both agencies (R-SITE-4, seed 000
Đ7.6), in Vietnamese and, for the first agency, in English."""

import pytest
from bs4 import BeautifulSoup

from plugins.core.demo import DemoContext
from plugins.core.models import Agency
from plugins.events.demo import load_events_demo
from plugins.events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db
HOSTS = {"BQL": "localhost", "SKH": "skh.localhost"}


def _rows(client, host, path, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(" ", strip=True) for a in soup.select(".event-title a")], soup


def test_both_agencies_have_upcoming_and_past_events_with_materials(client, demo):
    """R-SITE-4: each demo agency lists upcoming and past events; their materials are
    downloadable and open formats are marked; the draft is never shown."""
    for symbol, host in HOSTS.items():
        agency = Agency.objects.get(symbol=symbol)
        index_page = EventIndexPage.objects.child_of(agency.site.root_page).get(
            slug="hoi-nghi-hoi-thao")
        upcoming, _ = _rows(client, host, index_page.url, when="upcoming")
        past, _ = _rows(client, host, index_page.url, when="past")
        assert upcoming and past, symbol
        assert not set(upcoming) & set(past)
        event = EventPage.objects.live().child_of(index_page).filter(
            title__in=upcoming).first()
        response = client.get(event.url, HTTP_HOST=host)
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select(".material .open-format"), symbol
        download = soup.select_one("a.material-download")["href"]
        assert client.get(download, HTTP_HOST=host).status_code == 200
        assert client.get(event.url + "ical/", HTTP_HOST=host).status_code == 200
    drafts = EventPage.objects.filter(live=False, locale__language_code="vi")
    assert drafts.exists()
    everything, _ = _rows(client, "localhost", "/hoi-nghi-hoi-thao/")
    assert not set(everything) & {draft.title for draft in drafts}


def test_the_first_agency_has_its_events_in_english(client, demo):
    """R-ED-16: the English list shows the English versions only."""
    titles, soup = _rows(client, "localhost", "/en/events/")
    assert sorted(titles) == ["Dialogue conference with industrial park enterprises 2026",
                              "Environmental law training for industrial park enterprises"]
    assert soup.html["lang"] == "en"


def test_loading_the_demo_again_changes_nothing(demo):
    """The demo loader is idempotent."""
    agencies = {key: Agency.objects.get(symbol=symbol)
                for key, symbol in (("bql", "BQL"), ("skh", "SKH"))}
    context = DemoContext(log=lambda *args: None, objects={"agencies": agencies})
    before = EventPage.objects.count()
    load_events_demo(context)
    assert context.created == 0
    assert EventPage.objects.count() == before
