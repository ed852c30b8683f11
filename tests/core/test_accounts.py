"""Personal accounts with a one-time password changed at first login (R-EO-1, R-SEC-1)."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from plugins.core.models import AccountSecurity

pytestmark = pytest.mark.django_db


def _create_admin():
    out = StringIO()
    call_command("create_admin", stdout=out)
    return out.getvalue()


def _password_from(output):
    return re.search(r"one-time password: (\S+)", output).group(1)


def test_create_admin_prints_a_one_time_password_that_must_be_changed(client):
    """R-EO-1: the printed password signs in once, then the admin must pick their own."""
    password = _password_from(_create_admin())
    assert client.login(username="admin", password=password)

    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("core_password_change")

    page = client.get(reverse("core_password_change"))
    assert "Đổi mật khẩu" in page.content.decode()

    response = client.post(
        reverse("core_password_change"),
        {"old_password": password, "new_password1": "Mat-khau-rieng-2026",
         "new_password2": "Mat-khau-rieng-2026"},
    )
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert not AccountSecurity.must_change(get_user_model().objects.get(username="admin"))


def test_before_the_change_scripts_get_no_data_and_no_second_page(client):
    """R-EO-1: fetches are refused (not answered with the form), the admin's assets load."""
    client.login(username="admin", password=_password_from(_create_admin()))
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    fetch = client.get(reverse("wagtailadmin_home"), headers={"Sec-Fetch-Mode": "cors"})
    assert fetch.status_code == 403
    assert client.post(reverse("core_agency:index")).status_code == 403


def test_weak_new_password_is_refused_and_the_change_is_still_required(client):
    """R-SEC-1: the new password goes through the password validators."""
    password = _password_from(_create_admin())
    client.login(username="admin", password=password)
    response = client.post(
        reverse("core_password_change"),
        {"old_password": password, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_create_admin_again_before_first_login_gives_a_new_password_and_after_changes_nothing(
    client,
):
    """R-EO-1: a lost one-time password can be re-issued; a chosen password is never reset."""
    first = _password_from(_create_admin())
    second = _password_from(_create_admin())
    assert first != second
    assert not client.login(username="admin", password=first)
    user = get_user_model().objects.get(username="admin")
    user.set_password("Mat-khau-rieng-2026")
    user.save()
    AccountSecurity.objects.filter(user=user).update(must_change_password=False)
    output = _create_admin()
    assert "unchanged" in output
    assert client.login(username="admin", password="Mat-khau-rieng-2026")
