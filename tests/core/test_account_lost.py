"""A user reports their own account lost or shared: it is locked at once, IT is told by
mail, and an IT administrator of the same agency unlocks it (R-SEC-1, R-EO-1)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from plugins.core.models import AccountReport, AccountSecurity, Role

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "correct-horse-battery"


@pytest.fixture
def staff(two_agencies, make_staff):
    bql, skh = two_agencies
    people = {
        "quantri": make_staff("quantri", bql, Role.IT_ADMIN, unit=bql.units.first()),
        "quantriskh": make_staff("quantriskh", skh, Role.IT_ADMIN, unit=skh.units.first()),
        "vanthu": make_staff("vanthu", bql, Role.CLERK, unit=bql.units.first()),
    }
    for username, person in people.items():
        person.email = f"{username}@example.test"
        person.save()
    return people


def _report(client, django_capture_on_commit_callbacks, **data):
    payload = {"kind": "lost", "note": "Điện thoại bị mất sáng nay.", "confirm": "on", **data}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("core_account_report"), payload)


def test_the_account_menu_offers_the_report(client, staff):
    """R-SEC-1: the account page's actions link to the report."""
    client.force_login(staff["vanthu"])
    response = client.get(reverse("wagtailadmin_account"))
    assert reverse("core_account_report") in response.content.decode()
    page = client.get(reverse("core_account_report"))
    assert page.status_code == 200
    assert "Khóa tài khoản của tôi" in page.content.decode()


def test_report_locks_the_account_ends_every_session_and_mails_its_it_admins(
    client, staff, django_capture_on_commit_callbacks
):
    """R-SEC-1: locked at once (inactive, other sessions ended), recorded, and only the IT
    administrators of the user's agency are told."""
    vanthu = staff["vanthu"]
    other_session = Client()
    other_session.force_login(vanthu)
    assert other_session.get(reverse("wagtailadmin_home")).status_code == 200
    client.force_login(vanthu)

    response = _report(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_login")

    vanthu.refresh_from_db()
    assert not vanthu.is_active
    assert not vanthu.has_usable_password()
    report = AccountReport.objects.get(user=vanthu)
    assert (report.kind, report.address, report.resolved_at) == ("lost", "127.0.0.1", None)
    assert report.note == "Điện thoại bị mất sáng nay."

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["quantri@example.test"]
    assert "vanthu" in message.subject
    assert reverse("core_account_unlock", args=[vanthu.pk]) in message.body
    assert "Điện thoại bị mất sáng nay." in message.body

    for session in (client, other_session):
        response = session.get(reverse("wagtailadmin_home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_locked_account_cannot_sign_in(client, staff, django_capture_on_commit_callbacks):
    """R-SEC-1: the login form refuses the reported account, even with its old password."""
    client.force_login(staff["vanthu"])
    _report(client, django_capture_on_commit_callbacks)
    response = Client().post(reverse("wagtailadmin_login"),
                             {"username": "vanthu", "password": PASSWORD})
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in response.wsgi_request.session


def test_report_needs_the_confirmation_and_changes_nothing_without_it(
    client, staff, django_capture_on_commit_callbacks
):
    """R-SEC-1: a refused POST (box not ticked) locks nothing and mails nobody."""
    client.force_login(staff["vanthu"])
    response = _report(client, django_capture_on_commit_callbacks, confirm="")
    assert response.status_code == 200
    assert "Đánh dấu vào ô để khóa tài khoản" in response.content.decode()
    assert User.objects.get(username="vanthu").is_active
    assert not AccountReport.objects.exists()
    assert mail.outbox == []


def test_it_admin_unlocks_with_a_new_one_time_password(
    client, staff, django_capture_on_commit_callbacks
):
    """R-EO-1, R-SEC-1: the IT administrator unlocks from the user list; the person signs
    in with the one-time password and must choose their own; two-factor is reset."""
    vanthu = staff["vanthu"]
    client.force_login(vanthu)
    _report(client, django_capture_on_commit_callbacks)
    TOTPDevice.objects.create(user=vanthu, name="authenticator", confirmed=True)

    admin = Client()
    admin.force_login(staff["quantri"])
    unlock_url = reverse("core_account_unlock", args=[vanthu.pk])
    assert unlock_url in admin.get(reverse("wagtailusers_users:index")).content.decode()
    page = admin.get(unlock_url)
    assert page.status_code == 200
    assert "Điện thoại bị mất sáng nay." in page.content.decode()

    response = admin.post(unlock_url, {"reset_two_factor": "on"})
    assert response.status_code == 200
    password = response.context["password"]
    assert password in response.content.decode()

    vanthu.refresh_from_db()
    assert vanthu.is_active
    assert AccountSecurity.must_change(vanthu)
    assert not TOTPDevice.objects.filter(user=vanthu).exists()
    report = AccountReport.objects.get(user=vanthu)
    assert report.resolved_by == staff["quantri"] and report.resolved_at is not None

    person = Client()
    assert person.login(username="vanthu", password=password)
    assert person.get(reverse("wagtailadmin_home"))["Location"] == reverse(
        "core_password_change")


def test_it_admin_of_another_agency_cannot_unlock(
    client, staff, django_capture_on_commit_callbacks
):
    """R-SEC-2: SKH's IT administrator gets 404 for BQL's account; nothing changes."""
    vanthu = staff["vanthu"]
    client.force_login(vanthu)
    _report(client, django_capture_on_commit_callbacks)
    foreign = Client()
    foreign.force_login(staff["quantriskh"])
    url = reverse("core_account_unlock", args=[vanthu.pk])
    assert foreign.get(url).status_code == 404
    assert foreign.post(url, {"reset_two_factor": "on"}).status_code == 404
    vanthu.refresh_from_db()
    assert not vanthu.is_active
    assert AccountReport.objects.get(user=vanthu).resolved_at is None
    # Signed out, one is sent to the login page.
    assert Client().get(url)["Location"].startswith(reverse("wagtailadmin_login"))
