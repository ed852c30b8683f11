"""The enterprises in the admin (seed 001 Đ12.2; R-SEC-2, R-ORG-3): the agency's writers keep
its enterprises, everyone of the agency reads them, another agency's staff never see nor
change them; imports are all or nothing with every bad row's reason; a keeper records that
the data is up to date (seed 001 Đ8.4)."""

import datetime
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from plugins.core.models import Role
from plugins.enterprises.demo import tax_code
from plugins.enterprises.importer import import_file
from plugins.enterprises.models import Enterprise, EnterpriseRegister
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

HEADER = ("Tên doanh nghiệp,Mã số thuế,Khu, cụm công nghiệp,Ngành nghề,Ngày đăng ký,Tình trạng,"
          "Thư điện tử")


def _csv(*lines, header=HEADER):
    # "Khu, cụm công nghiệp" holds a comma: quote it.
    header = header.replace("Khu, cụm công nghiệp", '"Khu, cụm công nghiệp"')
    return "\n".join([header, *lines]).encode()


@pytest.fixture
def staff(agency, other_agency, make_staff):
    return {
        "specialist": make_staff("chuyenvien", agency, Role.SPECIALIST),
        "clerk": make_staff("vanthu", agency, Role.CLERK),
        "it": make_staff("quantri", agency, Role.IT_ADMIN),
        "theirs": make_staff("skh_quantri", other_agency, Role.IT_ADMIN),
    }


def _denied(response):
    return response.status_code in (302, 403, 404)


def test_a_specialist_adds_an_enterprise_with_a_checked_tax_code(client, staff, agency,
                                                                   zones, industries):
    client.force_login(staff["specialist"])
    url = reverse("enterprises_enterprise:add")
    data = form_data(client.get(url).content.decode())
    data.update({"agency": agency.pk, "name": "Công ty TNHH Cơ khí Đồng Tâm",
                 "tax_code": "0100233480", "status": "operating", "zone": zones["my_tho"].pk,
                 "industry": industries["garment"].pk})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "chữ số kiểm tra" in response.content.decode() or "check digit" in (
        response.content.decode())
    assert not Enterprise.objects.exists()
    data["tax_code"] = "0100233488"
    assert client.post(url, data).status_code == 302
    enterprise = Enterprise.objects.get()
    assert enterprise.agency == agency and enterprise.tax_code == "0100233488"
    assert EnterpriseRegister.objects.get(agency=agency).updated_by == staff["specialist"]
    assert enterprise.history.first().history_type == "+"


def test_the_clerk_reads_but_does_not_write_and_a_specialist_does_not_delete(
        client, staff, make_enterprise):
    """R-SEC-2: everyone of the agency reads; writers add and change; the IT administrator
    and the leader delete. A refused POST changes nothing."""
    enterprise = make_enterprise("Công ty TNHH May mặc Phương Nam")
    client.force_login(staff["clerk"])
    listing = client.get(reverse("enterprises_enterprise:index"))
    assert listing.status_code == 200
    assert "Phương Nam" in listing.content.decode()
    assert reverse("enterprises:import") not in listing.content.decode()
    edit = reverse("enterprises_enterprise:edit", args=[enterprise.pk])
    assert _denied(client.get(edit))
    assert _denied(client.post(edit, {"name": "Đã sửa", "tax_code": enterprise.tax_code}))
    assert _denied(client.get(reverse("enterprises_enterprise:add")))
    client.force_login(staff["specialist"])
    listing = client.get(reverse("enterprises_enterprise:index")).content.decode()
    assert reverse("enterprises:import") in listing and reverse("enterprises:confirm") in listing
    delete = reverse("enterprises_enterprise:delete", args=[enterprise.pk])
    assert _denied(client.post(delete))
    enterprise.refresh_from_db()
    assert enterprise.name == "Công ty TNHH May mặc Phương Nam"
    client.force_login(staff["it"])
    assert client.post(delete).status_code == 302
    assert not Enterprise.objects.exists()


def test_another_agencys_staff_never_see_nor_change_the_enterprises(
        client, staff, make_enterprise, other_agency):
    """R-ORG-3, R-SEC-2: the list of agency B's keeper holds nothing of agency A; A's record
    answers 404 and a POST to it changes nothing."""
    ours = make_enterprise("Công ty TNHH Giày Da Tân Hương")
    theirs = make_enterprise("Công ty TNHH Luyện kim Tằng Loỏng", into=other_agency)
    client.force_login(staff["theirs"])
    listing = client.get(reverse("enterprises_enterprise:index")).content.decode()
    assert "Tằng Loỏng" in listing and "Tân Hương" not in listing
    export = client.get(reverse("enterprises_enterprise:index"), {"export": "csv"})
    assert "Tân Hương" not in b"".join(export.streaming_content).decode() if getattr(
        export, "streaming", False) else "Tân Hương" not in export.content.decode()
    for name in ("edit", "delete", "history", "inspect"):
        assert _denied(client.get(reverse(f"enterprises_enterprise:{name}", args=[ours.pk])))
    assert _denied(client.post(reverse("enterprises_enterprise:edit", args=[ours.pk]),
                               {"agency": other_agency.pk, "name": "Đã sửa",
                                "tax_code": ours.tax_code, "status": "dissolved"}))
    assert _denied(client.post(reverse("enterprises_enterprise:delete", args=[ours.pk])))
    ours.refresh_from_db()
    assert (ours.name, ours.status, ours.agency_id) == (
        "Công ty TNHH Giày Da Tân Hương", "operating", staff["it"].groups.first().agency_role
        .agency_id)
    assert theirs.pk


def test_a_keeper_of_one_agency_only_reads_where_they_hold_another_role(
        client, staff, make_enterprise, other_agency):
    """R-SEC-2: the per-agency check model permissions cannot make."""
    from plugins.core.models import AgencyRole

    theirs = make_enterprise("Công ty TNHH Luyện kim Tằng Loỏng", into=other_agency)
    user = staff["specialist"]
    user.groups.add(AgencyRole.objects.get(agency=other_agency, role=Role.CLERK).group)
    client.force_login(user)
    edit = reverse("enterprises_enterprise:edit", args=[theirs.pk])
    assert _denied(client.post(edit, {"agency": other_agency.pk, "name": "Đã sửa",
                                      "tax_code": theirs.tax_code, "status": "operating"}))
    add = reverse("enterprises_enterprise:add")
    response = client.post(add, {"agency": other_agency.pk, "name": "Công ty mới",
                                 "tax_code": tax_code("120500103"), "status": "operating"})
    assert response.status_code == 200  # the other agency is not a choice
    assert not Enterprise.objects.filter(name="Công ty mới").exists()
    theirs.refresh_from_db()
    assert theirs.name == "Công ty TNHH Luyện kim Tằng Loỏng"


def test_an_import_writes_everything_or_nothing_and_reports_every_bad_row(
        client, staff, agency, zones, industries):
    """Seed 001 Đ8.4: the agency brings its data up to date from a table. Any bad row: nothing
    is written and every bad row's reason is listed."""
    good, other = tax_code("120500100"), tax_code("120500101")
    bad = _csv(
        f"Công ty TNHH May mặc Phương Nam,{good},KCN My Tho,Dệt may,15/03/2012,Đang hoạt động,",
        "Công ty TNHH Không mã,,Khu công nghiệp Mỹ Tho,,,,",
        "Công ty TNHH Sai mã,0100233480,Khu công nghiệp Mỹ Tho,,,,",
        f"Công ty TNHH Trùng mã,{good},Khu công nghiệp Sao Hỏa,,31/02/2020,Phá sản,không-phải-thư",
    )
    client.force_login(staff["specialist"])
    response = client.post(reverse("enterprises:import"), {
        "agency": agency.pk, "table": SimpleUploadedFile("doanh-nghiep.csv", bad)})
    text = response.content.decode()
    for line in range(2, 6):
        assert f"Line {line}:" in text or f"Dòng {line}:" in text, line
    assert not Enterprise.objects.exists()
    assert not EnterpriseRegister.objects.exists()
    clean = _csv(
        f'Công ty TNHH May mặc Phương Nam,{good},khu cong nghiep my tho,'
        '"Dệt may, da giày",15/03/2012,Đang hoạt động,lienhe@phuongnam.example.vn',
        f"Công ty TNHH Giày Da Tân Hương,{other[:10]},Khu công nghiệp Tân Hương,,,"
        "Business suspended,",
    )
    response = client.post(reverse("enterprises:import"), {
        "agency": agency.pk, "table": SimpleUploadedFile("doanh-nghiep.csv", clean)},
        follow=True)
    assert response.status_code == 200
    garment = Enterprise.objects.get(tax_code=good)
    assert (garment.zone, garment.industry, garment.registered_on) == (
        zones["my_tho"], industries["garment"], datetime.date(2012, 3, 15))
    assert Enterprise.objects.get(tax_code=other).status == "suspended"
    assert EnterpriseRegister.objects.get(agency=agency).updated_by == staff["specialist"]
    client.force_login(staff["clerk"])
    assert _denied(client.get(reverse("enterprises:import")))


def test_the_same_file_twice_changes_nothing_and_finds_its_records(agency, directory, client):
    """The second import of a file updates the enterprises it made, by tax code; the
    imported enterprises are found in the public directory."""
    content = _csv(f"Công ty TNHH Kho vận Sông Tiền,{tax_code('120500102')},,,,,")
    assert import_file(content, "doanh-nghiep.csv", agency) == (1, 0)
    assert import_file(content, "doanh-nghiep.csv", agency) == (0, 1)
    assert Enterprise.objects.count() == 1
    from bs4 import BeautifulSoup

    page = client.get("/doanh-nghiep/", {"q": "kho van song tien"}).content.decode()
    assert "Kho vận Sông Tiền" in BeautifulSoup(page, "html.parser").get_text()


def test_command_line_import_says_what_is_wrong_in_both_languages(agency, tmp_path):
    path = tmp_path / "doanh-nghiep.csv"
    path.write_bytes(_csv("Công ty TNHH Sai mã,0100233480,,,,,"))
    errors = StringIO()
    with pytest.raises(CommandError, match=r"nothing was imported"):
        call_command("import_enterprises", str(path), agency="BQL", stdout=StringIO(),
                     stderr=errors)
    assert "chữ số kiểm tra" in errors.getvalue()
    assert not Enterprise.objects.exists()
    path.write_bytes(_csv(f"Công ty TNHH Sông Tiền,{tax_code('120500102')},,,,,"))
    out = StringIO()
    call_command("import_enterprises", str(path), agency="BQL", stdout=out)
    assert "1 enterprise added" in out.getvalue()


def test_a_keeper_records_that_the_data_is_up_to_date(client, staff, agency):
    """Seed 001 Đ8.4: checked against the business registration, nothing to change: the
    keeper says so, and the directory's date moves; the clerk may not."""
    url = reverse("enterprises:confirm")
    client.force_login(staff["clerk"])
    assert _denied(client.get(url))
    assert _denied(client.post(url, {"agency": agency.pk}))
    assert not EnterpriseRegister.objects.exists()
    client.force_login(staff["specialist"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"agency": agency.pk}).status_code == 302
    assert EnterpriseRegister.objects.get(agency=agency).updated_by == staff["specialist"]
    client.force_login(staff["theirs"])
    assert client.post(url, {"agency": agency.pk}).status_code == 200  # not a choice
