"""Outage entry: paper work entered afterwards with its real dates (R-EO-17; seed 003 Đ11.2)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.eoffice.documents.models import IncomingDocument, IncomingState, StepAction
from plugins.eoffice.documents.services import incoming, outage
from plugins.eoffice.documents.services.common import TransitionError
from tests.eoffice.conftest import incoming_fields

pytestmark = pytest.mark.django_db

REASON = "Máy chủ mất điện, hệ thống ngừng hoạt động"


def _window(days_ago=10, hours=30):
    start = timezone.now() - datetime.timedelta(days=days_ago)
    return start, start + datetime.timedelta(hours=hours)


@pytest.fixture
def entry(staff, bql):
    start, end = _window()
    return outage.open_entry(staff["clerk"], bql, starts_at=start, ends_at=end, reason=REASON)


def test_R_EO_17_normal_registration_refuses_a_past_or_future_arrival(staff, registers):
    for arrived, message in ((timezone.now() - datetime.timedelta(days=8), "outage mode"),
                             (timezone.now() + datetime.timedelta(days=1), "in the future")):
        with pytest.raises(TransitionError, match=message):
            incoming.register(staff["clerk"], registers["in"],
                              **incoming_fields(arrived_at=arrived))
    assert not IncomingDocument.objects.exists()
    # Registered the day it arrives or the next working day: yesterday's arrival is fine
    # whatever the day of the week (the previous working day is further back on a Monday).
    document = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
        arrived_at=timezone.now() - datetime.timedelta(hours=20))).document
    assert document.outage is None


def test_R_EO_17_past_arrival_only_in_outage_mode_inside_the_window(staff, registers, entry):
    inside = entry.starts_at + datetime.timedelta(hours=2)
    registration = outage.register(staff["clerk"], entry, registers["in"],
                                   **incoming_fields(arrived_at=inside))
    document = registration.document
    assert (document.arrived_at, document.outage) == (inside, entry)
    registered = document.steps.get(action=StepAction.REGISTER)
    assert registered.at == inside and registered.outage == entry
    assert REASON in registered.note
    with pytest.raises(TransitionError, match="outside the outage"):
        outage.register(staff["clerk"], entry, registers["in"], **incoming_fields(
            arrived_at=entry.starts_at - datetime.timedelta(hours=1),
            number_notation="02/UBND-VP"))


def test_R_EO_17_numbers_stay_gap_free_in_the_order_of_entry(staff, registers, entry):
    today = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
        number_notation="10/UBND-VP")).document
    late = outage.register(staff["clerk"], entry, registers["in"], **incoming_fields(
        arrived_at=entry.starts_at + datetime.timedelta(hours=1),
        number_notation="11/UBND-VP")).document
    with pytest.raises(TransitionError):  # a refused entry takes no number
        outage.register(staff["clerk"], entry, registers["in"], **incoming_fields(
            arrived_at=entry.ends_at + datetime.timedelta(hours=1), number_notation="12/UBND-VP"))
    next_one = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
        number_notation="13/UBND-VP")).document
    assert [today.arrival_number, late.arrival_number, next_one.arrival_number] == [1, 2, 3]
    assert late.arrived_at < today.arrived_at  # numbers follow entry, not arrival


def test_R_EO_17_paper_assignment_and_result_keep_their_real_dates(staff, units, registers,
                                                                   entry):
    arrived = entry.starts_at + datetime.timedelta(hours=1)
    document = outage.register(staff["clerk"], entry, registers["in"],
                               **incoming_fields(arrived_at=arrived)).document
    assigned_at = arrived + datetime.timedelta(hours=3)
    outage.assign(staff["director"], entry, document, at=assigned_at,
                  main=staff["specialist"], deadline_days=2)
    with pytest.raises(TransitionError, match="before the document's last step"):
        outage.record_result(staff["specialist"], entry, document, "Đã xử lý",
                             at=arrived - datetime.timedelta(minutes=5))
    outage.record_result(staff["specialist"], entry, document, "Đã xử lý trên giấy",
                         at=assigned_at + datetime.timedelta(hours=2))
    document.refresh_from_db()
    assert document.state == IncomingState.DONE
    steps = list(document.steps.values_list("action", "at", "outage_id"))
    assert [s[0] for s in steps] == [StepAction.REGISTER, StepAction.ASSIGN, StepAction.RESULT]
    assert steps[1][1] == assigned_at and all(s[2] == entry.pk for s in steps)
    from plugins.core.calendar import WorkingCalendar

    start = timezone.localtime(assigned_at).date()
    assert document.deadline == WorkingCalendar(document.agency).add_working_days(start, 2)


def test_R_EO_17_only_a_clerk_opens_an_entry_with_a_reason_for_a_past_outage(staff, bql):
    start, end = _window()
    for person in ("specialist", "director", "skh_clerk"):
        with pytest.raises(TransitionError, match="Only a clerk"):
            outage.open_entry(staff[person], bql, starts_at=start, ends_at=end, reason=REASON)
    with pytest.raises(TransitionError, match="Give a reason"):
        outage.open_entry(staff["clerk"], bql, starts_at=start, ends_at=end, reason=" ")
    with pytest.raises(TransitionError, match="cannot be in the future"):
        outage.open_entry(staff["clerk"], bql, starts_at=start,
                          ends_at=timezone.now() + datetime.timedelta(hours=1), reason=REASON)
    from plugins.eoffice.documents.models import OutageEntry

    assert not OutageEntry.objects.exists()


def test_R_EO_17_another_agency_cannot_use_the_entry(staff, registers, entry):
    with pytest.raises(TransitionError):
        outage.register(staff["skh_clerk"], entry, registers["skh_in"], **incoming_fields(
            arrived_at=entry.starts_at + datetime.timedelta(hours=1)))
    with pytest.raises(TransitionError):
        incoming.register(staff["skh_clerk"], registers["skh_in"], outage=entry,
                          **incoming_fields(arrived_at=entry.starts_at))
    assert not IncomingDocument.objects.exists()


def test_R_EO_17_the_clerk_enters_through_the_admin_and_lists_mark_it(client, staff, registers,
                                                                     bql):
    client.force_login(staff["clerk"])
    start, end = _window()
    local = timezone.localtime
    response = client.post(reverse("eoffice:outages"), {
        "agency": bql.pk, "starts_at": local(start).strftime("%d/%m/%Y %H:%M"),
        "ends_at": local(end).strftime("%d/%m/%Y %H:%M"), "reason": REASON})
    assert response.status_code == 302
    from plugins.eoffice.documents.models import OutageEntry

    entry = OutageEntry.objects.get()
    assert entry.history.get().history_user == staff["clerk"]
    arrived = local(entry.starts_at + datetime.timedelta(hours=2)).strftime("%d/%m/%Y %H:%M")
    response = client.post(reverse("eoffice:outage_register", args=[entry.pk]), {
        "register": registers["in"].pk, "arrived_at": arrived,
        "sender_name": "UBND tỉnh Tiền Giang", "number_notation": "125/GM-UBND",
        "issue_date": local(entry.starts_at).strftime("%d/%m/%Y"), "type_code": "GM",
        "subject": incoming_fields()["subject"], "urgency": "normal", "secrecy": "none",
        "source": "paper", "sender_agency": ""})
    assert response.status_code == 302, response.content.decode()[-2000:]
    document = IncomingDocument.objects.get()
    assert document.outage == entry
    listing = client.get(reverse("eoffice_incoming:index")).content.decode()
    assert "01 (entered after outage)" in listing
    slip = client.get(reverse("eoffice:slip", args=["incoming", document.pk])).content.decode()
    assert "Entered after outage" in slip and REASON in slip
    client.force_login(staff["director"])
    inbox = client.get(reverse("eoffice:inbox")).content.decode()
    assert "entered after outage" in inbox


def test_R_EO_17_outage_screens_are_the_clerks_of_the_agency(client, staff, entry):
    for person in ("specialist", "director"):
        client.force_login(staff[person])
        assert client.get(reverse("eoffice:outages")).status_code in (302, 403)
        assert client.get(reverse("eoffice:outage_register",
                                  args=[entry.pk])).status_code in (302, 403)
    client.force_login(staff["skh_clerk"])
    page = client.get(reverse("eoffice:outages")).content.decode()
    assert REASON not in page
    assert client.get(reverse("eoffice:outage_register", args=[entry.pk])).status_code == 404
