"""Transports and malformed packages (R-EO-16; issue 18 items 1 and 3): the folder drop and
the HTTP endpoint deliver, a failing transport is retried and never delivers twice, and
every kind of broken package is refused with a reason, kept for the clerk, with nothing
registered."""

import base64
import datetime
import http.server
import threading

import pytest
from django.test import override_settings
from django.utils import timezone

from plugins.core.models import Agency
from plugins.eoffice.documents.models import IncomingDocument
from plugins.eoffice.exchange import receiving, sending, transports
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

pytestmark = pytest.mark.django_db

PARTNER = Organ(organ_id="000.00.00.G22", name="Văn phòng Chính phủ")


def _package(to, **changes):
    fields = dict(sender=PARTNER, recipients=(to,), code_number="1234",
                  code_notation="VPCP-KSTT", promulgation_date=datetime.date(2026, 11, 20),
                  subject="Về việc đôn đốc thực hiện Đề án 06 tại các khu công nghiệp",
                  type_name="Công văn",
                  attachments=(Attachment("cong-van.pdf", b"%PDF-1.4 official letter"),))
    fields.update(changes)
    return Package(**fields)


@pytest.fixture
def partner(db):
    return OrganEntry.objects.create(organ_id=PARTNER.organ_id, name=PARTNER.name,
                                     transport="folder")


def _no_document_registered():
    return not IncomingDocument.objects.exists()


# --- malformed packages -----------------------------------------------------------------


def _valid(bql):
    return build(_package(organ_of(bql)))


MALFORMED = {
    "bad XML": lambda valid: valid[: len(valid) // 2],
    "wrong namespace": lambda valid: valid.replace(b"http://www.mic.gov.vn/TBT/QCVN_102_2016",
                                                   b"urn:example:other"),
    "missing required element": lambda valid: valid.replace(b"<Subject>", b"<Ghost>")
    .replace(b"</Subject>", b"</Ghost>"),
    "base64 garbage": lambda valid: valid.replace(
        base64.b64encode(b"%PDF-1.4 official letter"), b"@@not*base64!!"),
    "a DTD with an entity": lambda valid: valid.replace(
        b"?>", b'?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1),
    "empty": lambda valid: b"",
}


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_R_EO_16_a_malformed_package_is_refused_kept_and_registers_nothing(
        kind, bql, partner, staff, django_capture_on_commit_callbacks, delivered):
    data = MALFORMED[kind](_valid(bql))
    with django_capture_on_commit_callbacks(execute=True):
        envelope = receiving.receive(bql, data, "http")
    assert envelope.state == EnvelopeState.INVALID and envelope.reason
    assert _no_document_registered()
    assert envelope.size == len(data)
    assert any("refused" in m.subject for m in delivered() if "vanthu@example.test" in m.to)


def test_R_EO_16_a_package_for_another_organ_or_from_an_unknown_one_is_refused(bql, skh,
                                                                               partner):
    assert "not addressed" in receiving.receive(bql, build(_package(organ_of(skh))),
                                                "http").reason
    stranger = Organ(organ_id="000.99.99.Z99", name="Không rõ")
    envelope = receiving.receive(bql, build(_package(organ_of(bql), sender=stranger)), "http")
    assert envelope.state == EnvelopeState.INVALID and "not known" in envelope.reason
    assert _no_document_registered()


def test_R_EO_16_a_200_MB_package_in_the_drop_folder_is_refused_unread(bql, partner, tmp_path):
    inbox = tmp_path / "inbox" / bql.organ_id
    inbox.mkdir(parents=True)
    huge = inbox / "huge.xml"
    with huge.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    with override_settings(EOFFICE_EXCHANGE_DIR=str(tmp_path)):
        assert transports.collect_folder() == 1
    envelope = Envelope.objects.get(agency=bql, direction=Direction.IN)
    assert envelope.state == EnvelopeState.INVALID and "larger than 100 MB" in envelope.reason
    assert not huge.exists() and _no_document_registered()


def test_R_EO_16_a_200_MB_attachment_is_refused_by_the_endpoint(client, bql):
    _row, key = ExchangeKey.make(bql, "Trục liên thông")
    response = client.generic("POST", "/exchange/edxml/", b"<edXML/>",
                              content_type="application/xml",
                              HTTP_AUTHORIZATION=f"Bearer {key}",
                              CONTENT_LENGTH=str(200 * 1024 * 1024))
    assert response.status_code == 413 and "100 MB" in response.json()["error"]
    assert not Envelope.objects.exists()


# --- the folder drop --------------------------------------------------------------------


def test_R_EO_16_folder_drop_both_ways(bql, partner, tmp_path, django_capture_on_commit_callbacks):
    inbox = tmp_path / "inbox" / bql.organ_id
    inbox.mkdir(parents=True)
    (inbox / "vpcp-1234.xml").write_bytes(build(_package(organ_of(bql))))
    (inbox / "being-written.xml.part").write_bytes(b"<half")
    with override_settings(EOFFICE_EXCHANGE_DIR=str(tmp_path)), \
            django_capture_on_commit_callbacks(execute=True):
        assert transports.collect_folder() == 1
    envelope = Envelope.objects.get(agency=bql, direction=Direction.IN,
                                    kind=EnvelopeKind.DOCUMENT)
    assert envelope.state == EnvelopeState.WAITING and envelope.peer_name == PARTNER.name
    assert sorted(p.name for p in inbox.iterdir()) == ["being-written.xml.part"]
    # The "received" status went back through the folder, whole, for the gateway.
    outbox = list((tmp_path / "outbox" / PARTNER.organ_id).iterdir())
    assert len(outbox) == 1 and outbox[0].suffix == ".xml"
    assert b"<StatusCode>01</StatusCode>" in outbox[0].read_bytes()


# --- failures and retries ---------------------------------------------------------------


def _queued_status(bql, partner, django_capture_on_commit_callbacks):
    envelope = receiving.receive(bql, build(_package(organ_of(bql))), "folder")
    return Envelope.objects.get(answers=envelope, direction=Direction.OUT)


def test_R_EO_16_a_failing_folder_is_retried_then_delivered(bql, partner, tmp_path,
                                                           django_capture_on_commit_callbacks):
    status = _queued_status(bql, partner, django_capture_on_commit_callbacks)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with override_settings(EOFFICE_EXCHANGE_DIR=str(blocked)):
        assert sending.send(status.pk) is False
    status.refresh_from_db()
    assert status.state == EnvelopeState.QUEUED and status.attempts == 1
    assert status.next_attempt_at > timezone.now() and status.last_error
    later = timezone.now() + datetime.timedelta(minutes=2)
    with override_settings(EOFFICE_EXCHANGE_DIR=str(tmp_path)):
        assert sending.send_due(now=later) == 1
        assert sending.send_due(now=later + datetime.timedelta(hours=1)) == 0  # once only
    status.refresh_from_db()
    assert status.state == EnvelopeState.SENT and status.attempts == 2
    assert len(list((tmp_path / "outbox" / PARTNER.organ_id).iterdir())) == 1


def test_R_EO_16_delivered_but_not_recorded_is_received_once(
        issued_to_skh, skh, monkeypatch):
    """The transport delivered, then the worker died before recording it: the retry delivers
    again and the receiver, idempotent by DocumentId, keeps one envelope."""
    sent = Envelope.objects.get(outgoing=issued_to_skh, direction=Direction.OUT)
    Envelope.objects.filter(pk=sent.pk).update(sent_at=None, state=EnvelopeState.QUEUED,
                                               next_attempt_at=timezone.now())
    assert sending.send(sent.pk) is True
    assert Envelope.objects.filter(agency=skh, direction=Direction.IN,
                                   kind=EnvelopeKind.DOCUMENT).count() == 1


def test_R_EO_16_a_route_nobody_knows_fails_for_good_and_the_clerk_is_told(
        bql, partner, django_capture_on_commit_callbacks, delivered, staff):
    status = _queued_status(bql, partner, django_capture_on_commit_callbacks)
    partner.is_active = False
    partner.save()
    assert sending.send(status.pk) is False
    status.refresh_from_db()
    assert status.state == EnvelopeState.FAILED and status.next_attempt_at is None
    assert "organ directory" in status.last_error


class _Partner(http.server.BaseHTTPRequestHandler):
    answers = []
    bodies = []

    def do_POST(self):  # noqa: N802 - the standard library's name
        length = int(self.headers["Content-Length"])
        type(self).bodies.append((self.headers["Authorization"], self.rfile.read(length)))
        code = type(self).answers.pop(0)
        self.send_response(code)
        self.end_headers()
        self.wfile.write(b'{"ok": true}')

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Partner)
    _Partner.answers, _Partner.bodies = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, _Partner
    server.shutdown()
    server.server_close()


def test_R_EO_16_http_transport_retries_a_5xx_and_stops_on_a_4xx(
        bql, partner, partner_server, django_capture_on_commit_callbacks):
    server, handler = partner_server
    partner.transport = "http"
    partner.endpoint_url = f"http://127.0.0.1:{server.server_port}/edxml"
    partner.endpoint_key = "khoa-cua-doi-tac"
    partner.save()
    status = _queued_status(bql, partner, django_capture_on_commit_callbacks)
    handler.answers[:] = [503, 202]
    assert sending.send(status.pk) is False
    assert sending.send_due(now=timezone.now() + datetime.timedelta(minutes=2)) == 1
    status.refresh_from_db()
    assert status.state == EnvelopeState.SENT and status.attempts == 2
    assert [auth for auth, _body in handler.bodies] == ["Bearer khoa-cua-doi-tac"] * 2
    assert b"<StatusCode>01</StatusCode>" in handler.bodies[-1][1]

    other = receiving.receive(bql, build(_package(organ_of(bql), code_number="99")), "http")
    refused = Envelope.objects.get(answers=other, direction=Direction.OUT)
    handler.answers[:] = [422]
    assert sending.send(refused.pk) is False
    refused.refresh_from_db()
    assert refused.state == EnvelopeState.FAILED and "HTTP 422" in refused.last_error


# --- the HTTP endpoint ------------------------------------------------------------------


def test_R_EO_16_the_endpoint_takes_a_package_once_with_the_agencys_key(client, bql, skh,
                                                                        partner):
    row, key = ExchangeKey.make(bql, "Trục liên thông văn bản quốc gia")
    data = build(_package(organ_of(bql)))

    def post(body, auth=f"Bearer {key}"):
        return client.generic("POST", "/exchange/edxml/", body,
                              content_type="application/xml", HTTP_AUTHORIZATION=auth)

    assert post(data, auth="Bearer sai-khoa").status_code == 401
    assert post(data, auth="").status_code == 401
    assert client.get("/exchange/edxml/").status_code == 405
    first = post(data)
    assert first.status_code == 202 and first.json()["state"] == "waiting"
    again = post(data)
    assert again.status_code == 200 and again.json()["envelope"] == first.json()["envelope"]
    broken = post(b"<edXML")
    assert broken.status_code == 400 and broken.json()["error"]
    assert Envelope.objects.filter(agency=bql, direction=Direction.IN).count() == 2
    assert not Envelope.objects.filter(agency=skh).exists()
    row.refresh_from_db()
    assert row.last_used_at is not None
    row.is_active = False
    row.save()
    assert post(data).status_code == 401
    assert Agency.objects.count() == 2
