"""The exchange's screens (R-EO-16): the receiving clerk accepts or refuses what arrived, the
sender sees each recipient's status on the outgoing document, a secret document offers no
sending, keys are kept by the agency's IT administrators; nobody sees another agency's
envelopes, and refused POSTs change nothing."""

import datetime

import pytest
from django.urls import reverse

from plugins.core.models import Role
from plugins.eoffice.documents.models import IncomingDocument, OutgoingState
from plugins.eoffice.documents.services import outgoing
from plugins.eoffice.exchange import receiving
from plugins.eoffice.exchange.compose import organ_of
from plugins.eoffice.exchange.edxml.build import build
from plugins.eoffice.exchange.edxml.package import Attachment, Organ, Package
from plugins.eoffice.exchange.models import (
    Direction,
    Envelope,
    EnvelopeKind,
    EnvelopeState,
    ExchangeKey,
)
from plugins.eoffice.exchange.models import Organ as OrganEntry
from tests.eoffice.conftest import SIGNED

pytestmark = pytest.mark.django_db


def _waiting(agency):
    return Envelope.objects.get(agency=agency, direction=Direction.IN,
                                kind=EnvelopeKind.DOCUMENT, business_type="0")


def test_R_EO_16_the_receiving_clerk_reads_and_accepts_a_package(
        client, issued_to_skh, staff, skh, registers, django_capture_on_commit_callbacks):
    envelope = _waiting(skh)
    client.force_login(staff["skh_clerk"])
    listing = client.get(reverse("eoffice_exchange:received")).content.decode()
    assert issued_to_skh.number_notation in listing and "Long Giang" in listing
    page = client.get(reverse("eoffice_exchange:envelope", args=[envelope.pk]))
    shown = page.content.decode()
    assert "quyet-dinh-ky.pdf" in shown and "Accept into the register" in shown
    assert page.context["accept_form"]["register"].value() == registers["skh_in"].pk
    files = client.get(reverse("eoffice_exchange:attachment", args=[envelope.pk, 1]))
    assert b"".join(files) == SIGNED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("eoffice_exchange:accept", args=[envelope.pk]),
                               {"register": registers["skh_in"].pk})
    document = IncomingDocument.objects.get(agency=skh)
    assert response["Location"] == reverse("eoffice_incoming:inspect", args=[document.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Received through exchange" in page and "Accepted and registered" in page


def test_R_EO_16_the_sender_sees_each_recipients_status(client, issued_to_skh, staff):
    client.force_login(staff["clerk"])
    page = client.get(reverse("eoffice_outgoing:inspect", args=[issued_to_skh.pk]))
    shown = page.content.decode()
    assert "Electronic exchange" in shown and "Sở Kế hoạch và Đầu tư tỉnh Lào Cai" in shown
    assert "Receipt acknowledged" in shown  # the recipient's status 01
    sent = client.get(reverse("eoffice_exchange:sent")).content.decode()
    assert issued_to_skh.number_notation in sent


def test_R_EO_16_another_agency_sees_and_does_nothing(client, issued_to_skh, staff, skh,
                                                      registers):
    envelope = _waiting(skh)
    client.force_login(staff["clerk"])  # BQL's clerk, the sender: not the receiver
    assert issued_to_skh.subject[:30] not in client.get(
        reverse("eoffice_exchange:received")).content.decode()
    for name in ("envelope", "package"):
        assert client.get(reverse(f"eoffice_exchange:{name}",
                                  args=[envelope.pk])).status_code == 404
    assert client.post(reverse("eoffice_exchange:accept", args=[envelope.pk]),
                       {"register": registers["skh_in"].pk}).status_code == 404
    assert client.post(reverse("eoffice_exchange:refuse", args=[envelope.pk]),
                       {"reason": "Không phải của tôi"}).status_code == 404
    envelope.refresh_from_db()
    assert envelope.state == EnvelopeState.WAITING and not IncomingDocument.objects.filter(
        agency=skh).exists()
    client.force_login(staff["specialist"])  # no clerk, no leader: no exchange screens
    refused = client.get(reverse("eoffice_exchange:received"))
    assert refused.status_code in (302, 403) and b"Long Giang" not in refused.content


def test_R_EO_16_refusing_needs_a_reason(client, issued_to_skh, staff, skh):
    envelope = _waiting(skh)
    client.force_login(staff["skh_clerk"])
    response = client.post(reverse("eoffice_exchange:refuse", args=[envelope.pk]),
                           {"reason": ""}, follow=True)
    assert "Give a reason" in response.content.decode()
    envelope.refresh_from_db()
    assert envelope.state == EnvelopeState.WAITING
    client.post(reverse("eoffice_exchange:refuse", args=[envelope.pk]),
                {"reason": "Thiếu phụ lục"})
    envelope.refresh_from_db()
    assert envelope.state == EnvelopeState.REFUSED and envelope.handled_by == staff["skh_clerk"]


def _approved(staff, bql, **fields):
    document = outgoing.create_draft(staff["specialist"], bql, **fields)
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    return document


def test_R_EO_16_a_secret_document_offers_no_sending_and_a_forced_post_is_refused(
        client, staff, bql, skh, registers):
    document = _approved(staff, bql, secrecy="secret", recipient_agencies=[skh],
                         subject="Báo cáo tình hình an ninh khu công nghiệp quý I năm 2026")
    document = outgoing.issue(staff["clerk"], document, register=registers["out_secret"],
                              signer=staff["director"])
    client.force_login(staff["clerk"])
    page = client.get(reverse("eoffice_outgoing:inspect", args=[document.pk])).content.decode()
    assert "never sent electronically" in page
    assert reverse("eoffice_exchange:send", args=[document.pk]) not in page
    response = client.post(reverse("eoffice_exchange:send", args=[document.pk]),
                           {"organs": [skh.organ_id]}, follow=True)
    assert "never sent electronically" in response.content.decode()
    assert not Envelope.objects.exists()


def test_R_EO_16_the_clerk_sends_to_an_organ_of_the_directory(
        client, staff, bql, registers, tmp_path, settings, django_capture_on_commit_callbacks):
    settings.EOFFICE_EXCHANGE_DIR = str(tmp_path)
    partner = OrganEntry.objects.create(organ_id="000.00.00.G22", name="Văn phòng Chính phủ",
                                        transport="folder")
    document = _approved(staff, bql, type_code="BC",
                         subject="Báo cáo kết quả thực hiện Đề án 06 tại các khu công nghiệp")
    document = outgoing.issue(staff["clerk"], document, register=registers["out"],
                              signer=staff["director"])
    url = reverse("eoffice_exchange:send", args=[document.pk])
    client.force_login(staff["specialist"])
    assert client.post(url, {"organs": [partner.organ_id]}).status_code in (302, 403)
    assert not Envelope.objects.exists()
    client.force_login(staff["clerk"])
    page = client.get(reverse("eoffice_outgoing:inspect", args=[document.pk])).content.decode()
    assert "Văn phòng Chính phủ (000.00.00.G22)" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"organs": [partner.organ_id]})
    envelope = Envelope.objects.get(outgoing=document)
    assert envelope.state == EnvelopeState.SENT and envelope.transport == "folder"
    assert len(list((tmp_path / "outbox" / partner.organ_id).iterdir())) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"organs": [partner.organ_id]})  # sent already: not again
    assert Envelope.objects.filter(outgoing=document).count() == 1
    document.refresh_from_db()
    assert document.state == OutgoingState.ISSUED


def test_R_EO_16_keys_are_made_shown_once_and_kept_per_agency(client, bql, skh, units, staff,
                                                              make_staff):
    it_bql = staff["it_admin"]
    it_skh = make_staff("quantri.skh", skh, Role.IT_ADMIN, units["skh_office"],
                        title="Quản trị")
    client.force_login(it_bql)
    response = client.post(reverse("eoffice_exchange:keys"),
                           {"agency": bql.pk, "label": "Trục liên thông quốc gia"})
    made = response.context["made_key"]
    key = ExchangeKey.objects.get()
    assert ExchangeKey.agency_for(made) == key and key.agency == bql
    assert made not in client.get(reverse("eoffice_exchange:keys")).content.decode()
    refused = client.post(reverse("eoffice_exchange:keys"),
                          {"agency": skh.pk, "label": "Khoá trộm"})
    assert refused.status_code == 200 and ExchangeKey.objects.count() == 1
    client.force_login(it_skh)
    assert "Trục liên thông quốc gia" not in client.get(
        reverse("eoffice_exchange:keys")).content.decode()
    assert client.post(reverse("eoffice_exchange:revoke_key", args=[key.pk])).status_code == 404
    key.refresh_from_db()
    assert key.is_active
    client.force_login(it_bql)
    client.post(reverse("eoffice_exchange:revoke_key", args=[key.pk]))
    key.refresh_from_db()
    assert not key.is_active and ExchangeKey.agency_for(made) is None


def test_R_EO_16_the_clerks_dashboard_counts_what_waits(client, issued_to_skh, staff):
    client.force_login(staff["skh_clerk"])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 document waits to be accepted into a register." in page


def test_R_EO_16_exchange_lists_take_a_constant_number_of_queries(
        client, staff, bql, skh, django_assert_max_num_queries):
    OrganEntry.objects.create(organ_id="000.00.00.G22", name="Văn phòng Chính phủ")

    def arrive(count, start):
        for number in range(start, start + count):
            receiving.receive(bql, build(Package(
                sender=Organ("000.00.00.G22", "Văn phòng Chính phủ"),
                recipients=(organ_of(bql),), code_number=str(number),
                code_notation="VPCP-KSTT", promulgation_date=datetime.date(2026, 11, 2),
                subject=f"Văn phòng Chính phủ đôn đốc thực hiện Đề án 06, lần {number}",
                type_name="Công văn", attachments=(Attachment("cv.pdf", b"%PDF-1.4"),))),
                "http")

    client.force_login(staff["clerk"])
    urls = [reverse("eoffice_exchange:received"), reverse("eoffice_exchange:sent")]
    arrive(2, 1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    few = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        few[url] = len(queries)
    arrive(8, 10)
    for url in urls:
        with django_assert_max_num_queries(few[url]):
            client.get(url)
