"""The incoming flow: register → assign → reassign → result → file; recall, return, reply
(R-EO-2, R-EO-3, R-EO-4, R-EO-5). Each refused step says why and changes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from plugins.eoffice.documents.models import (
    Assignment,
    AssignmentRole,
    IncomingDocument,
    IncomingState,
    OutgoingState,
    Secrecy,
    StepAction,
    Urgency,
)
from plugins.eoffice.documents.services import dossiers, incoming
from plugins.eoffice.documents.services.common import TransitionError
from tests.eoffice.conftest import incoming_fields, pdf

pytestmark = pytest.mark.django_db


def _unchanged(document):
    before = (document.state, document.assignments.count(), document.steps.count())

    def check():
        fresh = IncomingDocument.objects.get(pk=document.pk)
        assert (fresh.state, fresh.assignments.count(), fresh.steps.count()) == before
    return check


def test_R_EO_2_clerk_registers_with_gap_free_arrival_numbers(staff, registers):
    first = incoming.register(staff["clerk"], registers["in"], **incoming_fields(),
                              files=[pdf()]).document
    second = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
        number_notation="12/sxd-qlxd", sender_name="Sở Xây dựng")).document
    assert (first.arrival_number, second.arrival_number) == (1, 2)
    assert second.number_notation == "12/SXD-QLXD"
    assert first.state == IncomingState.REGISTERED
    assert first.files.count() == 1
    assert [s.action for s in first.steps.all()] == [StepAction.REGISTER]
    assert first.history.first().history_user == staff["clerk"]


def test_R_EO_2_a_generic_summary_is_warned(staff, registers):
    registration = incoming.register(staff["clerk"], registers["in"],
                                     **incoming_fields(subject="V/v mời họp"))
    assert registration.warnings
    assert "too general" in registration.warnings[0]
    assert incoming.subject_warnings(incoming_fields()["subject"]) == []


def test_R_EO_2_the_same_document_is_flagged_not_registered_twice(staff, registers, registered):
    with pytest.raises(incoming.DuplicateDocument) as refused:
        incoming.register(staff["clerk"], registers["in"], **incoming_fields(
            number_notation="125 / gm - ubnd", sender_name="ubnd tinh tien giang".upper()))
    assert refused.value.existing == registered
    assert "already registered" in refused.value.message
    assert IncomingDocument.objects.count() == 1


def test_R_EO_2_only_a_clerk_of_the_agency_registers(staff, registers):
    for who in ("specialist", "director", "skh_clerk"):
        with pytest.raises(TransitionError):
            incoming.register(staff[who], registers["in"], **incoming_fields())
    assert IncomingDocument.objects.count() == 0


def test_a_secret_document_has_no_file_and_goes_to_a_secret_register(staff, registers):
    with pytest.raises(TransitionError, match="never attach"):
        incoming.register(staff["clerk"], registers["in_secret"], **incoming_fields(
            secrecy=Secrecy.CONFIDENTIAL), files=[pdf()])
    with pytest.raises(TransitionError, match="secret register"):
        incoming.register(staff["clerk"], registers["in"], **incoming_fields(
            secrecy=Secrecy.CONFIDENTIAL))
    document = incoming.register(staff["clerk"], registers["in_secret"], **incoming_fields(
        secrecy=Secrecy.CONFIDENTIAL)).document
    assert document.arrival_number == 1 and document.files.count() == 0


def test_a_renamed_program_is_refused_as_a_scan(staff, registers):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(TransitionError, match="not really a PDF"):
        incoming.register(staff["clerk"], registers["in"], **incoming_fields(), files=[fake])
    assert IncomingDocument.objects.count() == 0


def test_R_EO_3_director_assigns_one_main_handler_with_a_working_day_deadline(
        staff, units, registered):
    made = incoming.assign(staff["director"], registered, main=units["investment"],
                           co=[units["office"]], info=[staff["outsider"]], deadline_days=5,
                           instruction="Phòng QLĐT chủ trì, tham mưu trả lời.")
    registered.refresh_from_db()
    assert registered.state == IncomingState.ASSIGNED
    assert [a.role for a in made] == [AssignmentRole.MAIN, AssignmentRole.CO,
                                      AssignmentRole.INFO]
    assert registered.deadline is not None and registered.deadline.weekday() < 5
    assert made[2].deadline is None
    assert "Phòng QLĐT chủ trì" in registered.steps.last().note


def test_R_EO_3_assigning_is_the_directors_and_needs_one_main_handler(staff, units, registered):
    check = _unchanged(registered)
    for who in ("clerk", "leader", "skh_director"):
        with pytest.raises(TransitionError, match="director"):
            incoming.assign(staff[who], registered, main=units["investment"])
    with pytest.raises(TransitionError, match="main handler"):
        incoming.assign(staff["director"], registered, main=None)
    with pytest.raises(TransitionError, match="twice"):
        incoming.assign(staff["director"], registered, main=units["investment"],
                        co=[units["investment"]])
    with pytest.raises(TransitionError, match="not a unit of"):
        incoming.assign(staff["director"], registered, main=units["skh_office"])
    check()


def test_R_EO_3_unit_leader_reassigns_inside_the_unit_only(staff, units, registered):
    incoming.assign(staff["director"], registered, main=units["investment"], deadline_days=5)
    with pytest.raises(TransitionError, match="leader of the unit"):
        incoming.reassign(staff["other_leader"], registered, staff["outsider"])
    with pytest.raises(TransitionError, match="does not work in"):
        incoming.reassign(staff["leader"], registered, staff["outsider"])
    incoming.reassign(staff["leader"], registered, staff["specialist"], co=[staff["colleague"]],
                      instruction="Đ/c Diễm xử lý.")
    mains = Assignment.objects.filter(document=registered, role=AssignmentRole.MAIN,
                                      is_active=True)
    assert [a.person for a in mains] == [staff["specialist"]]
    assert incoming.is_handler(staff["specialist"], incoming.main_assignment(registered))


def test_R_EO_4_handler_records_the_result_and_files_it_for_good(staff, units, registered,
                                                                 dossier):
    incoming.assign(staff["director"], registered, main=staff["specialist"])
    with pytest.raises(TransitionError, match="main handler"):
        incoming.record_result(staff["colleague"], registered, "Đã xử lý")
    with pytest.raises(TransitionError, match="reason"):
        incoming.record_result(staff["specialist"], registered, "  ")
    incoming.record_result(staff["specialist"], registered, "Đã tham mưu văn bản trả lời.")
    incoming.file_into(staff["specialist"], registered, dossier)
    registered.refresh_from_db()
    assert registered.state == IncomingState.FILED and registered.dossier == dossier
    registered.dossier = None
    with pytest.raises(ValidationError, match="cannot be removed"):
        registered.save()
    registered.refresh_from_db()
    assert registered.dossier == dossier


def test_R_EO_4_a_closed_dossier_takes_nothing_and_its_documents_are_read_only(
        staff, units, registered, dossier):
    incoming.assign(staff["director"], registered, main=staff["specialist"])
    incoming.record_result(staff["specialist"], registered, "Xong.")
    incoming.file_into(staff["specialist"], registered, dossier)
    with pytest.raises(TransitionError, match="keeper"):
        dossiers.close(staff["specialist"], dossier)
    dossiers.close(staff["leader"], dossier)
    registered.refresh_from_db()
    registered.subject = "Sửa sau khi đóng hồ sơ"
    with pytest.raises(ValidationError, match="closed"):
        registered.save()


def test_recall_and_return_need_a_reason_and_take_the_document_back(staff, units, registered):
    incoming.assign(staff["director"], registered, main=units["investment"])
    with pytest.raises(TransitionError, match="reason"):
        incoming.recall(staff["director"], registered, "")
    with pytest.raises(TransitionError, match="director"):
        incoming.recall(staff["leader"], registered, "Giao nhầm")
    incoming.recall(staff["director"], registered, "Giao nhầm phòng")
    registered.refresh_from_db()
    assert registered.state == IncomingState.REGISTERED
    assert not registered.assignments.filter(is_active=True).exists()
    incoming.assign(staff["director"], registered, main=units["investment"])
    with pytest.raises(TransitionError):
        incoming.return_to_clerk(staff["specialist"], registered, "Thiếu trang")
    incoming.return_to_clerk(staff["leader"], registered, "Thiếu trang 3")
    registered.refresh_from_db()
    assert registered.state == IncomingState.RETURNED
    with pytest.raises(TransitionError, match="clerk"):
        incoming.resubmit(staff["director"], registered)
    incoming.resubmit(staff["clerk"], registered, "Đã bổ sung trang 3")
    registered.refresh_from_db()
    assert registered.state == IncomingState.REGISTERED
    assert [s.action for s in registered.steps.all()] == [
        StepAction.REGISTER, StepAction.ASSIGN, StepAction.RECALL, StepAction.ASSIGN,
        StepAction.RETURN, StepAction.RESUBMIT]


def test_R_EO_5_reply_starts_a_linked_outgoing_draft(staff, units, registered):
    incoming.assign(staff["director"], registered, main=staff["specialist"])
    with pytest.raises(TransitionError, match="handlers"):
        incoming.reply(staff["outsider"], registered)
    draft = incoming.reply(staff["specialist"], registered)
    assert draft.in_reply_to == registered
    assert draft.state == OutgoingState.DRAFT
    assert draft.drafting_unit == units["investment"]
    assert registered.number_notation in draft.subject
    assert registered.steps.last().action == StepAction.REPLY


def test_urgent_documents_are_mailed_at_once(staff, units, registers, delivered,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
            urgency=Urgency.FLASH)).document
    with django_capture_on_commit_callbacks(execute=True):
        incoming.assign(staff["director"], document, main=units["investment"])
    sent = delivered()
    assert [m.to for m in sent] == [["truongban@example.test"], ["truongphong@example.test"]]
    assert "125/GM-UBND" in sent[0].subject


def test_arrival_year_follows_the_arrival_date(staff, registers):
    from django.utils import timezone

    arrived = timezone.now() - datetime.timedelta(days=400)
    old = incoming.register(staff["clerk"], registers["in"], **incoming_fields(
        arrived_at=arrived, number_notation="01/UBND-VP"), as_of=arrived).document
    new = incoming.register(staff["clerk"], registers["in"], **incoming_fields()).document
    assert (old.arrival_number, new.arrival_number) == (1, 1)
    assert old.year != new.year
