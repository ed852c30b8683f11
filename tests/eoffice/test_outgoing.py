"""The outgoing flow: draft → unit leader → director → clerk numbers and issues →
recipients of this installation receive it (R-EO-5…R-EO-8)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from plugins.eoffice.documents import versions
from plugins.eoffice.documents.models import (
    IncomingDocument,
    IncomingState,
    OutgoingDocument,
    OutgoingState,
    Secrecy,
    SigningPrefix,
    StepAction,
    Urgency,
)
from plugins.eoffice.documents.services import outgoing
from plugins.eoffice.documents.services.common import TransitionError
from tests.eoffice.conftest import pdf

pytestmark = pytest.mark.django_db

BODY = "Ban Quản lý đề nghị Sở Kế hoạch và Đầu tư cho ý kiến về dự án nhà máy may."


@pytest.fixture
def draft(staff, bql, units, skh):
    document = outgoing.create_draft(
        staff["specialist"], bql, subject="Đề nghị góp ý dự án đầu tư nhà máy may Việt Tiến",
        type_code="", body_text=BODY, recipient_agencies=[skh],
        external_recipients="UBND tỉnh Tiền Giang")
    return document


def _issue(staff, registers, document, **kwargs):
    kwargs.setdefault("signer", staff["director"])
    return outgoing.issue(staff["clerk"], document, register=registers["out"], **kwargs)


def _through_review(staff, document):
    outgoing.submit(staff["specialist"], document)
    outgoing.forward(staff["leader"], document)
    outgoing.approve(staff["director"], document)
    document.refresh_from_db()
    return document


def test_R_EO_6_draft_goes_to_the_unit_leader_then_the_director(staff, draft):
    with pytest.raises(TransitionError, match="author"):
        outgoing.submit(staff["colleague"], draft)
    outgoing.submit(staff["specialist"], draft)
    draft.refresh_from_db()
    assert draft.state == OutgoingState.UNIT_REVIEW
    with pytest.raises(TransitionError, match="Not possible while it is “With the"):
        outgoing.approve(staff["director"], draft)
    with pytest.raises(TransitionError, match="leader of the drafting unit"):
        outgoing.forward(staff["other_leader"], draft)
    outgoing.forward(staff["leader"], draft)
    with pytest.raises(TransitionError, match="director"):
        outgoing.approve(staff["leader"], draft)
    outgoing.approve(staff["director"], draft)
    draft.refresh_from_db()
    assert draft.state == OutgoingState.APPROVED
    assert [s.action for s in draft.steps.all()] == [
        StepAction.DRAFT, StepAction.SUBMIT, StepAction.FORWARD, StepAction.APPROVE]


def test_R_EO_6_a_unit_leaders_own_draft_goes_straight_to_the_director(staff, bql):
    document = outgoing.create_draft(staff["leader"], bql, subject="Báo cáo tình hình đầu tư "
                                     "quý I năm 2026 của các khu công nghiệp", type_code="BC")
    outgoing.submit(staff["leader"], document)
    document.refresh_from_db()
    assert document.state == OutgoingState.DIRECTOR_REVIEW


def test_R_EO_6_send_back_needs_a_reason(staff, draft):
    outgoing.submit(staff["specialist"], draft)
    with pytest.raises(TransitionError, match="reason"):
        outgoing.send_back(staff["leader"], draft, "")
    outgoing.send_back(staff["leader"], draft, "Bổ sung số liệu vốn đầu tư")
    draft.refresh_from_db()
    assert draft.state == OutgoingState.DRAFT and draft.review_due_at is None
    assert draft.steps.last().note == "Bổ sung số liệu vốn đầu tư"


def test_R_EO_7_each_review_step_is_due_in_three_working_days(staff, draft, bql):
    from plugins.core.calendar import OFFICE_TZ, WorkingCalendar

    outgoing.submit(staff["specialist"], draft)
    draft.refresh_from_db()
    today = timezone.now().astimezone(OFFICE_TZ).date()
    due_day = WorkingCalendar(bql).add_working_days(today, 3)
    local = draft.review_due_at.astimezone(OFFICE_TZ)
    assert local.date() == due_day and local.time() == bql.afternoon_end


def test_R_EO_7_an_urgent_draft_is_due_within_hours(staff, bql):
    document = outgoing.create_draft(staff["specialist"], bql, urgency=Urgency.URGENT,
                                     subject="Báo cáo khẩn về sự cố môi trường tại KCN Mỹ Tho")
    outgoing.submit(staff["specialist"], document)
    document.refresh_from_db()
    assert document.review_due_at - timezone.now() < datetime.timedelta(days=3)


def test_R_EO_8_each_reviewers_edits_are_kept_and_shown_per_reviewer(staff, draft):
    outgoing.submit(staff["specialist"], draft)
    with pytest.raises(TransitionError, match="reviewer"):
        outgoing.edit(staff["director"], draft, body_text="Sửa trước lượt")
    outgoing.edit(staff["leader"], draft, body_text=BODY.replace("cho ý kiến", "góp ý"))
    outgoing.forward(staff["leader"], draft)
    outgoing.edit(staff["director"], draft, body_text=BODY.replace("cho ý kiến", "góp ý")
                  .replace("nhà máy may", "nhà máy may mặc xuất khẩu"))
    changes = versions.by_reviewer(draft)
    assert list(changes) == [staff["leader"], staff["director"]]
    def words(pieces, kind):
        return " ".join(text.strip() for op, text in pieces if op == kind)

    leader_diff = changes[staff["leader"]][0].changes[0].pieces
    assert (words(leader_diff, "delete"), words(leader_diff, "insert")) == ("cho kiến", "góp")
    director_diff = changes[staff["director"]][0].changes[0].pieces
    assert (words(director_diff, "delete"), words(director_diff, "insert")) == (
        "", "mặc xuất khẩu")


def test_R_EO_6_clerk_numbers_issues_and_the_other_agency_receives_it(
        staff, registers, draft, skh, django_capture_on_commit_callbacks, delivered):
    """Without organ ids (or without the exchange app) the documents app delivers itself:
    the document is in the recipient's register at once (the exchange's way is in
    test_exchange.py)."""
    skh.organ_id = ""
    skh.save()
    document = _through_review(staff, draft)
    with pytest.raises(TransitionError, match="clerk"):
        _issue({**staff, "clerk": staff["director"]}, registers, document)
    with pytest.raises(TransitionError, match="outgoing register"):
        outgoing.issue(staff["clerk"], document, register=registers["skh_out"],
                       signer=staff["director"])
    with django_capture_on_commit_callbacks(execute=True):
        issued = _issue(staff, registers, document, signing_prefix=SigningPrefix.KT,
                        copies=5, signed_file=pdf("ban-ky.pdf"))
    assert issued.number == 1 and issued.number_notation == "01/BQL-QLĐT"
    assert issued.signer_title == "Trưởng ban" and issued.signing_prefix == "KT."
    received = IncomingDocument.objects.get(agency=skh)
    assert received.register == registers["skh_in"] and received.arrival_number == 1
    assert received.number_notation == "01/BQL-QLĐT" and received.sender_agency_id == \
        issued.agency_id
    assert received.state == IncomingState.REGISTERED and received.files.count() == 1
    assert received.from_outgoing == issued
    assert ["vanthu.skh@example.test"] in [m.to for m in delivered()]


def test_numbers_are_per_series(staff, registers, bql):
    def approved(**fields):
        document = outgoing.create_draft(staff["specialist"], bql, **fields)
        return _through_review(staff, document)

    first = _issue(staff, registers, approved(subject="Quyết định thành lập tổ công tác "
                                              "xúc tiến đầu tư năm 2026", type_code="QĐ"))
    second = _issue(staff, registers, approved(subject="Thông báo kết luận của Trưởng ban "
                                               "tại cuộc họp giao ban tháng 3", type_code="TB"))
    normative = _issue(staff, registers, approved(
        subject="Quy định quản lý khu công nghiệp trên địa bàn tỉnh", type_code="QĐ",
        is_normative=True))
    secret = _issue(staff, registers, approved(
        subject="Báo cáo về công tác bảo vệ bí mật nhà nước năm 2026", type_code="BC",
        secrecy=Secrecy.CONFIDENTIAL))
    assert (first.number_notation, second.number_notation) == ("01/QĐ-BQL", "02/TB-BQL")
    year = normative.issue_date.year
    assert normative.number_notation == f"01/{year}/QĐ-BQL"
    assert secret.number == 1 and secret.series == "secret"


def test_a_secret_document_is_never_sent_electronically(staff, registers, bql, skh):
    document = outgoing.create_draft(staff["specialist"], bql, secrecy=Secrecy.SECRET,
                                     subject="Báo cáo tình hình an ninh khu công nghiệp quý I",
                                     recipient_agencies=[skh])
    with pytest.raises(TransitionError, match="paper"):
        outgoing.attach(staff["specialist"], document, pdf())
    _issue(staff, registers, _through_review(staff, document))
    assert not IncomingDocument.objects.filter(agency=skh).exists()


def test_body_files_are_checked_by_content(staff, draft):
    with pytest.raises(TransitionError, match="DOCX|only"):
        outgoing.attach(staff["specialist"], draft, SimpleUploadedFile("du-thao.docx", b"MZ"))
    assert draft.files.count() == 0


def test_withdrawn_keeps_its_number(staff, registers, draft):
    issued = _issue(staff, registers, _through_review(staff, draft))
    with pytest.raises(TransitionError):
        outgoing.withdraw(staff["specialist"], issued, "Sai sót")
    outgoing.withdraw(staff["director"], issued, "Sai tên dự án")
    issued.refresh_from_db()
    assert issued.state == OutgoingState.WITHDRAWN and issued.number == 1
    assert OutgoingDocument.objects.get(pk=issued.pk).withdrawn_note == "Sai tên dự án"
