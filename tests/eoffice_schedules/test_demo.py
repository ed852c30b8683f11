"""Demo content (R-EO-10, R-SITE-5): a week of the leaders' schedule around today and the
work programme page under each demo agency's home; loading twice changes nothing."""

import pytest
from plugins.core.demo import DemoContext
from plugins.eoffice.schedules.demo import load_schedules_demo
from plugins.eoffice.schedules.models import Mark, ScheduleEntry, State, WorkProgrammePage

pytestmark = pytest.mark.django_db


def test_r_site_5_demo_has_a_published_week_and_the_page(client, demo):
    entries = ScheduleEntry.objects.filter(agency__symbol="BQL", unit__isnull=True)
    assert entries.filter(state=State.PUBLISHED).count() >= 5
    assert entries.filter(mark=Mark.CHANGED).exists() and entries.filter(
        mark=Mark.CANCELLED).exists()
    assert entries.filter(state=State.SUBMITTED).exists()
    assert WorkProgrammePage.objects.live().count() == 2
    from plugins.core.models import Agency

    home = Agency.objects.get(symbol="BQL").site.root_page
    page = WorkProgrammePage.objects.child_of(home).get()
    count = ScheduleEntry.objects.count()
    load_schedules_demo(DemoContext(log=lambda *args: None))
    assert ScheduleEntry.objects.count() == count
    response = client.get(page.url, HTTP_HOST="localhost")
    assert response.status_code == 200
    assert "Giao ban lãnh đạo Ban đầu tuần" in response.content.decode()
