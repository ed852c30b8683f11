"""Schedule entries and a work programme page for the two agencies of
tests/eoffice_people.py."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from tests.eoffice_people import *  # noqa: F403 - the shared people of the e-office

if "plugins.eoffice.schedules" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture
def monday():
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def entry_fields(day, **overrides):
    fields = {"date": day, "start_time": datetime.time(8, 0), "end_time": datetime.time(10, 0),
              "content": "Giao ban lãnh đạo Ban đầu tuần", "chair": "Trưởng ban",
              "participants": "Trưởng các phòng", "place": "Phòng họp số 1",
              "preparer": "Văn phòng"}
    fields.update(overrides)
    return fields


@pytest.fixture
def make_entry(bql, staff, monday):
    from plugins.eoffice.schedules import services

    def make(state="published", unit=None, day=None, agency=None, **overrides):
        agency = agency or bql
        clerk = staff["clerk"] if agency == bql else staff["skh_clerk"]
        head = staff["director"] if agency == bql else staff["skh_director"]
        entry = services.create_entry(clerk, agency, unit, **entry_fields(day or monday,
                                                                           **overrides))
        if state in ("submitted", "published", "returned"):
            services.submit(clerk, entry)
        if state == "published":
            services.approve(head, entry)
        if state == "returned":
            services.send_back(head, entry, "Thiếu thành phần tham dự")
        return entry

    return make


@pytest.fixture
def programme(bql):
    from plugins.eoffice.schedules.models import WorkProgrammePage

    home = bql.site.root_page
    programme_page = WorkProgrammePage(title="Lịch công tác", slug="lich-cong-tac")
    home.add_child(instance=programme_page)
    programme_page.save_revision().publish()
    return programme_page
