"""Announcements (R-EO-11; seed 004 Đ7.4): made by the agency's leaders, its office and the
units' leaders (for their unit), read by their audience, kept one quarter from publication,
extendable on request; every transition checked and kept in the history."""

import datetime

import pytest
from django.utils import timezone

from plugins.eoffice.notices import access, services
from plugins.eoffice.notices.models import Announcement, ExtensionRequest, State

pytestmark = pytest.mark.django_db

ANNOUNCERS = {"director", "clerk", "office_head", "leader", "other_leader"}
NOT_ANNOUNCERS = {"specialist", "colleague", "outsider", "it_admin"}


@pytest.mark.parametrize("role", sorted(ANNOUNCERS | NOT_ANNOUNCERS))
def test_R_EO_11_who_makes_announcements(staff, bql, units, role):
    user = staff[role]
    unit = {"office_head": units["office"], "leader": units["investment"],
            "other_leader": units["business"]}.get(role)
    fields = {"title": "Thông báo", "body": "Nội dung", "unit": unit,
              "to_everyone": unit is None, "units": [unit] if unit else []}
    if role in ANNOUNCERS:
        item = services.create_announcement(user, bql, **fields)
        assert item.state == State.DRAFT and item.author == user
    else:
        with pytest.raises(services.TransitionError):
            services.create_announcement(user, bql, **fields)
        assert not Announcement.objects.exists()


def test_R_EO_11_a_unit_leader_announces_only_to_the_units_they_lead(staff, bql, units):
    leader = staff["leader"]
    for fields in ({"unit": units["investment"], "to_everyone": True},
                   {"unit": units["investment"], "to_everyone": False,
                    "units": [units["business"]]},
                   {"unit": units["business"], "to_everyone": False,
                    "units": [units["business"]]},
                   {"unit": None, "to_everyone": False, "units": [units["investment"]]}):
        units_ = fields.pop("units", [])
        with pytest.raises(services.TransitionError):
            services.create_announcement(leader, bql, title="T", body="B", units=units_,
                                         **fields)
    assert not Announcement.objects.exists()


def test_R_EO_11_no_announcement_to_another_agencys_unit(staff, bql, units):
    with pytest.raises(services.TransitionError):
        services.create_announcement(staff["clerk"], bql, title="T", body="B",
                                     to_everyone=False, units=[units["skh_office"]])
    with pytest.raises(services.TransitionError):
        services.create_announcement(staff["skh_clerk"], bql, title="T", body="B")
    assert not Announcement.objects.exists()


def test_R_EO_11_published_for_one_quarter_by_default(make_announcement, staff):
    item = make_announcement("draft")
    now = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 0))
    services.publish(staff["clerk"], item, now=now)
    item.refresh_from_db()
    assert item.state == State.PUBLISHED and item.published_at == now
    assert item.expires_at == timezone.make_aware(datetime.datetime(2027, 2, 28, 9, 0))
    assert services.add_months(now, 3).month == 2


def test_R_EO_11_audience(make_announcement, staff, units):
    everyone = make_announcement(title="Cho toàn cơ quan")
    to_unit = make_announcement(title="Cho phòng đầu tư", units=[units["investment"]])
    draft = make_announcement("draft", title="Nháp")
    now = timezone.now()

    def board(role):
        return set(access.current_for(staff[role], now).values_list("title", flat=True))

    assert board("specialist") == {"Cho toàn cơ quan", "Cho phòng đầu tư"}
    assert board("outsider") == {"Cho toàn cơ quan"}
    assert board("it_admin") == {"Cho toàn cơ quan"}
    assert board("skh_director") == set()
    assert access.visible_announcements(staff["clerk"]).filter(pk=draft.pk).exists()
    assert access.visible_announcements(staff["director"]).filter(pk=draft.pk).exists()
    assert not access.visible_announcements(staff["specialist"]).filter(pk=draft.pk).exists()
    assert everyone.pk and to_unit.pk


def test_R_EO_11_only_the_author_edits_the_author_or_a_leader_withdraws(make_announcement,
                                                                        staff):
    item = make_announcement()
    for role in ("director", "office_head", "specialist", "skh_director"):
        with pytest.raises(services.TransitionError):
            services.edit_announcement(staff[role], item, title="Sửa")
    for role in ("office_head", "specialist", "leader", "skh_director"):
        with pytest.raises(services.TransitionError):
            services.withdraw(staff[role], item, "Không cần")
    item.refresh_from_db()
    assert item.title == "Thông báo nghỉ Tết Nguyên đán" and item.state == State.PUBLISHED
    services.edit_announcement(staff["clerk"], item, title="Thông báo nghỉ Tết (sửa)")
    with pytest.raises(services.TransitionError):
        services.withdraw(staff["director"], item, "")
    services.withdraw(staff["director"], item, "Đã có thông báo thay thế")
    item.refresh_from_db()
    assert item.state == State.WITHDRAWN
    assert [v.state for v in item.history.order_by("history_date")] == [
        "draft", "published", "published", "withdrawn"]
    assert item.history.latest().history_user == staff["director"]
    with pytest.raises(services.TransitionError):
        services.publish(staff["clerk"], item)


def test_R_EO_11_extension_requested_by_staff_granted_by_the_author(make_announcement,
                                                                    staff):
    item = make_announcement()
    until = (item.expires_at + datetime.timedelta(days=60)).date()
    with pytest.raises(services.TransitionError):
        services.request_extension(staff["specialist"], item, until, "")
    with pytest.raises(services.TransitionError):  # not later than now kept
        services.request_extension(staff["specialist"], item, item.expires_at.date()
                                   - datetime.timedelta(days=1), "Cần giữ")
    with pytest.raises(services.TransitionError):  # another agency's staff
        services.request_extension(staff["skh_clerk"], item, until, "Cần giữ")
    request = services.request_extension(staff["specialist"], item, until,
                                         "Còn cần tra cứu khi quyết toán")
    with pytest.raises(services.TransitionError):
        services.request_extension(staff["specialist"], item, until, "Lần nữa")
    for role in ("specialist", "leader", "office_head", "skh_director"):
        with pytest.raises(services.TransitionError):
            services.grant_extension(staff[role], request)
    request.refresh_from_db()
    assert request.state == "pending"
    services.grant_extension(staff["clerk"], request)
    item.refresh_from_db()
    request.refresh_from_db()
    assert request.state == "granted" and request.decided_by == staff["clerk"]
    assert timezone.localtime(item.expires_at).date() == until
    with pytest.raises(services.TransitionError):
        services.refuse_extension(staff["director"], request, "Muộn")


def test_R_EO_11_an_expired_announcement_comes_back_when_extended(make_announcement, staff):
    item = make_announcement()
    later = item.expires_at + datetime.timedelta(days=1)
    assert services.expire_due(later) == 1
    item.refresh_from_db()
    assert item.state == State.EXPIRED
    assert not access.current_for(staff["specialist"], later).exists()
    request = services.request_extension(staff["specialist"], item,
                                         timezone.localdate() + datetime.timedelta(days=200),
                                         "Cần giữ thêm")
    with pytest.raises(services.TransitionError):
        services.refuse_extension(staff["director"], request, "")
    services.grant_extension(staff["director"], request)
    item.refresh_from_db()
    assert item.state == State.PUBLISHED
    assert ExtensionRequest.history.filter(id=request.pk).count() == 2


def test_R_EO_11_refused_extension_changes_nothing_on_the_announcement(make_announcement,
                                                                       staff):
    item = make_announcement()
    kept = item.expires_at
    request = services.request_extension(
        staff["outsider"], item, (kept + datetime.timedelta(days=10)).date(), "Cần")
    services.refuse_extension(staff["clerk"], request, "Không cần thiết")
    item.refresh_from_db()
    assert item.expires_at == kept and request.state == "refused"
