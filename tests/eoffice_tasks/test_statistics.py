"""Statistics per unit (R-EO-14): assigned, done on time, done late, open, overdue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.eoffice.tasks.admin.views import unit_rows
from plugins.eoffice.tasks.models import Task
from tests.eoffice_tasks.conftest import past_working_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(make_task, staff, units):
    make_task()  # open
    late = make_task()
    Task.objects.filter(pk=late.pk).update(deadline=past_working_day())  # overdue
    make_task(state="done")  # on time
    done_late = make_task(state="done")
    Task.objects.filter(pk=done_late.pk).update(deadline=past_working_day())
    make_task(state="cancelled")  # not counted
    make_task(main_unit=units["business"], main_person=None)
    make_task(by=staff["other_leader"], main_unit=units["business"], main_person=None)


def test_R_EO_14_counts_per_unit(tasks, units):
    rows = {row.unit: row for row in unit_rows(Task.objects.all())}
    investment = rows["Phòng Quản lý đầu tư"]
    assert (investment.assigned, investment.done_on_time, investment.done_late,
            investment.open, investment.overdue) == (4, 1, 1, 1, 1)
    business = rows["Phòng Quản lý doanh nghiệp"]
    assert (business.assigned, business.open, business.overdue) == (2, 2, 0)


def test_R_EO_14_the_report_for_a_period_and_its_export(client, staff, tasks):
    client.force_login(staff["director"])
    url = reverse("eoffice_tasks:statistics")
    html = client.get(url).content.decode()
    assert "Phòng Quản lý đầu tư" in html and "Phòng Quản lý doanh nghiệp" in html
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    html = client.get(url, {"assigned_at_after": tomorrow.isoformat()}).content.decode()
    assert "Phòng Quản lý đầu tư" not in html
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Unit,Tasks assigned,Done on time,Done late")
    assert "Phòng Quản lý đầu tư,4,1,1,1,1" in lines
    assert client.get(url, {"export": "xlsx"}).status_code == 200


def test_R_EO_14_a_unit_leader_sees_their_units_only(client, staff, tasks):
    client.force_login(staff["other_leader"])
    html = client.get(reverse("eoffice_tasks:statistics")).content.decode()
    assert "Phòng Quản lý doanh nghiệp" in html and "Phòng Quản lý đầu tư" not in html
