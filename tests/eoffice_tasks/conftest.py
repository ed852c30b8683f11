"""Tasks assigned in the two agencies of tests/eoffice_people.py."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from tests.eoffice_people import *  # noqa: F403 - the shared people of the e-office

if "plugins.eoffice.tasks" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture
def working_day():
    """A working day at least a week ahead (national calendar: no declared days here)."""
    from plugins.core.calendar import WorkingCalendar

    return WorkingCalendar().add_working_days(timezone.localdate(), 7)


@pytest.fixture
def make_task(bql, skh, staff, units, working_day):
    from plugins.eoffice.tasks import services

    def make(agency=None, by=None, state="in_progress", **fields):
        agency = agency or bql
        if agency == skh:
            by = by or staff["skh_director"]
            fields.setdefault("main_unit", units["skh_office"])
        else:
            by = by or staff["director"]
            fields.setdefault("main_unit", units["investment"])
            fields.setdefault("main_person", staff["specialist"])
        fields.setdefault("title", "Rà soát dự án chậm tiến độ")
        fields.setdefault("content", "Tổng hợp danh sách dự án chậm tiến độ")
        if "working_days" not in fields:
            fields.setdefault("deadline", working_day)
        task = services.assign(by, agency, **fields)
        main = services.main_assignees(task)[0]
        if state in ("reported", "done"):
            services.report_completion(main, task, "Đã xong")
        if state == "done":
            services.accept(by, task)
        if state == "cancelled":
            services.cancel(by, task, "Không còn cần thiết")
        task.refresh_from_db()
        return task

    return make


def past_working_day(days=3):
    from plugins.core.calendar import WorkingCalendar

    calendar = WorkingCalendar()
    day = timezone.localdate() - datetime.timedelta(days=days)
    while not calendar.is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day
