"""Admin screens (R-EM-1, R-EM-2, R-EM-5): the IT unit keeps its agency's directory; others
read; another agency's staff see nothing. Filters by unit and kind, bulk actions, exports,
history, constant query counts."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from plugins.email_directory.models import DirectoryEntry, Mailbox

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    # The site's default language for these tests, so the admin's requests (whose language
    # LocaleMiddleware sets: R-ED-16) speak English too, not only the test's own code.
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def _form(agency, **values):
    data = {"agency": agency.pk, "full_name": "", "title": "", "unit": "", "phone": "",
            "duties": "", "email": "", "mobile": "", "birth_date": "", "sort_order": 0,
            "is_published": "on", "position": "", "photo": ""}
    data.update(values)
    return data


def denied(response):
    """Wagtail answers a forbidden admin page with a redirect to the dashboard (or 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


def test_it_unit_adds_a_person_and_gets_the_suggested_address(client, staff, bql, units):
    """R-EM-5, R-EM-3: the IT administrator creates an entry without an address: the scheme
    gives one, and the message says which rule made it."""
    client.force_login(staff["it"])
    response = client.post(reverse("email_directory_entry:add"), _form(
        bql, full_name="Đặng Xuân Phong", title="Chuyên viên", unit=units["office"].pk),
        follow=True)
    assert response.status_code == 200
    entry = DirectoryEntry.objects.get(full_name="Đặng Xuân Phong")
    assert entry.email == "phongdx@tiengiang.gov.vn"
    assert "phongdx@tiengiang.gov.vn was made by the agency" in response.content.decode()


def test_the_form_refuses_a_taken_address_and_asks_for_a_birth_date(client, staff, bql, units,
                                                                  people):
    """R-EM-2, R-EM-3: a duplicate is refused; a clash the scheme cannot solve says why."""
    client.force_login(staff["it"])
    response = client.post(reverse("email_directory_entry:add"), _form(
        bql, full_name="Lê Văn Tám", unit=units["office"].pk, email="PhongDX@tiengiang.gov.vn"))
    assert response.status_code == 200
    assert "phongdx@tiengiang.gov.vn is already in use" in response.content.decode()
    response = client.post(reverse("email_directory_entry:add"), _form(
        bql, full_name="Đặng Xuân Phong", unit=units["office"].pk))
    assert "a birth date is needed" in response.content.decode()
    response = client.post(reverse("email_directory_entry:add"), _form(
        bql, full_name="Đặng Xuân Phong", unit=units["office"].pk, birth_date="1980-03-21"))
    assert response.status_code == 302
    assert DirectoryEntry.objects.filter(mailbox__address="phongdx2131980@tiengiang.gov.vn") \
        .exists()


def test_only_the_it_unit_of_the_agency_writes(client, staff, bql, people):
    """R-EM-5: a clerk of the agency reads the lists but cannot add, edit or delete; an IT
    administrator of BQL who is only a specialist at SKH cannot edit SKH's entries."""
    entry = people["analyst"]
    client.force_login(staff["clerk"])
    assert client.get(reverse("email_directory_entry:index")).status_code == 200
    assert client.get(reverse("email_directory_entry:inspect", args=[entry.pk])).status_code == 200
    assert denied(client.get(reverse("email_directory_entry:add")))
    assert denied(client.get(reverse("email_directory_entry:edit", args=[entry.pk])))
    assert denied(client.post(reverse("email_directory_entry:delete", args=[entry.pk])))
    assert denied(client.get(reverse("email_directory_mailbox:edit",
                              args=[people["office_box"].pk])))
    client.force_login(staff["leader"])  # a unit leader reads too
    assert denied(client.get(reverse("email_directory_entry:edit", args=[entry.pk])))
    client.force_login(staff["it"])
    assert client.get(reverse("email_directory_entry:edit", args=[entry.pk])).status_code == 200


def test_an_it_admin_of_one_agency_only_reads_another(client, staff, skh, units, make_person):
    """R-EM-5: the model permission comes from BQL's IT role; SKH's records stay read-only."""
    mai = make_person(skh, "Lý Thị Mai", units["skh_office"])
    client.force_login(staff["both"])
    assert client.get(reverse("email_directory_entry:inspect", args=[mai.pk])).status_code == 200
    assert denied(client.get(reverse("email_directory_entry:edit", args=[mai.pk])))
    response = client.get(reverse("email_directory_entry:add"))
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    agencies = [o.text for o in soup.select("select[name=agency] option") if o.get("value")]
    assert agencies == ["Ban Quản lý các Khu công nghiệp Tiền Giang"]
    response = client.post(reverse("email_directory_entry:add"), {
        "agency": skh.pk, "full_name": "Xâm Nhập", "sort_order": 0})
    assert response.status_code == 200
    assert not DirectoryEntry.objects.filter(full_name="Xâm Nhập").exists()


def test_another_agencys_clerk_sees_nothing(client, staff, people):
    """R-EM-5, R-SEC-2: SKH's clerk lists nothing of BQL and gets 404 on its records."""
    client.force_login(staff["other_clerk"])
    response = client.get(reverse("email_directory_entry:index"))
    assert response.status_code == 200
    assert "Đặng Xuân Phong" not in response.content.decode()
    for name, pk in (("email_directory_entry", people["analyst"].pk),
                     ("email_directory_mailbox", people["office_box"].pk)):
        assert client.get(reverse(f"{name}:inspect", args=[pk])).status_code == 404
    assert "bqlkcn" not in client.get(reverse("email_directory_mailbox:index")).content.decode()
    export = client.get(reverse("email_directory:export", args=["csv"]))
    assert "Đặng Xuân Phong" not in export.content.decode("utf-8-sig")
    assert denied(client.get(reverse("email_directory:export", args=["zmprov"])))


def test_lists_filter_by_unit_and_kind(client, staff, people, units):
    """R-EM-1, R-EM-2: the unit filter includes sub-units; mailboxes filter by kind."""
    client.force_login(staff["clerk"])
    response = client.get(reverse("email_directory_entry:index"),
                          {"unit": units["investment"].pk})
    text = response.content.decode()
    assert "Đặng Xuân Phong" in text and "Đỗ Thị Đào" in text and "Lê Minh Đức" not in text
    response = client.get(reverse("email_directory_mailbox:index"), {"kind": "unit"})
    text = response.content.decode()
    assert "vp.bqlkcn@tiengiang.gov.vn" in text and "bqlkcn@tiengiang.gov.vn</a>" not in text
    response = client.get(reverse("email_directory_mailbox:index"), {"kind": "personal"})
    assert "phongdx@tiengiang.gov.vn" in response.content.decode()


def test_bulk_actions_hide_publish_and_close(client, staff, people):
    """R-EM-1: the IT unit hides several people at once; a clerk may not."""
    ids = [people["analyst"].pk, people["promoter"].pk]
    url = reverse("wagtail_bulk_action", args=["email_directory", "directoryentry", "hide"])
    query = "&".join(f"id={pk}" for pk in ids)
    client.force_login(staff["clerk"])
    client.post(f"{url}?{query}")
    assert DirectoryEntry.objects.filter(pk__in=ids, is_published=True).count() == 2
    client.force_login(staff["it"])
    confirm = client.get(f"{url}?{query}")
    assert "Đặng Xuân Phong" in confirm.content.decode()
    response = client.post(f"{url}?{query}&next=/admin/")
    assert response.status_code == 302
    assert DirectoryEntry.objects.filter(pk__in=ids, is_published=False).count() == 2
    close = reverse("wagtail_bulk_action", args=["email_directory", "mailbox", "close"])
    client.post(f"{close}?id={people['office_box'].pk}")
    assert not Mailbox.objects.get(pk=people["office_box"].pk).is_active


def test_bulk_action_never_names_another_agencys_records(client, staff, people):
    client.force_login(staff["other_clerk"])
    url = reverse("wagtail_bulk_action", args=["email_directory", "directoryentry", "hide"])
    response = client.get(f"{url}?id={people['analyst'].pk}")
    assert "Đặng Xuân Phong" not in response.content.decode()


def test_inspect_page_shows_the_field_history(client, staff, people):
    """R-EM-1: changes are audited field by field (django-simple-history)."""
    entry = people["analyst"]
    entry.title = "Phó Trưởng phòng"
    entry.save()
    client.force_login(staff["clerk"])
    text = client.get(reverse("email_directory_entry:inspect", args=[entry.pk])).content.decode()
    assert "Change history" in text
    assert "Chuyên viên → Phó Trưởng phòng" in text


def test_staff_from_positions(client, staff, bql, units):
    """R-ORG-2: everyone with a position is added, tied to it, with a suggested address."""
    client.force_login(staff["it"])
    assert client.get(reverse("email_directory:staff")).status_code == 200
    response = client.post(reverse("email_directory:staff"), {"agency": bql.pk})
    assert response.status_code == 302
    entry = DirectoryEntry.objects.get(position__user=staff["leader"])
    assert entry.email == "chanhvanphongnv@tiengiang.gov.vn"
    client.force_login(staff["clerk"])
    assert denied(client.get(reverse("email_directory:staff")))


def test_import_screen_reports_every_bad_row(client, staff, bql, units):
    client.force_login(staff["it"])
    upload = __import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
        "danh-ba.csv", "Họ và tên,Đơn vị\nNguyễn Văn Minh,Văn phòng\n,Văn phòng\n"
        "Lê Văn Tám,Không có\n".encode())
    response = client.post(reverse("email_directory:import"), {"agency": bql.pk,
                                                               "table": upload})
    text = response.content.decode()
    assert "Line 3" in text and "Line 4" in text
    assert not DirectoryEntry.objects.exists()
    good = __import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
        "danh-ba.csv", "Họ và tên,Đơn vị\nNguyễn Văn Minh,Văn phòng\n".encode())
    response = client.post(reverse("email_directory:import"), {"agency": bql.pk, "table": good},
                           follow=True)
    assert response.status_code == 200
    assert DirectoryEntry.objects.get().email == "minhnv@tiengiang.gov.vn"
    client.force_login(staff["clerk"])
    assert denied(client.get(reverse("email_directory:import")))


def test_admin_exports_follow_the_filters(client, staff, people, units):
    client.force_login(staff["clerk"])
    response = client.get(reverse("email_directory:export", args=["csv"]),
                          {"unit": units["investment"].pk})
    text = response.content.decode("utf-8-sig")
    assert "Đặng Xuân Phong" in text and "Nguyễn Văn Thành" not in text
    assert denied(client.get(reverse("email_directory:export", args=["ldif"])))
    client.force_login(staff["it"])
    response = client.get(reverse("email_directory:export", args=["zmprov"]))
    assert "no-store" in response["Cache-Control"]
    assert "ca phongdx@tiengiang.gov.vn" in response.content.decode()
    assert client.get(reverse("email_directory:export", args=["pdf"])).status_code == 404


def test_admin_list_query_count_is_constant(client, staff, bql, units, make_person,
                                            django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff["clerk"])
    url = reverse("email_directory_entry:index")
    make_person(bql, "Nguyễn Văn Một", units["office"])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    small = len(small)
    for number in range(15):
        make_person(bql, f"Nguyễn Văn Số {number}", units["investment"])
    with django_assert_max_num_queries(small):
        client.get(url)
