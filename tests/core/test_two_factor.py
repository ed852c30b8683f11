"""Two-factor sign-in for those who publish, issue documents or administer (R-SEC-1,
R-SEC-2): enrolment after the password, a code before any admin page, recovery codes used
once, re-enrolment with a code, a reset by the IT administrator."""

import datetime
import re
from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from plugins.core import two_factor
from plugins.core.models import AccountSecurity, Role
from plugins.core.two_factor import devices, requirements

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def required(settings):
    settings.PORTAL_TWO_FACTOR_REQUIRED = True


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)

    def later(seconds=31):
        time_machine.shift(datetime.timedelta(seconds=seconds))

    return later


@pytest.fixture
def staff(two_agencies, make_staff):
    bql, skh = two_agencies
    return {
        "truongban": make_staff("truongban", bql, Role.AGENCY_LEADER, unit=bql.units.first()),
        "quantri": make_staff("quantri", bql, Role.IT_ADMIN, unit=bql.units.first()),
        "vanthu": make_staff("vanthu", bql, Role.CLERK, unit=bql.units.first()),
        "vanthuskh": make_staff("vanthuskh", skh, Role.CLERK, unit=skh.units.first()),
    }


def _code(device):
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def _enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return device, devices.new_recovery_codes(user)


def _password_login(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def test_a_leader_without_a_second_factor_sets_one_up_after_the_password(client, staff, clock):
    """R-SEC-2: QR code and secret, one code to confirm, ten recovery codes shown once and
    downloadable; then the admin opens."""
    _password_login(client, "truongban")
    home = reverse("wagtailadmin_home")
    response = client.get(home)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core_two_factor_verify"))
    response = client.get(response["Location"])
    assert response["Location"].startswith(reverse("core_two_factor_enrol"))

    page = client.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert "<svg" in content
    assert "Thiết lập xác thực hai bước" in content
    device = TOTPDevice.objects.get(user=staff["truongban"], confirmed=False)
    assert page.context["secret"].replace(" ", "") in content.replace(" ", "")

    wrong = client.post(reverse("core_two_factor_enrol"), {"code": "000000", "next": home})
    assert wrong.status_code == 200
    assert not TOTPDevice.objects.filter(user=staff["truongban"], confirmed=True).exists()
    clock(60)  # django-otp waits a little after a wrong code

    response = client.post(reverse("core_two_factor_enrol"), {"code": _code(device),
                                                              "next": home})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = codes_page.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    download = unquote(codes_page.context["download_href"])
    assert download.startswith("data:text/plain") and all(code in download for code in codes)
    assert 'download="recovery-codes.txt"' in codes_page.content.decode()

    assert client.get(home).status_code == 200
    again = client.get(reverse("core_two_factor_codes"))
    assert again.context["codes"] is None
    assert not any(code in again.content.decode() for code in codes)


ADMIN_URLS = ["wagtailadmin_home", "wagtailadmin_explore_root", "wagtailusers_users:index",
              "core_unit:index", "wagtailadmin_account", "core_two_factor",
              "core_account_report", "core_two_factor_enrol", "core_password_change"]


def test_an_enrolled_user_cannot_skip_the_code_by_going_elsewhere(client, staff, clock):
    """R-SEC-2: every admin page sends to the code page, POSTs and scripts are refused;
    a wrong code keeps the door shut; the right one opens it."""
    device, _codes = _enrolled(staff["quantri"])
    _password_login(client, "quantri")
    verify = reverse("core_two_factor_verify")
    for name in ADMIN_URLS:
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response["Location"].startswith(verify), name
    assert client.post(reverse("core_account_report"),
                       {"kind": "lost", "confirm": "on"}).status_code == 403
    assert staff["quantri"].account_reports.count() == 0
    fetch = client.get(reverse("wagtailadmin_home"), headers={"Sec-Fetch-Mode": "cors"})
    assert fetch.status_code == 403

    page = client.get(verify)
    assert page.status_code == 200
    assert "Xác thực hai bước" in page.content.decode()
    wrong = client.post(verify, {"code": "123456"})
    assert wrong.status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302

    clock(60)  # django-otp waits a little after a wrong code
    response = client.post(verify, {"code": _code(device),
                                    "next": reverse("wagtailusers_users:index")})
    assert response["Location"] == reverse("wagtailusers_users:index")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_recovery_code_opens_once(client, staff, clock):
    """R-SEC-1: without the phone, a recovery code signs in once, and says how many are
    left."""
    _device, codes = _enrolled(staff["quantri"])
    _password_login(client, "quantri")
    response = client.post(reverse("core_two_factor_verify"), {"code": codes[0].upper()},
                           follow=True)
    assert response.status_code == 200
    assert "còn 9 mã" in response.content.decode()
    assert StaticToken.objects.filter(device__user=staff["quantri"]).count() == 9

    client.post(reverse("wagtailadmin_logout"))
    other = Client()
    _password_login(other, "quantri")
    assert other.post(reverse("core_two_factor_verify"), {"code": codes[0]}).status_code == 200
    assert other.get(reverse("wagtailadmin_home")).status_code == 302


def test_wrong_codes_lock_the_sign_in_out_like_wrong_passwords(client, staff, clock, settings):
    """R-SEC-2: wrong second factors count as failed sign-ins (django-axes)."""
    device, _codes = _enrolled(staff["quantri"])
    _password_login(client, "quantri")
    verify = reverse("core_two_factor_verify")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        clock(120)
        response = client.post(verify, {"code": "999999"})
    assert response.status_code == 429
    clock(120)
    response = client.post(verify, {"code": _code(device)})
    assert response.status_code == 429
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_first_login_password_change_comes_before_the_second_factor(client, staff, clock):
    """R-EO-1 then R-SEC-2: a one-time password is replaced first, then the set-up."""
    AccountSecurity.require_change(staff["truongban"])
    _password_login(client, "truongban")
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"] == reverse("core_password_change")
    assert client.get(reverse("core_password_change")).status_code == 200
    response = client.post(reverse("core_password_change"), {
        "old_password": PASSWORD, "new_password1": "Mat-khau-rieng-2026",
        "new_password2": "Mat-khau-rieng-2026"})
    assert response.status_code == 302
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("core_two_factor_verify"))


def test_who_must_use_it_and_the_site_setting(client, staff, django_user_model, settings):
    """R-SEC-2: superusers, leaders and IT administrators must; a clerk need not; with the
    setting off only users who set it up are asked."""
    root = django_user_model.objects.create_superuser("root", "r@example.test", PASSWORD)
    assert two_factor.is_required(root)
    assert two_factor.is_required(staff["truongban"])
    assert two_factor.is_required(staff["quantri"])
    assert not two_factor.is_required(staff["vanthu"])

    _password_login(client, "vanthu")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    settings.PORTAL_TWO_FACTOR_REQUIRED = False
    forced = Client()
    forced.force_login(root)
    assert forced.get(reverse("wagtailadmin_home")).status_code == 200
    # Once the site requires it, it holds for a session however it began.
    settings.PORTAL_TWO_FACTOR_REQUIRED = True
    assert forced.get(reverse("wagtailadmin_home")).status_code == 302

    settings.PORTAL_TWO_FACTOR_REQUIRED = False
    _enrolled(staff["vanthu"])
    volunteer = Client()
    _password_login(volunteer, "vanthu")
    assert volunteer.get(reverse("wagtailadmin_home")).status_code == 302


def test_plugins_add_their_own_requirement(staff, monkeypatch):
    """R-SEC-2: a plugin registers a role or a rule (an editorial board's chief, say)."""
    monkeypatch.setattr(requirements, "_checks", [])
    monkeypatch.setattr(requirements, "_roles", set(requirements._roles))
    assert not two_factor.is_required(staff["vanthu"])
    two_factor.register_requirement(lambda user: user.username == "vanthu")
    assert two_factor.is_required(staff["vanthu"])
    assert not two_factor.is_required(staff["vanthuskh"])
    two_factor.require_for_role(Role.CLERK)
    assert two_factor.is_required(staff["vanthuskh"])


def test_new_recovery_codes_and_setting_up_again_with_a_code(client, staff, clock):
    """R-SEC-1: the user makes new recovery codes (old ones stop), and moves to a new
    phone only after giving a code; the enrolment page is shut to an unverified session."""
    user = staff["quantri"]
    old_device, old_codes = _enrolled(user)
    _password_login(client, "quantri")
    assert client.get(reverse("core_two_factor_enrol"))["Location"].startswith(
        reverse("core_two_factor_verify"))
    client.post(reverse("core_two_factor_verify"), {"code": _code(old_device)})
    manage = reverse("core_two_factor")
    assert client.get(manage).status_code == 200
    # Verified, but without a fresh code the enrolment page is still shut.
    assert client.get(reverse("core_two_factor_enrol"))["Location"] == manage

    response = client.post(manage, {"action": "codes"})
    new_codes = client.get(response["Location"]).context["codes"]
    assert set(new_codes).isdisjoint(old_codes)
    assert set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) \
        == set(new_codes)

    refused = client.post(manage, {"action": "reenrol", "code": "000000"})
    assert refused.status_code == 200
    assert client.get(reverse("core_two_factor_enrol"))["Location"] == manage

    clock()
    response = client.post(manage, {"action": "reenrol", "code": _code(old_device)})
    assert response["Location"] == reverse("core_two_factor_enrol")
    client.get(response["Location"])
    new_device = TOTPDevice.objects.get(user=user, confirmed=False)
    clock()
    client.post(reverse("core_two_factor_enrol"), {"code": _code(new_device)})
    assert list(TOTPDevice.objects.filter(user=user)) == [new_device]
    assert TOTPDevice.objects.get(pk=new_device.pk).confirmed


def test_it_admin_resets_the_second_factor_of_its_own_agency_only(client, staff, settings):
    """R-SEC-2: a lost phone: the IT administrator resets a colleague's second factor;
    another agency's user, or its own, is refused and keeps theirs."""
    settings.PORTAL_TWO_FACTOR_REQUIRED = False
    for username in ("vanthu", "vanthuskh", "quantri"):
        _enrolled(staff[username])
    client.force_login(staff["quantri"])
    client.post(reverse("core_two_factor_verify"),
                {"code": StaticToken.objects.filter(device__user=staff["quantri"]).first().token})

    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert reverse("core_two_factor_reset", args=[staff["vanthu"].pk]) in listing

    foreign = reverse("core_two_factor_reset", args=[staff["vanthuskh"].pk])
    assert client.get(foreign).status_code == 404
    assert client.post(foreign).status_code == 404
    own = reverse("core_two_factor_reset", args=[staff["quantri"].pk])
    # Wagtail answers a refusal with its home page and a "no permission" message.
    assert client.post(own)["Location"] == reverse("wagtailadmin_home")
    assert devices.has_any_device(staff["vanthuskh"]) and devices.has_any_device(staff["quantri"])

    response = client.post(reverse("core_two_factor_reset", args=[staff["vanthu"].pk]))
    assert response.status_code == 302
    assert not devices.has_any_device(staff["vanthu"])

    clerk = Client()  # a clerk may reset nobody's second factor
    clerk.force_login(staff["vanthu"])
    response = clerk.post(reverse("core_two_factor_reset", args=[staff["vanthuskh"].pk]))
    assert response["Location"] == reverse("wagtailadmin_home")
    assert devices.has_any_device(staff["vanthuskh"])


def test_the_qr_code_is_an_svg_of_the_authenticator_address(staff):
    device = devices.pending_device(staff["quantri"])
    svg = devices.qr_code_svg(device)
    assert svg.startswith("<svg") and re.search(r"<path", svg)
    assert device.config_url.startswith("otpauth://totp/")
