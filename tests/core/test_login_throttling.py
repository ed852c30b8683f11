"""Wrong passwords lock an account and an address out for a while; the password-reset form
sends a few mails an hour at most, saying nothing about which accounts exist (R-SEC-2).

Through the real views: Wagtail's /admin/login/ and its password-reset form."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.urls import reverse

from plugins.core.models import Role

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOGIN = "/admin/login/"


@pytest.fixture
def bql(two_agencies):
    agency = two_agencies[0]
    agency.phone, agency.email = "0273 3871 567", "bqlkcn@tiengiang.gov.vn"
    agency.save()
    return agency


@pytest.fixture
def vanthu(bql, make_staff):
    user = make_staff("vanthu", bql, Role.CLERK)
    user.email = "vanthu@tiengiang.gov.vn"
    user.save()
    return user


def _login(client, username, password, address="198.51.100.7", host=None, **headers):
    extra = {"REMOTE_ADDR": address, **headers}
    if host:
        extra["HTTP_HOST"] = host
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def _signed_in(response):
    return "_auth_user_id" in response.wsgi_request.session


def test_wrong_passwords_lock_the_account_out_and_the_right_one_is_not_tried(
    client, vanthu, bql, settings
):
    """R-SEC-2: five wrong passwords; then even the right password is refused, with a
    Vietnamese page in the admin's look saying until when and whom to ask."""
    host = bql.site.hostname
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, "vanthu", "sai-mat-khau", host=host)
        assert response.status_code == 200 and not _signed_in(response)
    response = _login(client, "vanthu", "sai-mat-khau", host=host)
    assert response.status_code == 429

    response = _login(client, "vanthu", PASSWORD, host=host)
    assert response.status_code == 429
    assert not _signed_in(response)
    content = response.content.decode()
    assert "Tạm khóa đăng nhập" in content
    assert "Thử lại sau" in content
    assert "Ban Quản lý các Khu công nghiệp Tiền Giang" in content
    assert "0273 3871 567" in content
    used = {template.name for template in response.templates}
    assert {"core/admin/login_locked.html", "wagtailadmin/admin_base.html"} <= used


def test_the_account_stays_locked_from_another_address_and_the_address_for_another_account(
    client, vanthu, make_staff, bql, settings
):
    """R-SEC-2: the lockout holds per account (another address) and per address (another
    account of the same address)."""
    make_staff("chuyenvien", bql, Role.SPECIALIST)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "vanthu", "sai-mat-khau", address="198.51.100.7")
    elsewhere = _login(Client(), "vanthu", PASSWORD, address="203.0.113.9")
    assert elsewhere.status_code == 429 and not _signed_in(elsewhere)
    colleague = _login(Client(), "chuyenvien", PASSWORD, address="198.51.100.7")
    assert colleague.status_code == 429 and not _signed_in(colleague)
    # Another person from another network is not held up.
    assert _signed_in(_login(Client(), "chuyenvien", PASSWORD, address="203.0.113.9"))


def test_thirty_quick_guesses_stop_at_the_limit(client, vanthu, settings):
    """R-SEC-2: 30 guesses in a row are counted, the sixth on is not even tried."""
    statuses = [_login(client, "vanthu", f"doan-{n}").status_code for n in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert set(statuses[limit - 1:]) == {429}


def test_the_lockout_ends_after_the_cool_off(client, vanthu, settings, time_machine):
    """R-SEC-2: after the cool-off the right password works again."""
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "vanthu", "sai-mat-khau")
    assert _login(client, "vanthu", PASSWORD).status_code == 429
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 16, tzinfo=datetime.UTC), tick=False)
    response = _login(client, "vanthu", PASSWORD)
    assert response.status_code == 302 and _signed_in(response)


def test_the_address_counted_is_the_one_the_trusted_proxy_saw(client, vanthu, settings):
    """R-SEC-2: behind the site's own proxy the client's address (not the proxy's, not one
    the client made up) is counted: plugins.core.net.client_address."""
    settings.PORTAL_TRUSTED_PROXIES = 1
    _login(client, "vanthu", "sai-mat-khau", address="10.0.0.1",
           HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.44")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["192.0.2.44"]


def _reset(client, email, address="198.51.100.7"):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email},
                       REMOTE_ADDR=address)


def test_password_reset_sends_a_few_mails_per_account_then_says_the_same_for_everyone(
    client, vanthu, settings, time_machine
):
    """R-SEC-2: past three requests an hour for one address no more mail goes out, and the
    answer for an existing account reads exactly as for an unknown one."""
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    settings.PORTAL_PASSWORD_RESET_LIMITS = {"PER_ADDRESS": 50, "PER_ACCOUNT": 3, "PERIOD": 3600}
    for _request in range(3):
        assert _reset(client, vanthu.email).status_code == 302
    assert len(mail.outbox) == 3
    refused = _reset(client, vanthu.email)
    assert refused.status_code == 429
    assert len(mail.outbox) == 3
    text = refused.content.decode()
    assert "Có quá nhiều yêu cầu đặt lại mật khẩu" in text

    for _request in range(3):
        assert _reset(client, "khong-co-ai@tiengiang.gov.vn").status_code == 302
    unknown = _reset(client, "khong-co-ai@tiengiang.gov.vn")
    assert unknown.status_code == 429
    assert unknown.context["form"].non_field_errors() == refused.context["form"].non_field_errors()
    assert len(mail.outbox) == 3


def test_password_reset_is_limited_per_client_address(client, vanthu, settings, time_machine):
    """R-SEC-2: one address cannot spray reset requests over many accounts; an hour later
    it may ask again."""
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    settings.PORTAL_PASSWORD_RESET_LIMITS = {"PER_ADDRESS": 5, "PER_ACCOUNT": 3, "PERIOD": 3600}
    for number in range(5):
        assert _reset(client, f"nguoi{number}@tiengiang.gov.vn").status_code == 302
    assert _reset(client, vanthu.email).status_code == 429
    assert mail.outbox == []
    assert _reset(client, vanthu.email, address="203.0.113.9").status_code == 302
    assert len(mail.outbox) == 1
    time_machine.move_to(datetime.datetime(2026, 3, 2, 10, 1, tzinfo=datetime.UTC), tick=False)
    assert _reset(client, vanthu.email).status_code == 302
    assert len(mail.outbox) == 2
