"""Exchange between agencies through edXML packages (R-EO-16; issue 18): an issued document
goes to another agency of the installation, waits for its clerk, is accepted into a register
with identical metadata and files; status messages come back as the receiver acts; a
recall withdraws the receiver's copy; nothing is registered twice or half-way."""

import datetime

import pytest

from plugins.eoffice.documents.models import (
    IncomingDocument,
    IncomingState,
    OutgoingState,
    Source,
    StepAction,
)
from plugins.eoffice.documents.services import incoming, outgoing
from plugins.eoffice.documents.services.common import TransitionError
from plugins.eoffice.exchange import receiving, sending
from plugins.eoffice.exchange.edxml.package import BusinessType
from plugins.eoffice.exchange.edxml.read import read
from plugins.eoffice.exchange.edxml.status import StatusCode
from plugins.eoffice.exchange.models import Direction, Envelope, EnvelopeKind, EnvelopeState
from tests.eoffice.conftest import ANNEX, SIGNED, pdf

pytestmark = pytest.mark.django_db



@pytest.fixture
def issued(issued_to_skh):
    return issued_to_skh


def _waiting(agency):
    return Envelope.objects.get(agency=agency, direction=Direction.IN,
                                kind=EnvelopeKind.DOCUMENT, business_type=BusinessType.NEW)


def _sent(document):
    return Envelope.objects.get(outgoing=document, direction=Direction.OUT,
                                kind=EnvelopeKind.DOCUMENT, business_type=BusinessType.NEW)


def test_R_EO_16_round_trip_identical_metadata_and_files(
        issued, staff, skh, registers, django_capture_on_commit_callbacks):
    """Export → import on another agency of the installation: the clerk accepts the package
    and the register holds the same number, date, type, trích yếu, signer, urgency, pages
    and the same files, byte for byte, with source "exchange"."""
    sent = _sent(issued)
    assert sent.state == EnvelopeState.SENT and sent.transport == "direct"
    envelope = _waiting(skh)
    assert envelope.state == EnvelopeState.WAITING
    assert not IncomingDocument.objects.filter(agency=skh).exists()  # the clerk decides
    sent.refresh_from_db()
    assert sent.status_code == StatusCode.RECEIVED  # acknowledged the same moment
    with django_capture_on_commit_callbacks(execute=True):
        registration = receiving.accept(staff["skh_clerk"], envelope, registers["skh_in"])
    received = registration.document
    assert (received.number_notation, received.issue_date, received.type_code,
            received.subject, received.urgency, received.page_count, received.signer_name,
            received.sender_name, received.sender_organ_id) == (
        issued.number_notation, issued.issue_date, issued.type_code, issued.subject,
        issued.urgency, issued.page_count, staff["director"].get_full_name(),
        issued.agency.name, issued.agency.organ_id)
    assert received.source == Source.EXCHANGE and received.arrival_number == 1
    assert received.sender_agency == issued.agency and received.from_outgoing == issued
    assert received.registered_by == staff["skh_clerk"]
    files = {f.name: f.file.read() for f in received.files.all()}
    assert files == {"quyet-dinh-ky.pdf": SIGNED, "phu-luc.pdf": ANNEX}
    sent.refresh_from_db()
    assert sent.status_code == StatusCode.ACCEPTED
    assert "01" in sent.status_note or "arrival number 01" in sent.status_note


def test_R_EO_16_statuses_follow_the_receivers_handling(
        issued, staff, skh, registers, units, django_capture_on_commit_callbacks):
    envelope = _waiting(skh)
    with django_capture_on_commit_callbacks(execute=True):
        received = receiving.accept(staff["skh_clerk"], envelope, registers["skh_in"]).document
        incoming.assign(staff["skh_director"], received, main=staff["skh_clerk"],
                        deadline_days=3, instruction="Tham mưu trả lời")
    sent = _sent(issued)
    assert sent.status_code == StatusCode.ASSIGNED
    with django_capture_on_commit_callbacks(execute=True):
        incoming.record_result(staff["skh_clerk"], received, "Đã báo cáo Giám đốc")
    sent.refresh_from_db()
    assert sent.status_code == StatusCode.COMPLETED
    codes = list(Envelope.objects.filter(agency=issued.agency, direction=Direction.IN,
                                         kind=EnvelopeKind.STATUS)
                 .order_by("status_at", "pk").values_list("status_code", flat=True))
    assert codes == ["01", "03", "04", "06"]


def test_R_EO_16_the_clerk_refuses_with_a_reason_the_sender_reads(
        issued, staff, skh, django_capture_on_commit_callbacks):
    envelope = _waiting(skh)
    with pytest.raises(TransitionError, match="reason"):
        receiving.refuse_package(staff["skh_clerk"], envelope, "  ")
    with django_capture_on_commit_callbacks(execute=True):
        receiving.refuse_package(staff["skh_clerk"], envelope,
                                 "Không thuộc thẩm quyền giải quyết của Sở")
    sent = _sent(issued)
    assert sent.status_code == StatusCode.REFUSED
    assert sent.status_note == "Không thuộc thẩm quyền giải quyết của Sở"
    with pytest.raises(TransitionError, match="no longer waiting"):
        receiving.accept(staff["skh_clerk"], envelope, None)
    assert not IncomingDocument.objects.filter(agency=skh).exists()


def test_R_EO_16_only_the_receivers_clerk_accepts(issued, staff, skh, registers):
    envelope = _waiting(skh)
    for person in ("clerk", "skh_director", "specialist"):
        with pytest.raises(TransitionError, match="clerk"):
            receiving.accept(staff[person], envelope, registers["skh_in"])
    envelope.refresh_from_db()
    assert envelope.state == EnvelopeState.WAITING
    assert not IncomingDocument.objects.filter(agency=skh).exists()


def test_R_EO_16_a_package_received_twice_is_one_envelope(issued, skh):
    envelope = _waiting(skh)
    data = envelope.package.read()
    again = receiving.receive(skh, data, "http")
    assert again.pk == envelope.pk
    assert Envelope.objects.filter(agency=skh, direction=Direction.IN,
                                   kind=EnvelopeKind.DOCUMENT).count() == 1


def test_R_EO_16_recall_withdraws_the_registered_copy_and_tells_its_people(
        issued, staff, skh, registers, django_capture_on_commit_callbacks, delivered):
    with django_capture_on_commit_callbacks(execute=True):
        received = receiving.accept(staff["skh_clerk"], _waiting(skh),
                                    registers["skh_in"]).document
    with django_capture_on_commit_callbacks(execute=True):
        outgoing.withdraw(staff["director"], issued, "Ban hành nhầm đối tượng")
    received.refresh_from_db()
    assert received.state == IncomingState.REVOKED
    assert received.files.count() == 0 and received.arrival_number == 1  # the row stays
    assert received.steps.last().action == StepAction.REVOKED
    assert "Ban hành nhầm đối tượng" in received.steps.last().note
    assert _waiting(skh).state == EnvelopeState.RECALLED
    recall = Envelope.objects.get(agency=issued.agency, direction=Direction.OUT,
                                  business_type=BusinessType.RECALL)
    assert recall.state == EnvelopeState.SENT
    mails = [m for m in delivered() if "vanthu.skh@example.test" in m.to]
    assert any("recalled" in m.subject.lower() for m in mails)


def test_R_EO_16_a_recall_before_acceptance_leaves_nothing_to_accept(
        issued, staff, skh, registers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outgoing.withdraw(staff["clerk"], issued, "Sai trích yếu")
    envelope = _waiting(skh)
    assert envelope.state == EnvelopeState.RECALLED
    with pytest.raises(TransitionError):
        receiving.accept(staff["skh_clerk"], envelope, registers["skh_in"])


def test_R_EO_16_a_recall_that_overtakes_its_document(issued, staff, skh):
    """Packages can arrive out of order: a recall first, then the document it recalls,
    which is then never offered to the clerk."""
    from plugins.eoffice.exchange.compose import organ_of, package_for
    from plugins.eoffice.exchange.edxml.build import build

    envelope = _waiting(skh)
    data = envelope.package.read()
    envelope.delete()
    recall = build(package_for(issued, [organ_of(skh)], business=BusinessType.RECALL,
                               reason="Thu hồi", with_files=False))
    assert receiving.receive(skh, recall, "folder").state == EnvelopeState.APPLIED
    assert receiving.receive(skh, data, "folder").state == EnvelopeState.RECALLED


def _package(issued, skh, **changes):
    from dataclasses import replace

    from plugins.eoffice.exchange.compose import organ_of, package_for
    from plugins.eoffice.exchange.edxml.build import build

    return build(replace(package_for(issued, [organ_of(skh)]), **changes))


def test_R_EO_16_an_update_changes_the_registered_document(
        issued, staff, skh, registers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        received = receiving.accept(staff["skh_clerk"], _waiting(skh),
                                    registers["skh_in"]).document
    corrected = "Quyết định phê duyệt danh mục 12 dự án kêu gọi đầu tư vào KCN Long Giang 2026"
    update = _package(issued, skh, business_type=BusinessType.UPDATE, subject=corrected,
                      business_reason="Sửa trích yếu", attachments=())
    envelope = receiving.receive(skh, update, "direct")
    assert envelope.state == EnvelopeState.APPLIED
    received.refresh_from_db()
    assert received.subject == corrected and received.files.count() == 2
    assert received.steps.last().action == StepAction.AMENDED
    assert "Sửa trích yếu" in received.steps.last().note
    # The same update again changes nothing more.
    assert receiving.receive(skh, update, "direct").pk == envelope.pk
    assert received.steps.filter(action=StepAction.AMENDED).count() == 1


def test_R_EO_16_a_replacement_withdraws_the_copy_and_waits_as_a_new_document(
        issued, staff, skh, registers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        received = receiving.accept(staff["skh_clerk"], _waiting(skh),
                                    registers["skh_in"]).document
    replacement = _package(issued, skh, business_type=BusinessType.REPLACE,
                           business_reason="Thay thế do sai số liệu")
    envelope = receiving.receive(skh, replacement, "direct")
    received.refresh_from_db()
    assert received.state == IncomingState.REVOKED
    assert envelope.state == EnvelopeState.WAITING
    with django_capture_on_commit_callbacks(execute=True):
        second = receiving.accept(staff["skh_clerk"], envelope, registers["skh_in"]).document
    assert second.arrival_number == 2 and second.state == IncomingState.REGISTERED


def test_R_EO_16_a_secret_document_is_refused_by_the_service(staff, bql, skh, registers):
    document = outgoing.create_draft(staff["specialist"], bql, secrecy="secret",
                                     subject="Báo cáo tình hình an ninh khu công nghiệp quý I",
                                     recipient_agencies=[skh])
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    document = outgoing.issue(staff["clerk"], document, register=registers["out_secret"],
                              signer=staff["director"])
    from plugins.eoffice.exchange.compose import organ_of

    with pytest.raises(TransitionError, match="secret"):
        sending.queue_document(document, [organ_of(skh)])
    assert not Envelope.objects.exists()
    assert document.steps.last().note.startswith("Secret")


def test_R_EO_16_an_agency_without_organ_id_is_delivered_directly(
        staff, bql, skh, registers, django_capture_on_commit_callbacks):
    """Without organ ids there is no edXML: the documents app's own delivery registers the
    document at once, as before the exchange was installed."""
    skh.organ_id = ""
    skh.save()
    document = outgoing.create_draft(staff["specialist"], bql, recipient_agencies=[skh],
                                     subject="Đề nghị góp ý dự án đầu tư nhà máy may Việt Tiến")
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    with django_capture_on_commit_callbacks(execute=True):
        outgoing.issue(staff["clerk"], document, register=registers["out"],
                       signer=staff["director"])
    assert IncomingDocument.objects.get(agency=skh).source == Source.ELECTRONIC
    assert not Envelope.objects.exists()


def test_R_EO_16_the_issued_document_keeps_state_after_sending(issued):
    issued.refresh_from_db()
    assert issued.state == OutgoingState.ISSUED
    package = read(_sent(issued).package.read())
    assert package.number_notation == issued.number_notation
    assert package.signer.competence.startswith("KT.")
    assert [a.name for a in package.attachments] == ["phu-luc.pdf", "quyet-dinh-ky.pdf"]


def test_pdf_helper_is_a_pdf():
    assert pdf().read().startswith(b"%PDF")


_ = datetime
