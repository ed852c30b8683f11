"""Permission of every role × every screen of the notices (R-EO-11, R-EO-13, R-SEC-2):
another agency sees nothing, a refused POST changes nothing, files are served only to those
who may read them; lists at constant queries."""

import pytest
from django.urls import reverse

from plugins.eoffice.notices import services
from plugins.eoffice.notices.models import Announcement, ExtensionRequest, State
from tests.eoffice_notices.conftest import PDF, pdf

pytestmark = pytest.mark.django_db

ROLES = ("director", "clerk", "office_head", "leader", "specialist", "outsider",
         "other_leader", "it_admin", "skh_clerk", "skh_director")
EVERYONE = set(ROLES)
ANNOUNCERS = {"director", "clerk", "office_head", "leader", "other_leader", "skh_clerk",
              "skh_director"}
OK, DENIED = "ok", "denied"


def _outcome(response):
    if response.status_code == 200:
        return OK
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert "login" not in response["Location"]
    return DENIED


SCREENS = {
    "board": EVERYONE, "announcements": EVERYONE, "announcement_add": ANNOUNCERS,
    "extensions": EVERYONE, "inbox": EVERYONE, "sent": EVERYONE, "compose": EVERYONE,
    "boards": EVERYONE,
}


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_R_EO_11_every_role_on_every_list_screen(client, staff, screen):
    url = reverse(f"eoffice_notices:{screen}")
    for role in ROLES:
        client.force_login(staff[role])
        assert _outcome(client.get(url)) == (OK if role in SCREENS[screen] else DENIED), (
            screen, role)
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


BQL = EVERYONE - {"skh_clerk", "skh_director"}
INVESTMENT = {"director", "clerk", "leader", "specialist"}
DRAFT = {"director", "clerk"}


@pytest.mark.parametrize("case", ["everyone", "unit", "draft"])
def test_R_EO_11_every_role_on_an_announcement(client, staff, units, make_announcement, case):
    item = make_announcement("draft" if case == "draft" else "published",
                             units=[units["investment"]] if case == "unit" else (),
                             files=[pdf()], title="Thông báo lịch họp")
    readers = {"everyone": BQL, "unit": INVESTMENT, "draft": DRAFT}[case]
    file_url = reverse("eoffice_notices:announcement_file", args=[item.files.get().pk])
    for role in ROLES:
        client.force_login(staff[role])
        expected = OK if role in readers else DENIED
        page = client.get(reverse("eoffice_notices:announcement", args=[item.pk]))
        assert _outcome(page) == expected, (case, role)
        download = client.get(file_url)
        assert _outcome(download) == expected, (case, role)
        if expected == OK:
            assert b"".join(download.streaming_content) == PDF
        edit = client.get(reverse("eoffice_notices:announcement_edit", args=[item.pk]))
        assert _outcome(edit) == (OK if role == "clerk" else DENIED), (case, role)


def test_R_EO_11_files_have_no_public_url(make_announcement):
    item = make_announcement(files=[pdf()])
    with pytest.raises(ValueError):
        item.files.get().file.url  # noqa: B018


def test_R_EO_11_other_agency_lists_nothing(client, staff, make_announcement):
    item = make_announcement(title="Thông báo của Ban Quản lý")
    services.request_extension(staff["specialist"], item,
                               item.expires_at.date().replace(year=item.expires_at.year + 1),
                               "Giữ thêm")
    client.force_login(staff["skh_director"])
    for screen in ("board", "announcements", "extensions"):
        html = client.get(reverse(f"eoffice_notices:{screen}")).content.decode()
        assert "Thông báo của Ban Quản lý" not in html, screen


@pytest.mark.parametrize("role", ["director", "office_head", "specialist", "it_admin",
                                  "skh_director"])
def test_R_EO_11_refused_posts_change_nothing(client, staff, make_announcement, role):
    draft = make_announcement("draft", title="Bản nháp")
    published = make_announcement(title="Đã đăng")
    before = list(Announcement.objects.order_by("pk").values())
    client.force_login(staff[role])
    client.post(reverse("eoffice_notices:announcement_action", args=[draft.pk, "publish"]))
    client.post(reverse("eoffice_notices:announcement_action", args=[draft.pk, "delete"]))
    client.post(reverse("eoffice_notices:announcement_edit", args=[published.pk]),
                {"title": "Sửa trái phép", "body": "x", "to_everyone": "on"})
    if role != "director":
        client.post(reverse("eoffice_notices:announcement_action",
                            args=[published.pk, "withdraw"]), {"reason": "Không"})
    assert list(Announcement.objects.order_by("pk").values()) == before


def test_R_EO_11_the_author_drafts_publishes_and_an_other_requests_extension(client, staff,
                                                                             bql, units):
    client.force_login(staff["leader"])
    response = client.post(reverse("eoffice_notices:announcement_add"), {
        "agency": bql.pk, "unit": units["investment"].pk, "title": "Họp phòng chiều thứ Sáu",
        "body": "Toàn thể chuyên viên phòng dự họp.", "units": [units["investment"].pk],
        "files": [pdf("giay-moi.pdf")]})
    assert response.status_code == 302, response.content.decode()[:2000]
    item = Announcement.objects.get()
    assert item.state == State.DRAFT and item.files.get().name == "giay-moi.pdf"
    client.post(reverse("eoffice_notices:announcement_action", args=[item.pk, "publish"]))
    item.refresh_from_db()
    assert item.state == State.PUBLISHED
    client.force_login(staff["specialist"])
    html = client.get(reverse("eoffice_notices:board")).content.decode()
    assert "Họp phòng chiều thứ Sáu" in html
    until = item.expires_at.date().replace(year=item.expires_at.year + 1)
    client.post(reverse("eoffice_notices:announcement_action", args=[item.pk, "extend"]),
                {"until": until.isoformat(), "reason": "Cần tra cứu"})
    request = ExtensionRequest.objects.get()
    # The requester cannot grant their own request.
    client.post(reverse("eoffice_notices:extension_action", args=[request.pk, "grant"]))
    request.refresh_from_db()
    assert request.state == "pending"
    client.force_login(staff["leader"])
    assert "Cần tra cứu" in client.get(reverse("eoffice_notices:extensions")).content.decode()
    client.post(reverse("eoffice_notices:extension_action", args=[request.pk, "grant"]),
                {"next": "list"})
    request.refresh_from_db()
    assert request.state == "granted"


def _count(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(60) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("screen", ["board", "announcements", "extensions"])
def test_R_EO_11_announcement_lists_at_constant_queries(client, staff, units, screen,
                                                        make_announcement,
                                                        django_assert_max_num_queries):
    def more(count):
        for number in range(count):
            item = make_announcement(title=f"Thông báo số {number}",
                                     units=[units["investment"]] if number % 2 else (),
                                     files=[pdf()])
            services.request_extension(
                staff["specialist"], item,
                item.expires_at.date().replace(year=item.expires_at.year + 1), "Giữ")

    client.force_login(staff["director"])
    url = reverse(f"eoffice_notices:{screen}")
    more(1)
    few = _count(client, url, django_assert_max_num_queries)
    more(6)
    assert _count(client, url, django_assert_max_num_queries) <= few
