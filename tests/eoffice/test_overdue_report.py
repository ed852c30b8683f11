"""The overdue report (R-EO-7, R-EO-18): late reviewers and documents past their deadline,
how late in working time, for the director and clerks (their agency) and unit leaders
(their unit); refused to everyone else."""

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plugins.core.calendar import OFFICE_TZ
from plugins.eoffice.documents import reminders
from plugins.eoffice.documents.services import incoming, outgoing
from tests.eoffice.conftest import incoming_fields

pytestmark = pytest.mark.django_db

URL = "eoffice_reports:overdue"
NOW = datetime.datetime(2026, 3, 23, 10, 0, tzinfo=OFFICE_TZ)  # Monday, a week on
DRAFT = "Đề nghị góp ý dự án đầu tư nhà máy may Việt Tiến"


def at(day, hour, minute=0):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=OFFICE_TZ)


def _late_draft(staff, bql, subject=DRAFT):
    """Submitted on Monday 16/3 at 9:00: the unit leader's review was due Thursday 17:00."""
    with time_machine.travel(at(16, 9), tick=False):
        draft = outgoing.create_draft(staff["specialist"], bql, subject=subject)
        outgoing.submit(staff["specialist"], draft)
    return draft


def _late_document(staff, units, registers, number="125/GM-UBND", unit="investment"):
    """Assigned on Monday 16/3 to a unit, then to its specialist; due Wednesday 18/3."""
    with time_machine.travel(at(16, 8), tick=False):
        document = incoming.register(
            staff["clerk"], registers["in"],
            **incoming_fields(arrived_at=at(16, 8), number_notation=number)).document
        incoming.assign(staff["director"], document, main=units[unit], deadline_days=2)
        if unit == "investment":
            incoming.reassign(staff["leader"], document, staff["specialist"])
    return document


@pytest.fixture
def late(staff, bql, units, registers):
    draft = _late_draft(staff, bql)
    document = _late_document(staff, units, registers)
    with time_machine.travel(at(20, 9), tick=False):
        reminders.send_reminders()  # both reminded once, late
    return draft, document


def _rows(client):
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse(URL))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")]
            for row in soup.select("tbody tr")], soup


def test_R_EO_7_the_director_sees_who_is_late_and_by_how_much(client, staff, late):
    client.force_login(staff["director"])
    rows, soup = _rows(client)
    assert rows == [
        ["Processing of an incoming document",
         "125/GM-UBND of UBND tỉnh Tiền Giang: UBND tỉnh mời họp ngày 12/3/2026 về việc giải "
         "phóng mặt bằng Khu công nghiệp Long Giang", rows[0][2],
         "Phòng Quản lý đầu tư", "17:00 18/03/2026", "3 working days (18.5 office hours)", "1"],
        ["Review of a draft", f"Draft “{DRAFT}”", rows[1][2], "Phòng Quản lý đầu tư",
         "17:00 19/03/2026", "2 working days (10.5 office hours)", "1"],
    ]
    names = {name: staff[name].get_full_name() or staff[name].get_username()
             for name in ("specialist", "leader")}
    assert rows[0][2] == names["specialist"] and rows[1][2] == names["leader"]
    summary = soup.select_one("[data-overdue-summary]").get_text(" ", strip=True)
    assert "Late reviews of drafts: 1. Incoming documents past their processing deadline: 1." \
        in summary
    links = [a["href"] for a in soup.select("tbody a")]
    assert links == [reverse("eoffice_incoming:inspect", args=[late[1].pk]),
                     reverse("eoffice_outgoing:inspect", args=[late[0].pk])]


def test_R_EO_7_export_as_xlsx_and_csv(client, staff, late):
    client.force_login(staff["clerk"])
    with time_machine.travel(NOW, tick=False):
        xlsx = client.get(reverse(URL), {"export": "xlsx"})
        text = client.get(reverse(URL), {"export": "csv"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["Kind", "Document", "Who is late", "Unit", "Due time", "Working days late",
                         "Office hours late", "Reminders sent"]
    assert values[1][4:] == [datetime.datetime(2026, 3, 18, 17, 0), 3, 18.5, 1]
    assert values[2][0] == "Review of a draft"
    assert values[2][4:] == [datetime.datetime(2026, 3, 19, 17, 0), 2, 10.5, 1]
    rows = list(csv.reader(io.StringIO(b"".join(text.streaming_content).decode())))
    assert rows[1][0] == "Processing of an incoming document"
    assert rows[2][5:] == ["2", "10.5", "1"]


def test_R_EO_7_a_draft_is_late_only_while_its_reviewer_keeps_it(client, staff, late):
    with time_machine.travel(at(20, 10), tick=False):
        outgoing.forward(staff["leader"], late[0])  # a day late, now with the director
    client.force_login(staff["director"])
    rows, _soup = _rows(client)
    assert [row[0] for row in rows] == ["Processing of an incoming document"]


def test_R_EO_7_who_sees_what(client, staff, late):
    """The unit's leader sees the unit's; another unit's leader, another agency's director
    see nothing of it; a specialist is refused."""
    client.force_login(staff["leader"])
    assert len(_rows(client)[0]) == 2
    client.force_login(staff["other_leader"])
    rows, soup = _rows(client)
    assert rows == [] and "Nothing is late" in soup.get_text()
    client.force_login(staff["skh_director"])
    rows, soup = _rows(client)
    assert rows == [] and "Nothing is late" in soup.get_text()
    client.force_login(staff["specialist"])
    home = reverse("wagtailadmin_home")
    with time_machine.travel(NOW, tick=False):
        for response in (client.get(reverse(URL)), client.get(reverse(URL), {"export": "csv"}),
                         client.get(reverse("eoffice_reports:overdue_results"))):
            assert (response.status_code, response["Location"]) == (302, home)
        refused = client.get(reverse(URL), follow=True).content.decode()
    assert "Sorry, you do not have permission to access this area." in refused
    assert DRAFT not in refused


def test_R_EO_7_the_report_is_in_the_reports_menu_for_those_who_may_open_it(rf, staff):
    from wagtail.admin.menu import reports_menu

    def shown(user):
        request = rf.get("/admin/")
        request.user = user
        return [str(item.label) for item in reports_menu.registered_menu_items
                if item.is_shown(request)]

    assert "Overdue documents" in shown(staff["director"])
    assert "Overdue documents" in shown(staff["leader"])
    assert "Overdue documents" not in shown(staff["specialist"])


def test_R_EO_7_constant_number_of_queries(client, staff, bql, units, registers, late,
                                          django_assert_max_num_queries):
    client.force_login(staff["director"])
    with time_machine.travel(NOW, tick=False):
        client.get(reverse(URL))
        with CaptureQueriesContext(connection) as few:
            assert len(_rows(client)[0]) == 2
    baseline = len(few)  # now: the next request empties the connection's log
    assert baseline > 0
    for n in range(3):
        _late_draft(staff, bql, subject=f"{DRAFT} — lần {n}")
        _late_document(staff, units, registers, number=f"{130 + n}/GM-UBND", unit="business")
    with time_machine.travel(NOW, tick=False):
        assert len(_rows(client)[0]) == 8
    with time_machine.travel(NOW, tick=False):
        with django_assert_max_num_queries(baseline):
            client.get(reverse(URL))
