"""Work dossiers (R-EO-4; Decree 30 Arts. 28–31): a dossier's page with its documents,
closing it, and the yearly hand-over list to the archive."""

import io

import openpyxl
import pytest
from django.urls import reverse

from plugins.eoffice.documents.models import DossierState, Retention, Secrecy, WorkDossier
from plugins.eoffice.documents.services import dossiers, incoming
from plugins.eoffice.documents.services.common import TransitionError
from tests.eoffice.conftest import incoming_fields

pytestmark = pytest.mark.django_db


def filed(staff, registers, dossier, number, **extra):
    register = registers["in_secret"] if extra.get("secrecy") else registers["in"]
    document = incoming.register(staff["clerk"], register, **incoming_fields(
        number_notation=number, **extra)).document
    incoming.assign(staff["director"], document, main=staff["specialist"])
    incoming.record_result(staff["specialist"], document, "Đã xử lý xong.")
    incoming.file_into(staff["specialist"], document, dossier)
    return document


def test_R_EO_4_the_dossier_page_lists_its_documents_and_hides_secret_ones(
        client, staff, registers, dossier):
    filed(staff, registers, dossier, "12/UBND-KT")
    filed(staff, registers, dossier, "3/M-UBND", secrecy=Secrecy.CONFIDENTIAL)
    url = reverse("eoffice_dossier:inspect", args=[dossier.pk])
    client.force_login(staff["specialist"])  # handled both: sees both
    page = client.get(url).content.decode()
    assert "12/UBND-KT" in page and "3/M-UBND" in page
    client.force_login(staff["leader"])  # leads the unit; the secret one is not theirs
    page = client.get(url).content.decode()
    assert "12/UBND-KT" in page and "3/M-UBND" not in page
    assert "1 more document in this dossier is not shown to you" in page
    client.force_login(staff["skh_clerk"])
    assert client.get(url).status_code in (302, 403, 404)


def test_R_EO_4_closing_from_the_page_only_by_keeper_or_leader(client, staff, registers,
                                                               dossier):
    url = reverse("eoffice:dossier_close", args=[dossier.pk])
    client.force_login(staff["specialist"])
    assert "Close the dossier" not in client.get(
        reverse("eoffice_dossier:inspect", args=[dossier.pk])).content.decode()
    client.post(url)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.OPEN
    client.force_login(staff["skh_clerk"])
    assert client.post(url).status_code == 404
    dossier.refresh_from_db()
    assert dossier.state == DossierState.OPEN
    client.force_login(staff["leader"])
    response = client.post(url, follow=True)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.CLOSED and dossier.closed_at
    assert "is closed" in response.content.decode()
    assert client.get(url).status_code == 405


def test_R_EO_4_hand_over_takes_closed_dossiers_only_all_or_none(staff, units, dossier):
    other = WorkDossier.objects.create(unit=units["investment"], year=2026, title="Hồ sơ khác")
    dossiers.close(staff["leader"], dossier)
    with pytest.raises(TransitionError, match="not closed"):
        dossiers.hand_over(staff["clerk"], [dossier, other])
    dossier.refresh_from_db()
    assert dossier.state == DossierState.CLOSED  # nothing half done
    with pytest.raises(TransitionError, match="clerk"):
        dossiers.hand_over(staff["leader"], [dossier])
    with pytest.raises(TransitionError, match="clerk"):
        dossiers.hand_over(staff["skh_clerk"], [dossier])
    dossiers.hand_over(staff["clerk"], [dossier])
    dossier.refresh_from_db()
    assert dossier.state == DossierState.HANDED_OVER and dossier.handed_over_at
    assert dossier.is_closed
    with pytest.raises(TransitionError, match="closed"):
        dossiers.close(staff["leader"], dossier)


def test_R_EO_4_hand_over_list_counts_dates_export_and_recording(client, staff, units,
                                                                 registers, dossier):
    import datetime

    filed(staff, registers, dossier, "12/UBND-KT", issue_date=datetime.date(2026, 2, 3))
    filed(staff, registers, dossier, "40/UBND-KT", issue_date=datetime.date(2026, 9, 30))
    dossier.retention = Retention.Y20
    dossier.save()
    dossiers.close(staff["leader"], dossier)
    WorkDossier.objects.create(unit=units["investment"], year=2026, title="Hồ sơ còn mở")
    url = reverse("eoffice:dossier_handover")
    query = {"unit": units["investment"].pk, "year": 2026}
    client.force_login(staff["leader"])
    page = client.get(url, query).content.decode()
    assert dossier.title in page and "Hồ sơ còn mở" not in page
    assert "03/02/2026" in page and "30/09/2026" in page and "20 years" in page
    assert "Record the chosen dossiers" not in page  # the leader does not receive
    response = client.post(f"{url}?unit={units['investment'].pk}&year=2026",
                           {"dossier": [dossier.pk]})
    assert response.status_code in (302, 403) and "/login" not in response.get("Location", "")
    dossier.refresh_from_db()
    assert dossier.state == DossierState.CLOSED
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url, {**query, "format": "xlsx"})
                                              .content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1:7] == ("QLĐT-01", dossier.title, "03/02/2026", "30/09/2026", "20 years", 2)
    client.force_login(staff["clerk"])
    client.post(f"{url}?unit={units['investment'].pk}&year=2026", {"dossier": [dossier.pk]})
    dossier.refresh_from_db()
    assert dossier.state == DossierState.HANDED_OVER


def test_hand_over_list_shows_only_own_agency_units_and_constant_queries(
        client, staff, units, django_assert_max_num_queries):
    for number in range(12):
        dossier = WorkDossier.objects.create(unit=units["investment"], year=2026,
                                             code=f"QLĐT-{number:02d}", title=f"Hồ sơ {number}")
        dossiers.close(staff["leader"], dossier)
    client.force_login(staff["skh_clerk"])
    page = client.get(reverse("eoffice:dossier_handover"),
                      {"unit": units["investment"].pk, "year": 2026}).content.decode()
    assert "Phòng Quản lý đầu tư" not in page and "Hồ sơ 1" not in page
    client.force_login(staff["clerk"])
    # (the admin's menu counts the unread notifications and internal messages: two queries)
    with django_assert_max_num_queries(26):
        page = client.get(reverse("eoffice:dossier_handover"),
                          {"unit": units["investment"].pk, "year": 2026}).content.decode()
    assert page.count("Hồ sơ ") >= 12
