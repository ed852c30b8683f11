"""Handover of a unit or agency mailbox when its holder changes (R-EM-2, seed 003 Đ7.2):
from, to, date; effective when the new holder confirms they received the data and changed
the password."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from plugins.core.models import Position, Role
from plugins.email_directory import handover
from plugins.email_directory.models import DirectoryEntry, HandoverStatus, MailboxHandover

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 16)


@pytest.fixture(autouse=True)
def english(settings):
    # The site's default language for these tests, so the admin's requests (whose language
    # LocaleMiddleware sets: R-ED-16) speak English too, not only the test's own code.
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def newcomer(bql, units, make_staff):
    """A clerk with an account, in the directory through her position."""
    user = make_staff("vanthumoi", bql, Role.CLERK, unit=units["office"], title="Văn thư")
    entry = DirectoryEntry.objects.create(agency=bql, position=Position.objects.get(user=user))
    return user, entry


def test_recorded_then_confirmed_by_the_new_holder(client, staff, people, newcomer):
    """R-EM-2: the IT unit records; only the new holder confirms; the holder changes then."""
    user, entry = newcomer
    box = people["office_box"]
    item = handover.record(box, entry, DAY, staff["it"], note="Chuyển công tác")
    assert (item.from_holder, item.status) == (people["chief"], HandoverStatus.PENDING)
    box.refresh_from_db()
    assert box.holder == people["chief"]  # not before the confirmation
    with pytest.raises(PermissionDenied):
        handover.confirm(item, staff["it"], data_received=True, password_changed=True)
    with pytest.raises(ValidationError, match="changed the password"):
        handover.confirm(item, user, data_received=True, password_changed=False)
    handover.confirm(item, user, data_received=True, password_changed=True)
    item.refresh_from_db()
    box.refresh_from_db()
    assert item.status == HandoverStatus.CONFIRMED and item.confirmed_by == user
    assert box.holder == entry
    with pytest.raises(ValidationError, match="no longer awaiting"):
        handover.confirm(item, user, data_received=True, password_changed=True)
    assert box.history.first().holder_id == entry.pk  # audited (simple-history)


def test_who_may_record(staff, people, newcomer, units, make_shared, bql):
    """R-EM-2: the IT unit, or the leader of the mailbox's unit; not a clerk."""
    _user, entry = newcomer
    with pytest.raises(PermissionDenied):
        handover.record(people["office_box"], entry, DAY, staff["clerk"])
    item = handover.record(people["office_box"], entry, DAY, staff["leader"])
    assert item.recorded_by == staff["leader"]
    with pytest.raises(PermissionDenied):  # he leads the office, not the agency mailbox
        handover.record(people["agency_box"], entry, DAY, staff["leader"])
    with pytest.raises(PermissionDenied):
        handover.record(people["office_box"], entry, DAY, staff["skh_it"])


def test_invalid_handovers_are_refused(staff, people, newcomer, skh, units, make_person):
    _user, entry = newcomer
    with pytest.raises(ValidationError, match="personal"):
        handover.record(people["analyst"].mailbox, entry, DAY, staff["it"])
    with pytest.raises(ValidationError, match="another agency"):
        handover.record(people["office_box"], make_person(skh, "Lý Thị Mai",
                                                          units["skh_office"]), DAY, staff["it"])
    handover.record(people["office_box"], entry, DAY, staff["it"])
    with pytest.raises(ValidationError, match="already awaiting"):
        handover.record(people["office_box"], people["clerk"], DAY, staff["it"])
    with pytest.raises(ValidationError, match="current holder"):
        handover.record(people["agency_box"], people["clerk"], DAY, staff["it"])


def test_new_holder_without_account_confirms_on_paper(client, staff, people):
    """R-EM-2: the IT unit records the signed minutes of a holder who has no account."""
    item = handover.record(people["office_box"], people["clerk"], DAY, staff["it"])
    client.force_login(staff["clerk"])  # not the holder's account: the clerk is a user
    page = client.get(reverse("email_directory:handover_confirm", args=[item.pk]))
    assert page.status_code in (302, 403)
    client.force_login(staff["it"])
    response = client.post(reverse("email_directory:handover_confirm", args=[item.pk]),
                           {"data_received": "on", "password_changed": "on"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.confirmed_on_paper and item.status == HandoverStatus.CONFIRMED


def test_dashboard_asks_the_new_holder_to_confirm(client, staff, people, newcomer):
    user, entry = newcomer
    item = handover.record(people["office_box"], entry, DAY, staff["it"])
    client.force_login(user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "vp.bqlkcn@tiengiang.gov.vn" in home
    assert reverse("email_directory:handover_confirm", args=[item.pk]) in home
    response = client.post(reverse("email_directory:handover_confirm", args=[item.pk]),
                           {"data_received": "on"})
    assert response.status_code == 200  # both boxes are needed
    assert MailboxHandover.objects.get().status == HandoverStatus.PENDING
    client.post(reverse("email_directory:handover_confirm", args=[item.pk]),
                {"data_received": "on", "password_changed": "on"})
    assert MailboxHandover.objects.get().status == HandoverStatus.CONFIRMED
    client.get(reverse("wagtailadmin_home"))  # shows the success message
    assert "vp.bqlkcn" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_handover_admin_screens(client, staff, people, newcomer):
    _user, entry = newcomer
    client.force_login(staff["leader"])
    response = client.post(reverse("email_directory_handover:add"), {
        "mailbox": people["office_box"].pk, "to_holder": entry.pk,
        "handover_date": "2026-11-16", "note": "Bàn giao"})
    assert response.status_code == 302, response.content.decode()[:2000]
    item = MailboxHandover.objects.get()
    assert item.from_holder == people["chief"] and item.recorded_by == staff["leader"]
    client.get(reverse("email_directory_handover:index"))  # shows the success message
    client.force_login(staff["other_clerk"])
    assert "vp.bqlkcn" not in client.get(
        reverse("email_directory_handover:index")).content.decode()


def test_a_pending_handover_can_be_cancelled_by_who_recorded_it(client, staff, people, newcomer):
    _user, entry = newcomer
    item = handover.record(people["office_box"], entry, DAY, staff["leader"])
    client.force_login(staff["clerk"])
    client.post(reverse("email_directory:handover_confirm", args=[item.pk]), {"cancel": "1"})
    assert MailboxHandover.objects.get().status == HandoverStatus.PENDING
    client.force_login(staff["leader"])
    client.post(reverse("email_directory:handover_confirm", args=[item.pk]), {"cancel": "1"})
    assert MailboxHandover.objects.get().status == HandoverStatus.CANCELLED
    people["office_box"].refresh_from_db()
    assert people["office_box"].holder == people["chief"]
