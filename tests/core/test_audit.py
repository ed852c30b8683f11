"""The system log (R-EO-19; seed 004 Đ3.4): sign-ins, sign-outs, failed sign-ins,
permission and configuration changes are recorded with the client's address, kept per
agency, listed and exported for the agency's IT administrators only (R-SEC-2), append-only,
and removed after the retention period."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from plugins.core.audit import retention
from plugins.core.models import AgencyRole, AuditEvent, Role

pytestmark = pytest.mark.django_db

Kind = AuditEvent.Kind
PASSWORD = "correct-horse-battery"
INDEX = "core_audit:index"


def _group(agency, role):
    return AgencyRole.objects.get(agency=agency, role=role).group


@pytest.fixture
def people(two_agencies, make_staff, django_user_model):
    bql, skh = two_agencies
    return {
        "quantri": make_staff("quantri", bql, Role.IT_ADMIN, unit=bql.units.first()),
        "vanthu": make_staff("vanthu", bql, Role.CLERK),
        "chuyenvien": make_staff("chuyenvien", bql, Role.SPECIALIST),
        "quantriskh": make_staff("quantriskh", skh, Role.IT_ADMIN),
        "vanthuskh": make_staff("vanthuskh", skh, Role.CLERK),
        "root": django_user_model.objects.create_superuser("root", "root@example.test", "x"),
    }


def _events(**filters):
    return AuditEvent.objects.filter(**filters)


def _login(client, username, password, address):
    return client.post("/admin/login/", {"username": username, "password": password},
                       REMOTE_ADDR=address)


def test_sign_in_sign_out_and_failed_sign_in_are_recorded_with_the_address(
    client, people, two_agencies
):
    """R-EO-19 (004 Đ3.4): each sign-in, sign-out and failed sign-in is an entry of the
    person's agency, with the client's address; a name nobody has goes to the superusers'
    log only."""
    bql, _skh = two_agencies
    _login(client, "vanthu", "sai-mat-khau", "198.51.100.7")
    response = _login(client, "vanthu", PASSWORD, "198.51.100.8")
    assert "_auth_user_id" in client.session, response
    client.post("/admin/logout/", REMOTE_ADDR="198.51.100.9")
    _login(client, "khongcoai", "mat-khau", "203.0.113.5")

    rows = list(_events(username="vanthu").order_by("pk").values_list(
        "kind", "agency", "address", "actor__username"))
    assert rows == [
        (Kind.LOGIN_FAILED, bql.pk, "198.51.100.7", "vanthu"),
        (Kind.LOGIN, bql.pk, "198.51.100.8", "vanthu"),
        (Kind.LOGOUT, bql.pk, "198.51.100.9", "vanthu"),
    ]
    unknown = _events(username="khongcoai").get()
    assert (unknown.kind, unknown.agency, unknown.actor, unknown.address) == (
        Kind.LOGIN_FAILED, None, None, "203.0.113.5")
    assert unknown.description == "Đăng nhập không thành công với tên đăng nhập không tồn tại"


def test_a_lockout_is_recorded(client, people, settings):
    """R-EO-19, R-SEC-2: repeated wrong passwords lock the sign-in out, and the log says so."""
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "vanthu", "sai-mat-khau", "198.51.100.7")
    assert _events(username="vanthu", kind=Kind.ACCOUNT_LOCKED).count() == 1
    assert _events(username="vanthu", kind=Kind.LOGIN_FAILED).count() == \
        settings.AXES_FAILURE_LIMIT


def test_giving_a_role_in_the_user_editor_is_recorded_with_who_and_from_where(
    client, people, two_agencies
):
    """R-EO-19: the IT administrator who gives a person a role, and from which address,
    is in the agency's log."""
    bql, _skh = two_agencies
    vanthu = people["vanthu"]
    client.force_login(people["quantri"])
    leader_group = _group(bql, Role.UNIT_LEADER)
    data = {
        "username": "vanthu", "email": "vanthu@example.test", "first_name": "Nguyễn Văn",
        "last_name": "Vanthu", "is_active": "on",
        "groups": [_group(bql, Role.CLERK).pk, leader_group.pk],
    }
    response = client.post(reverse("wagtailusers_users:edit", args=[vanthu.pk]), data,
                           REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302
    event = _events(kind=Kind.PERMISSION_CHANGE, details__user="vanthu").latest("pk")
    assert (event.agency, event.actor, event.username, event.address) == (
        bql, people["quantri"], "quantri", "198.51.100.20")
    assert leader_group.name in event.description
    assert event.details["change"] == "added"


def test_group_permission_and_account_flag_changes_are_recorded(people, two_agencies):
    """R-EO-19: a group's permissions and a person's active flag, changed anywhere (here
    from a shell: no account), are in the group's and the person's agency's log."""
    bql, skh = two_agencies
    group = _group(skh, Role.CLERK)
    permission = Permission.objects.get(codename="delete_unit")
    group.permissions.add(permission)
    group.permissions.remove(permission)
    given, taken = _events(kind=Kind.PERMISSION_CHANGE, details__group=group.name) \
        .order_by("pk")
    assert (given.agency, given.actor, given.details["permissions"]) == (
        skh, None, ["core.delete_unit"])
    assert taken.details["change"] == "removed"

    vanthu = people["vanthu"]
    vanthu.is_active = False
    vanthu.save()
    deactivated = _events(kind=Kind.PERMISSION_CHANGE, details__user="vanthu").latest("pk")
    assert deactivated.agency == bql
    assert deactivated.details["changes"] == {"is_active": [True, False]}


def test_configuration_changes_are_recorded_and_role_syncs_are_one_entry(make_agency,
                                                                          two_agencies):
    """R-EO-19: an agency's settings changed are one entry naming the fields with their old
    and new values; a new agency's role groups are set up in one entry, not hundreds."""
    bql, _skh = two_agencies
    bql.phone = "0273 3871 567"
    bql.save()
    changed = _events(kind=Kind.CONFIGURATION_CHANGE, agency=bql).latest("pk")
    assert changed.details["changes"] == {"phone": ["", "0273 3871 567"]}

    before = AuditEvent.objects.count()
    agency = make_agency("STTTT", "Sở Thông tin và Truyền thông")
    new = AuditEvent.objects.filter(pk__gt=0).order_by("pk")[before:]
    assert [(event.kind, event.agency_id) for event in new] == [
        (Kind.CONFIGURATION_CHANGE, None),        # its Wagtail site (no agency yet)
        (Kind.PERMISSION_CHANGE, agency.pk),      # its role groups, all in one
        (Kind.CONFIGURATION_CHANGE, agency.pk),   # the agency
    ]


def test_entries_are_append_only(people):
    """R-EO-19: an entry is never changed nor deleted one by one; there is only a "view"
    permission to give."""
    event = AuditEvent.objects.first()
    event.description = "sửa"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    codenames = set(Permission.objects.filter(content_type__model="auditevent")
                    .values_list("codename", flat=True))
    assert codenames == {"view_auditevent"}


@pytest.fixture
def logged_events(people, two_agencies):
    """Sign-ins in both agencies and a failed sign-in for a name nobody has."""
    from plugins.core.audit.recorder import record

    bql, skh = two_agencies
    AuditEvent.objects.all().delete()
    record(Kind.LOGIN, "Đăng nhập", agencies=[bql], actor=people["vanthu"],
           address="198.51.100.1")
    record(Kind.LOGIN, "Đăng nhập", agencies=[skh], actor=people["vanthuskh"],
           address="198.51.100.2")
    record(Kind.LOGIN_FAILED, "Đăng nhập không thành công", actor=None, username="ke-la",
           address="203.0.113.9")


def _listed(response):
    return {(event.username, event.agency_id) for event in response.context["object_list"]}


def test_it_admin_sees_its_own_agency_log_only(client, people, two_agencies, logged_events):
    """R-SEC-2: the IT administrator of BQL lists BQL's entries and not SKH's, nor the
    superusers' ones; the superuser lists all."""
    bql, skh = two_agencies
    client.force_login(people["quantri"])
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    assert {row for row in _listed(response) if row[0] != "quantri"} == {("vanthu", bql.pk)}
    content = response.content.decode()
    assert "vanthuskh" not in content and "ke-la" not in content
    other = AuditEvent.objects.get(username="vanthuskh")
    assert client.get(reverse("core_audit:inspect", args=[other.pk])).status_code == 404
    own = AuditEvent.objects.get(username="vanthu")
    response = client.get(reverse("core_audit:inspect", args=[own.pk]))
    assert response.status_code == 200
    assert "198.51.100.1" in response.content.decode()

    client.force_login(people["root"])
    listed = _listed(client.get(reverse(INDEX)))
    assert {("vanthu", bql.pk), ("vanthuskh", skh.pk), ("ke-la", None)} <= listed


def test_the_log_is_in_the_settings_menu_of_it_administrators_only(rf, people):
    """R-SEC-2: the settings menu shows "Nhật ký hệ thống" to an IT administrator, not to
    a specialist."""
    from django.utils import translation
    from wagtail.admin.menu import settings_menu

    def labels(user):
        request = rf.get("/admin/")
        request.user = user
        with translation.override("vi"):
            return {str(item.label) for item in settings_menu.menu_items_for_request(request)}

    assert "Nhật ký hệ thống" in labels(people["quantri"])
    assert "Nhật ký hệ thống" not in labels(people["chuyenvien"])


def test_a_specialist_is_refused_and_nobody_changes_or_deletes_an_entry(
    client, people, logged_events
):
    """R-SEC-2: a specialist is refused the list (403 to a script, Wagtail's "no
    permission" message on the dashboard to a browser); a POST to it changes nothing; not
    even a superuser has an edit or delete screen."""
    before = list(AuditEvent.objects.values_list("pk", "description"))
    client.force_login(people["chuyenvien"])
    script = {"X-Requested-With": "XMLHttpRequest"}
    assert client.get(reverse(INDEX), headers=script).status_code == 403
    response = client.get(reverse(INDEX), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert "Rất tiếc, bạn không có quyền truy cập" in response.content.decode()
    assert client.post(reverse(INDEX), {"description": "xóa"}).status_code in (302, 403)

    client.force_login(people["root"])
    event = AuditEvent.objects.get(username="vanthu")
    for action in ("edit", "delete"):
        url = f"{reverse(INDEX)}{action}/{event.pk}/"
        assert client.post(url, {"description": "xóa"}).status_code == 404
    after = AuditEvent.objects.values_list("pk", "description")
    assert set(before) <= set(after) and AuditEvent.objects.filter(pk=event.pk).exists()


def test_export_gives_the_rows_listed(client, people, two_agencies, logged_events):
    """R-EO-19: the IT administrator downloads its agency's log as CSV and XLSX."""
    client.force_login(people["quantri"])
    response = client.get(reverse(INDEX), {"export": "csv", "kind": Kind.LOGIN,
                                           "username": "vanthu"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Thời điểm", "Cơ quan", "Sự kiện", "Tên đăng nhập"]
    assert [row[1:5] for row in rows[1:]] == [
        ["Ban Quản lý các Khu công nghiệp Tiền Giang", "Đăng nhập", "vanthu", "198.51.100.1"]
    ]

    response = client.get(reverse(INDEX), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    usernames = {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "vanthu" in usernames and "vanthuskh" not in usernames


def test_filters_by_event_user_and_date_and_a_search(client, people, logged_events):
    """R-EO-19: the list filters by event, by account and by date, and searches."""
    client.force_login(people["root"])

    def usernames(**query):
        return {username for username, _agency in _listed(client.get(reverse(INDEX), query))}

    assert usernames(kind=Kind.LOGIN_FAILED) == {"ke-la"}
    assert usernames(username="vanthusk") == {"vanthuskh"}
    assert usernames(q="203.0.113") == {"ke-la"}
    AuditEvent.objects.filter(username="ke-la").update(
        occurred_at=timezone.now() - datetime.timedelta(days=10))
    today = timezone.localdate().isoformat()
    assert "ke-la" not in usernames(occurred_at_from=today, occurred_at_to=today)
    assert "vanthu" in usernames(occurred_at_from=today, occurred_at_to=today)


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_takes_a_constant_number_of_queries(
    client, people, two_agencies, django_assert_max_num_queries, count
):
    """The list stays at the same number of SQL queries with 3 or 30 entries."""
    from plugins.core.audit.recorder import record

    bql, _skh = two_agencies
    for number in range(count):
        record(Kind.LOGIN, "Đăng nhập", agencies=[bql], actor=people["vanthu"],
               address=f"198.51.100.{number + 1}")
    client.force_login(people["quantri"])
    # Session, user, permissions and the admin menu (25 today: the e-office asks for the
    # user's roles, delegations and led units once), then one count and one page.
    with django_assert_max_num_queries(27):
        response = client.get(reverse(INDEX))
    assert response.status_code == 200


def test_purge_removes_only_entries_past_the_retention_period(people, settings):
    """R-EO-19: entries older than PORTAL_AUDIT_RETENTION_DAYS go, newer ones stay; the
    purge runs daily."""
    from django_q.models import Schedule

    from plugins.core.audit.recorder import record

    settings.PORTAL_AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    AuditEvent.objects.all().delete()
    old, recent = record(Kind.LOGIN, "cũ", actor=None)[0], record(Kind.LOGIN, "mới",
                                                                    actor=None)[0]
    AuditEvent.objects.filter(pk=old.pk).update(occurred_at=now - datetime.timedelta(days=31))
    AuditEvent.objects.filter(pk=recent.pk).update(
        occurred_at=now - datetime.timedelta(days=29))
    assert retention.purge(now=now) == 1
    assert list(AuditEvent.objects.values_list("description", flat=True)) == ["mới"]
    assert Schedule.objects.filter(func=retention.PURGE_FUNC,
                                   schedule_type=Schedule.DAILY).exists()


def test_a_superusers_own_sign_in_is_for_superusers_only(client, people):
    """R-SEC-2: a superuser's sign-in belongs to no agency: agencies' IT administrators do
    not see it."""
    _login(client, "root", "x", "198.51.100.50")
    event = AuditEvent.objects.get(username="root", kind=Kind.LOGIN)
    assert event.agency is None
    assert not AuditEvent.objects.visible_to(people["quantri"]).filter(pk=event.pk).exists()


def test_page_permissions_of_a_group_are_recorded(people, two_agencies):
    """R-EO-19: a group given, then refused, a page permission on the agency's site."""
    from wagtail.models import GroupPagePermission

    bql, _skh = two_agencies
    group = _group(bql, Role.SPECIALIST)
    given = GroupPagePermission.objects.create(
        group=group, page=bql.site.root_page,
        permission=Permission.objects.get(codename="publish_page"))
    given.delete()
    events = _events(kind=Kind.PERMISSION_CHANGE, details__group=group.name,
                     details__permission="wagtailcore.publish_page").order_by("pk")
    assert [(event.details["change"], event.agency_id) for event in events] == [
        ("added", bql.pk), ("removed", bql.pk)]


def test_group_membership_from_the_group_side_is_recorded(people, two_agencies):
    """R-EO-19: adding people to a group from the group's side is recorded per person."""
    bql, _skh = two_agencies
    group = Group.objects.create(name="Biên tập viên")
    group.user_set.add(people["vanthu"], people["vanthuskh"])
    events = _events(kind=Kind.PERMISSION_CHANGE, details__groups=["Biên tập viên"])
    assert {(event.details["user"], event.agency_id) for event in events} == {
        ("vanthu", bql.pk), ("vanthuskh", two_agencies[1].pk)}


def test_an_account_reported_lost_is_logged_as_locked(people, two_agencies):
    """R-EO-19, R-SEC-1: a person who reports their account lost locks it; the agency's log
    says so, from the address the report came from, and that the account was deactivated."""
    from plugins.core.accounts.lost import report_account
    from plugins.core.models import AccountReport

    bql, _skh = two_agencies
    report_account(people["vanthu"], AccountReport.Kind.LOST, address="198.51.100.77")
    locked = _events(kind=Kind.ACCOUNT_LOCKED, username="vanthu").get()
    assert (locked.agency, locked.address) == (bql, "198.51.100.77")
    assert "Khóa tài khoản: chủ tài khoản báo mất" in locked.description
    deactivated = _events(kind=Kind.PERMISSION_CHANGE, details__user="vanthu").latest("pk")
    assert deactivated.details["changes"] == {"is_active": [True, False]}
    assert deactivated.agency == bql


def test_the_log_screens_are_in_vietnamese(client, people, logged_events):
    """R-EO-19: the list and an entry read in Vietnamese for the IT administrator."""
    from tests.core.test_admin_translation import _visible_english

    client.force_login(people["quantri"])
    event = AuditEvent.objects.get(username="vanthu")
    for url in (reverse(INDEX), reverse("core_audit:inspect", args=[event.pk])):
        response = client.get(url)
        assert response.status_code == 200
        content = response.content.decode()
        assert _visible_english(content) == set(), url
        assert "Nhật ký hệ thống" in content


def test_a_wrong_two_factor_code_is_a_failed_sign_in(client, people, settings):
    """R-EO-19, R-SEC-2: after the right password, a wrong code of the authenticator app is
    logged as a failed sign-in of that account, from its address."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.PORTAL_TWO_FACTOR_REQUIRED = True
    TOTPDevice.objects.create(user=people["quantri"], name="authenticator", confirmed=True)
    _login(client, "quantri", PASSWORD, "198.51.100.30")
    client.post(reverse("core_two_factor_verify"), {"code": "000000"},
                REMOTE_ADDR="198.51.100.30")
    failed = _events(kind=Kind.LOGIN_FAILED, username="quantri").get()
    assert failed.description == "Đăng nhập không thành công: sai mã xác thực hai bước"
    assert (failed.address, failed.details) == ("198.51.100.30", {"second_factor": True})


def test_clearing_a_groups_permissions_is_recorded(people, two_agencies):
    """R-EO-19: a group whose permissions are all taken away at once says which."""
    _bql, skh = two_agencies
    group = _group(skh, Role.CLERK)
    held = sorted(f"{app}.{code}" for app, code in group.permissions.values_list(
        "content_type__app_label", "codename"))
    group.permissions.clear()
    taken = _events(kind=Kind.PERMISSION_CHANGE, details__group=group.name).latest("pk")
    assert (taken.agency, taken.details["change"], taken.details["permissions"]) == (
        skh, "removed", held)
