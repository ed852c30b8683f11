"""The Wagtail user screens: an IT administrator manages the users of its own agency only
(R-EO-1, R-SEC-2), and a password set by an administrator is changed at first login."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plugins.core.models import AccountSecurity, AgencyRole, Role
from plugins.core.scoping import agency_ids_for_user

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Mat-khau-tam-2026!"


def _group(agency, role):
    return AgencyRole.objects.get(agency=agency, role=role).group


@pytest.fixture
def staff(two_agencies, make_staff, django_user_model):
    bql, skh = two_agencies
    people = {
        "quantri": make_staff("quantri", bql, Role.IT_ADMIN, unit=bql.units.first()),
        "vanthu": make_staff("vanthu", bql, Role.CLERK, unit=bql.units.first()),
        "chuyenvien": make_staff("chuyenvien", bql, unit=bql.units.last()),  # position only
        "vanthuskh": make_staff("vanthuskh", skh, Role.CLERK, unit=skh.units.first()),
        "haicoquan": make_staff("haicoquan", bql, Role.SPECIALIST),
        "root": django_user_model.objects.create_superuser("root", "root@example.test", "x"),
    }
    people["haicoquan"].groups.add(_group(skh, Role.SPECIALIST))  # works for both
    return people


@pytest.fixture
def it_admin_client(client, staff):
    client.force_login(staff["quantri"])
    return client


def _usernames(response):
    return {row.get_username() for row in response.context["users"]}


def _create_data(username, groups, **extra):
    return {
        "username": username, "email": f"{username}@example.test", "first_name": "Trần Văn",
        "last_name": "Mới", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
        "groups": [group.pk for group in groups], **extra,
    }


def _edit_data(user, **changes):
    data = {
        "username": user.username, "email": user.email or f"{user.username}@example.test",
        "first_name": user.first_name or "Tên", "last_name": user.last_name or "Họ",
        "is_active": "on" if user.is_active else "",
        "groups": [group.pk for group in user.groups.all()],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_it_admin_lists_only_the_users_of_its_own_agency(it_admin_client, staff):
    """R-SEC-2: another agency's users, people who also work elsewhere and superusers are
    not listed; a position makes a person the agency's as a role does."""
    response = it_admin_client.get(reverse("wagtailusers_users:index"))
    assert response.status_code == 200
    assert _usernames(response) == {"quantri", "vanthu", "chuyenvien"}
    content = response.content.decode()
    assert "vanthuskh" not in content and "root" not in content
    # The group filter offers only the agency's own role groups.
    offered = set(response.context["filters"].filters["group"].queryset)
    assert offered == set(Group.objects.filter(agency_role__agency__symbol="BQL"))


def test_user_list_queries_do_not_grow_with_the_users(
    it_admin_client, two_agencies, make_staff, django_assert_max_num_queries
):
    """R-SEC-2: the scoped list costs the same number of queries for 3 or 13 users."""
    bql, _ = two_agencies
    url = reverse("wagtailusers_users:index")
    it_admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        it_admin_client.get(url)
    for number in range(10):
        make_staff(f"chuyenvien{number}", bql, Role.SPECIALIST)
    with django_assert_max_num_queries(len(few)):
        response = it_admin_client.get(url)
    assert len(_usernames(response)) == 13


def test_superuser_lists_everyone(client, staff):
    client.force_login(staff["root"])
    response = client.get(reverse("wagtailusers_users:index"))
    assert {"vanthuskh", "haicoquan", "root", "vanthu"} <= _usernames(response)


@pytest.mark.parametrize("target", ["vanthuskh", "haicoquan", "root"])
def test_it_admin_cannot_open_or_change_a_user_outside_its_agency(
    it_admin_client, staff, two_agencies, target
):
    """R-SEC-2: another agency's user, a user shared with another agency, or a superuser:
    every screen answers 404 and a POST changes nothing."""
    person = staff[target]
    before = (person.first_name, person.is_active, person.is_superuser, person.password,
              set(person.groups.values_list("pk", flat=True)))
    for name in ("edit", "history", "usage"):
        url = reverse(f"wagtailusers_users:{name}", args=[person.pk])
        assert it_admin_client.get(url).status_code == 404, name
    # Nobody copies a personal account (and its data) into a new one.
    assert it_admin_client.get(f"/admin/users/copy/{person.pk}/").status_code == 404
    own_group = _group(two_agencies[0], Role.IT_ADMIN)
    response = it_admin_client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        _edit_data(person, first_name="Bị sửa", is_active="", password1=NEW_PASSWORD,
                   password2=NEW_PASSWORD, groups=[own_group.pk]),
    )
    assert response.status_code == 404
    assert it_admin_client.post(
        reverse("wagtailusers_users:delete", args=[person.pk])
    ).status_code in (403, 404)
    person = User.objects.get(pk=person.pk)
    assert (person.first_name, person.is_active, person.is_superuser, person.password,
            set(person.groups.values_list("pk", flat=True))) == before


def test_it_admin_creates_a_user_of_its_agency_who_changes_the_password_at_first_login(
    it_admin_client, staff, two_agencies
):
    """R-EO-1: the new user joins the agency through its role group and must replace the
    password the administrator typed."""
    bql, _ = two_agencies
    form_page = it_admin_client.get(reverse("wagtailusers_users:add"))
    assert form_page.status_code == 200
    assert "is_superuser" not in form_page.context["form"].fields
    assert set(form_page.context["form"].fields["groups"].queryset) == set(
        Group.objects.filter(agency_role__agency=bql))

    response = it_admin_client.post(
        reverse("wagtailusers_users:add"), _create_data("nguoimoi", [_group(bql, Role.CLERK)])
    )
    assert response.status_code == 302
    user = User.objects.get(username="nguoimoi")
    assert agency_ids_for_user(user) == {bql.pk}
    assert not user.is_superuser
    assert AccountSecurity.must_change(user)

    newcomer = Client()
    assert newcomer.login(username="nguoimoi", password=NEW_PASSWORD)
    response = newcomer.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("core_password_change")


def test_it_admin_cannot_create_a_superuser_nor_give_another_agencys_role(
    it_admin_client, staff, two_agencies
):
    """R-SEC-2: a POST that asks for another agency's group is refused and creates
    nobody; the "Administrator" box is ignored; a new user needs a role of the agency."""
    bql, skh = two_agencies
    url = reverse("wagtailusers_users:add")
    response = it_admin_client.post(url, _create_data("ke_la", [_group(skh, Role.CLERK)]))
    assert response.status_code == 200
    assert "groups" in response.context["form"].errors
    response = it_admin_client.post(url, _create_data("khong_vai_tro", []))
    assert response.status_code == 200
    refusal = "Hãy giao cho người dùng mới ít nhất một vai trò của cơ quan."
    assert refusal in response.content.decode()
    assert not User.objects.filter(username__in=["ke_la", "khong_vai_tro"]).exists()

    response = it_admin_client.post(
        url, _create_data("tu_phong", [_group(bql, Role.CLERK)], is_superuser="on")
    )
    assert response.status_code == 302
    assert not User.objects.get(username="tu_phong").is_superuser


def test_it_admin_edits_roles_deactivates_and_keeps_groups_it_cannot_give(
    it_admin_client, staff, two_agencies
):
    """R-EO-1: the IT administrator changes roles and deactivates; Wagtail's own groups
    that it cannot assign stay, and it still cannot make a superuser."""
    bql, skh = two_agencies
    vanthu = staff["vanthu"]
    editors = Group.objects.get(name="Editors")
    vanthu.groups.add(editors)
    specialist = _group(bql, Role.SPECIALIST)
    response = it_admin_client.post(
        reverse("wagtailusers_users:edit", args=[vanthu.pk]),
        _edit_data(vanthu, is_active="", groups=[specialist.pk], is_superuser="on"),
    )
    assert response.status_code == 302
    vanthu.refresh_from_db()
    assert not vanthu.is_active
    assert not vanthu.is_superuser
    assert set(vanthu.groups.all()) == {specialist, editors}

    # Another agency's group in the POST is refused; nothing changes.
    response = it_admin_client.post(
        reverse("wagtailusers_users:edit", args=[vanthu.pk]),
        _edit_data(vanthu, is_active="on", groups=[_group(skh, Role.IT_ADMIN).pk]),
    )
    assert response.status_code == 200
    vanthu.refresh_from_db()
    assert not vanthu.is_active
    assert set(vanthu.groups.all()) == {specialist, editors}


def test_password_set_by_an_administrator_must_be_changed_but_ones_own_need_not(
    client, staff
):
    """R-EO-1: a superuser or IT administrator typing a password for someone else gives a
    one-time password; changing one's own in the same editor does not."""
    client.force_login(staff["root"])
    vanthu = staff["vanthu"]
    response = client.post(
        reverse("wagtailusers_users:edit", args=[vanthu.pk]),
        _edit_data(vanthu, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert response.status_code == 302
    assert AccountSecurity.must_change(vanthu)

    quantri = staff["quantri"]
    client.force_login(quantri)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[quantri.pk]),
        _edit_data(quantri, password1="Mat-khau-cua-toi-2026", password2="Mat-khau-cua-toi-2026"),
    )
    assert response.status_code == 302
    assert not AccountSecurity.must_change(quantri)


def test_bulk_actions_skip_users_outside_the_agency(it_admin_client, staff, two_agencies):
    """R-SEC-2: a bulk "set inactive" over both agencies' users touches only the IT
    administrator's own; assigning another agency's role is refused."""
    _, skh = two_agencies
    vanthu, foreign, root = staff["vanthu"], staff["vanthuskh"], staff["root"]
    ids = "&".join(f"id={user.pk}" for user in (vanthu, foreign, root))
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    response = it_admin_client.post(f"{url}?{ids}", {"mark_as_active": "False"})
    assert response.status_code == 302
    assert not User.objects.get(pk=vanthu.pk).is_active
    assert User.objects.get(pk=foreign.pk).is_active
    assert User.objects.get(pk=root.pk).is_active

    url = reverse("wagtail_bulk_action", args=["auth", "user", "assign_role"])
    response = it_admin_client.post(f"{url}?{ids}", {"role": _group(skh, Role.IT_ADMIN).pk})
    assert response.status_code == 200  # the form again, with the choice refused
    assert not _group(skh, Role.IT_ADMIN).user_set.exists()
