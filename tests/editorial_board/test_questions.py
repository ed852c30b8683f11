"""Citizens' questions: public form, spam guards, routing, answers, deadlines (R-ED-15)."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import NoReverseMatch, reverse
from django_q.models import Schedule

from plugins.core.demo_content import NATIONAL_DAYS
from plugins.core.models import DayOverride, Role, Unit
from plugins.editorial_board.models import (
    Question,
    QuestionIndexPage,
    QuestionSettings,
    QuestionStatus,
    SubjectArea,
)
from plugins.editorial_board.questions import services as questions

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 3, 9, 9, 0, tzinfo=TZ)  # a Monday


def at(*args):
    return datetime.datetime(*args, tzinfo=TZ)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def qa_page(agency):
    page = agency.site.root_page.add_child(instance=QuestionIndexPage(
        title="Hỏi đáp", slug="hoi-dap"))
    page.save_revision().publish()
    return page


@pytest.fixture
def labour(agency, units):
    return SubjectArea.objects.create(agency=agency, name="Lao động",
                                      default_unit=units.business)


FORM = {"name": "Trần Thị Hoa", "email": "hoa.tran@example.vn", "phone": "0912 345 678",
        "address": "Ấp Long Hòa, xã Long Định", "title": "Cấp giấy phép lao động",
        "text": "Doanh nghiệp cần hồ sơ gì để xin giấy phép lao động cho người nước ngoài?",
        "consent": "on"}


def open_form(client, page):
    html = client.get(page.url + "gui-cau-hoi/").content.decode()
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def submit(client, page, wait=10, **changes):
    """GET the form, wait ``wait`` seconds, POST it; returns the response."""
    with time_machine.travel(NOW, tick=False) as clock:
        token = open_form(client, page)
        clock.shift(wait)
        data = {**FORM, "token": token, "website": "", **changes}
        return client.post(page.url + "gui-cau-hoi/", {k: v for k, v in data.items()
                                                        if v is not None})


def ask(agency, subject_area=None, received=NOW, **fields):
    with time_machine.travel(received, tick=False):
        return questions.receive(agency, subject_area=subject_area,
                                 **{"name": "Lê Văn Tâm", "email": "tam@example.vn",
                                    "title": "Thời hạn nộp báo cáo môi trường",
                                    "text": "Xin hỏi thời hạn nộp báo cáo công tác bảo vệ môi "
                                            "trường năm?", **fields})


def test_the_form_gives_a_reference_and_routes_by_subject(client, qa_page, labour, board, staff,
                                                          delivered):
    """R-ED-15: a question by the form works without JavaScript, gets a reference code and
    goes to the subject's unit; the board and the unit are told."""
    delivered().clear()
    response = submit(client, qa_page, subject_area=str(labour.pk))
    html = response.content.decode()
    question = Question.objects.get()
    assert response.status_code == 200 and question.reference in html
    assert question.reference.startswith("BQL-2026-")
    assert question.status == QuestionStatus.ASSIGNED and question.unit.symbol == "QLDN"
    # Received Monday 9/3 → 7 working days → Wednesday 18/3, end of the office day.
    assert question.due_at == at(2026, 3, 18, 17, 0)
    assert "18/03/2026" in html
    recipients = {address for message in delivered() for address in message.to}
    assert staff.chief.email in recipients and staff.leader.email in recipients
    assert staff.other_leader.email not in recipients


def test_a_mail_server_that_is_down_never_loses_a_question(
        client, qa_page, labour, board, staff, settings, delivered,
        django_capture_on_commit_callbacks):
    """R-ED-15, R-SEC-3: with no mail server reachable the citizen still gets the reference
    code and the question is kept; the board's mail waits in the outbox and goes out once
    the server answers again."""
    from plugins.core.models import OutgoingMail

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, qa_page, subject_area=str(labour.pk))
    question = Question.objects.get()
    assert response.status_code == 200 and question.reference in response.content.decode()
    waiting = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert waiting.count() >= 2 and all(mail.attempts == 1 for mail in waiting)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    recipients = {address for message in delivered() for address in message.to}
    assert staff.chief.email in recipients and staff.leader.email in recipients


@pytest.mark.parametrize("changes, wait, message", [
    ({"website": "http://spam.example"}, 10, "Để trống ô ẩn"),
    ({}, 1, "quá nhanh"),
    ({}, 3 * 60 * 60, "hết hạn"),
    ({"token": "forged"}, 10, "không kiểm tra được"),
    ({"email": "", "phone": ""}, 10, "địa chỉ thư điện tử hoặc số điện thoại"),
    ({"consent": None}, 10, "đồng ý"),
    ({"phone": "gọi tôi"}, 10, "số điện thoại"),
])
def test_spam_and_bad_input_are_refused_in_vietnamese(client, qa_page, changes, wait, message):
    """R-ED-15: honeypot, too fast, stale, forged token, missing contact: clear Vietnamese
    messages, nothing saved, the typed text kept."""
    response = submit(client, qa_page, wait=wait, **changes)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert Question.objects.count() == 0
    assert FORM["text"] in html


def test_a_token_is_accepted_once_and_an_address_is_rate_limited(client, qa_page):
    """R-ED-15: a replayed form is refused; more than 5 questions an hour from one address
    are refused."""
    with time_machine.travel(NOW, tick=False) as clock:
        token = open_form(client, qa_page)
        clock.shift(10)
        data = {**FORM, "token": token, "website": ""}
        assert "BQL-2026-" in client.post(qa_page.url + "gui-cau-hoi/", data).content.decode()
        again = client.post(qa_page.url + "gui-cau-hoi/", data).content.decode()
        assert "đã được gửi" in again
        for _ in range(4):
            data["token"] = open_form(client, qa_page)
            clock.shift(10)
            client.post(qa_page.url + "gui-cau-hoi/", data)
        assert Question.objects.count() == 5
        data["token"] = open_form(client, qa_page)
        clock.shift(10)
        refused = client.post(qa_page.url + "gui-cau-hoi/", data).content.decode()
    assert "Quá nhiều câu hỏi" in refused and Question.objects.count() == 5


def test_due_time_spans_tet_and_follows_the_agency_setting(agency):
    """R-ED-15 with the core calendar: received Thursday 12/2/2026 → Friday 13/2 is day 1,
    Tết 14–22/2 and the weekends are skipped, day 7 is Monday 2/3; an agency may give 3
    working days instead of 7 (13/2, 23/2, 24/2)."""
    for day, kind, reason in NATIONAL_DAYS:
        DayOverride.objects.create(date=day, kind=kind, reason=reason)
    received = at(2026, 2, 12, 15, 0)
    assert questions.compute_due(agency, received) == at(2026, 3, 2, 17, 0)
    QuestionSettings.objects.create(agency=agency, answer_working_days=3)
    assert questions.compute_due(agency, received) == at(2026, 2, 24, 17, 0)


def test_the_whole_way_to_publication(agency, units, board, staff, labour, delivered):
    """R-ED-15: the board routes, the unit answers, the board publishes; the questioner
    gets the answer by email; every step is in the history with who did it."""
    question = ask(agency)
    assert question.status == QuestionStatus.RECEIVED
    with pytest.raises(PermissionDenied):
        questions.assign(question, units.business, staff.author)  # not on the board
    questions.assign(question, units.business, staff.member)
    with pytest.raises(PermissionDenied):
        questions.answer(question, "Trả lời", staff.other_leader)  # another unit's leader
    with pytest.raises(ValidationError):
        questions.decide(question, staff.chief, publish=True)  # nothing answered yet
    with pytest.raises(ValidationError, match="Viết nội dung trả lời"):
        questions.answer(question, "  ", staff.author)
    questions.answer(question, "Chậm nhất ngày 31 tháng 01 năm sau.", staff.author)
    with pytest.raises(PermissionDenied):
        questions.decide(question, staff.author, publish=True)  # the unit cannot publish
    delivered().clear()
    question = questions.decide(question, staff.member, publish=True)
    assert question.status == QuestionStatus.PUBLISHED and question.published_at
    assert delivered()[-1].to == ["tam@example.vn"]
    assert "Chậm nhất ngày 31 tháng 01 năm sau." in delivered()[-1].body
    history = list(question.history.order_by("history_date"))
    assert [entry.status for entry in history] == ["received", "assigned", "answered",
                                                   "published"]
    assert [entry.history_user for entry in history[1:]] == [staff.member, staff.author,
                                                             staff.member]


def test_reject_needs_a_reason_and_send_back_returns_to_the_unit(agency, units, board, staff,
                                                                 labour):
    """R-ED-15: spam or out-of-scope questions are rejected with a reason; the board may
    send an answer back to the unit."""
    spam = ask(agency, title="Mua thuốc giảm cân giá rẻ")
    with pytest.raises(ValidationError):
        questions.reject(spam, "", staff.member)
    spam = questions.reject(spam, "Quảng cáo, không thuộc thẩm quyền", staff.member)
    assert spam.status == QuestionStatus.REJECTED
    with pytest.raises(ValidationError):
        questions.assign(spam, units.business, staff.member)
    question = ask(agency, subject_area=labour)
    questions.answer(question, "Nộp tại Bộ phận một cửa.", staff.leader)
    question = questions.send_back(question, "Ghi rõ thành phần hồ sơ.", staff.chief)
    assert question.status == QuestionStatus.ASSIGNED
    questions.decide(questions.answer(question, "Hồ sơ gồm: …", staff.author), staff.chief,
                     publish=False)
    question.refresh_from_db()
    assert question.status == QuestionStatus.CLOSED and question.published_at is None


def test_reminders_like_the_publication_deadlines(agency, units, board, staff, labour, delivered):
    """R-ED-15: before, at and after the due time, once each, to the unit (and the board
    from the due time on); none once the unit has answered."""
    question = ask(agency, subject_area=labour)
    stages = {s.name.rsplit(":", 1)[1]: s.next_run for s in Schedule.objects.filter(
        name__startswith=f"editorial:question:{question.pk}:")}
    assert stages == {"before": at(2026, 3, 18, 15, 0), "due": at(2026, 3, 18, 17, 0),
                      "overdue": at(2026, 3, 19, 17, 0)}
    delivered().clear()
    assert questions.send_reminder(question.pk, "before", now=at(2026, 3, 18, 9)) == 0
    assert questions.send_reminder(question.pk, "before", now=at(2026, 3, 18, 15, 1)) >= 2
    before = {address for message in delivered() for address in message.to}
    assert staff.leader.email in before and staff.author.email in before
    assert staff.chief.email not in before
    assert questions.send_reminder(question.pk, "before", now=at(2026, 3, 18, 15, 2)) == 0
    delivered().clear()
    questions.send_reminder(question.pk, "due", now=at(2026, 3, 18, 17, 1))
    assert staff.chief.email in {a for message in delivered() for a in message.to}
    questions.answer(question, "Đã trả lời.", staff.leader)
    assert not Schedule.objects.filter(name__startswith=f"editorial:question:{question.pk}:")
    assert questions.send_reminder(question.pk, "overdue", now=at(2026, 3, 20, 9)) == 0


def test_a_unit_sees_only_its_questions_and_another_agency_none(
        client, agency, units, board, staff, labour, make_agency, make_staff):
    """R-ED-15: a unit sees the questions routed to it; the board sees all; another agency
    sees nothing, not even by address."""
    ours = ask(agency, subject_area=labour, title="Câu hỏi về lao động")
    other_unit = ask(agency, title="Câu hỏi chưa phân công")
    client.force_login(staff.author)
    html = client.get(reverse("editorial_board_question:index")).content.decode()
    assert "Câu hỏi về lao động" in html and "Câu hỏi chưa phân công" not in html
    assert client.get(reverse("editorial_board_question:edit", args=[other_unit.pk])).status_code \
        == 404
    client.force_login(staff.other_leader)
    assert client.get(reverse("editorial_board_question:edit", args=[ours.pk])).status_code == 404
    client.force_login(staff.member)
    html = client.get(reverse("editorial_board_question:index")).content.decode()
    assert "Câu hỏi về lao động" in html and "Câu hỏi chưa phân công" in html
    staff.editor.is_superuser = True
    staff.editor.save()
    client.force_login(staff.editor)
    assert client.get(reverse("editorial_board_question:index")).status_code == 200
    stranger_agency = make_agency("SKH", own_home=True)
    Unit.objects.create(agency=stranger_agency, name="Văn phòng Sở")
    stranger = make_staff("giamdocso", stranger_agency, Role.AGENCY_LEADER)
    client.force_login(stranger)
    assert "Câu hỏi về lao động" not in client.get(
        reverse("editorial_board_question:index")).content.decode()
    assert client.get(reverse("editorial_board_question:edit", args=[ours.pk])).status_code == 404


def test_processing_screen_takes_each_step(client, agency, units, board, staff):
    """R-ED-15: the admin screen routes, answers and publishes; a refused step says why."""
    question = ask(agency)
    url = reverse("editorial_board_question:edit", args=[question.pk])
    client.force_login(staff.member)
    client.post(url, {"action": "assign", "unit": units.business.pk})
    client.force_login(staff.author)
    html = client.get(url).content.decode()
    assert 'value="publish"' not in html and 'value="answer"' in html
    client.post(url, {"action": "answer", "answer": "Thời hạn là ngày 31/01."})
    response = client.post(url, {"action": "publish"}, follow=True)
    assert "Bạn không được" in response.content.decode()
    client.force_login(staff.chief)
    client.post(url, {"action": "publish", "answer": "Thời hạn nộp là ngày 31/01 năm sau."})
    question.refresh_from_db()
    assert question.status == QuestionStatus.PUBLISHED
    assert question.answer == "Thời hạn nộp là ngày 31/01 năm sau."
    with pytest.raises(NoReverseMatch):  # questions come from citizens only
        reverse("editorial_board_question:add")


def _published(agency, staff, labour, title, text="Nội dung câu hỏi"):
    question = ask(agency, subject_area=labour, title=title, text=text)
    questions.answer(question, "Nội dung trả lời.", staff.leader)
    return questions.decide(question, staff.chief, publish=True)


def test_citizens_see_only_published_answers_without_contacts(client, qa_page, agency, staff,
                                                              board, labour):
    """R-ED-15: only published Q&A are listed or opened; the questioner's name, email,
    phone and address never appear; unpublished questions stay hidden, also in search."""
    published = _published(agency, staff, labour, "Cấp giấy phép lao động cho người nước ngoài")
    waiting = ask(agency, subject_area=labour, title="Đất đai khu công nghiệp Tân Hương")
    html = client.get(qa_page.url).content.decode()
    assert "Cấp giấy phép lao động cho người nước ngoài" in html
    assert "Đất đai khu công nghiệp" not in html
    for private in ("Lê Văn Tâm", "tam@example.vn"):
        assert private not in html
    detail = client.get(qa_page.url + f"cau-hoi/{published.pk}/").content.decode()
    assert "Nội dung trả lời." in detail and "tam@example.vn" not in detail
    assert "Lê Văn Tâm" not in detail
    assert client.get(qa_page.url + f"cau-hoi/{waiting.pk}/").status_code == 404
    found = client.get(qa_page.url, {"q": "dat dai tan huong"}).content.decode()
    assert "Đất đai khu công nghiệp" not in found


def test_search_ignores_accents(client, qa_page, agency, staff, board, labour):
    """R-ED-15: "giay phep lao dong" finds "giấy phép lao động"; "đ" is folded too."""
    _published(agency, staff, labour, "Cấp giấy phép lao động cho người nước ngoài")
    _published(agency, staff, labour, "Đăng ký nội quy lao động")
    html = client.get(qa_page.url, {"q": "giay phep lao dong"}).content.decode()
    assert "Cấp giấy phép lao động" in html and "Đăng ký nội quy" not in html
    html = client.get(qa_page.url, {"q": "dang ky noi quy"}).content.decode()
    assert "Đăng ký nội quy lao động" in html


@pytest.mark.parametrize("count", [2, 14])
def test_public_list_in_constant_queries_with_pages(client, qa_page, agency, staff, board,
                                                    labour, django_assert_max_num_queries,
                                                    count):
    """R-ED-15: the list costs the same queries for 2 or 14 answers; 10 a page."""
    for index in range(count):
        _published(agency, staff, labour, f"Câu hỏi số {index + 1} về lao động")
    client.get(qa_page.url)
    with django_assert_max_num_queries(12):
        html = client.get(qa_page.url).content.decode()
    assert html.count('class="qa-meta"') == min(count, 10)
    with django_assert_max_num_queries(14):
        found = client.get(qa_page.url, {"q": "lao dong"}).content.decode()
    assert found.count('class="qa-meta"') == min(count, 10)
    if count > 10:
        assert "Câu hỏi số 1 về" in client.get(qa_page.url, {"page": 2}).content.decode()


@pytest.mark.parametrize("count", [2, 12])
def test_overdue_report_in_constant_queries(client, agency, staff, board, labour,
                                            django_assert_max_num_queries, count):
    """R-ED-15: the answer-deadline report lists late questions, exports ODS/XLSX, and
    costs the same queries for 2 or 12 questions."""
    for index in range(count):
        ask(agency, subject_area=labour, title=f"Câu hỏi quá hạn {index}",
            received=at(2026, 1, 5, 9, 0))
    client.force_login(staff.chief)
    with time_machine.travel(NOW, tick=False):
        client.get(reverse("editorial_board:question_deadlines"))
        with django_assert_max_num_queries(40):
            html = client.get(reverse("editorial_board:question_deadlines"),
                              {"late_only": "true"}).content.decode()
        assert html.count("Câu hỏi quá hạn") == count and "Quá hạn" in html
        ods = client.get(reverse("editorial_board:question_deadlines"), {"export": "ods"})
        assert ods["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
        assert client.get(reverse("editorial_board:question_deadlines"),
                          {"export": "xlsx"}).status_code == 200


@pytest.mark.cross_plugin("portal")  # the demo places the page on the reference site
def test_demo_shows_answered_questions_at_hoi_dap(client, demo):
    """R-ED-15: `load_demo` puts /hoi-dap/ on the agency's site with published answers only."""
    page = QuestionIndexPage.objects.get()
    assert page.url_path.endswith("/hoi-dap/")
    html = client.get(page.url, HTTP_HOST=page.get_site().hostname).content.decode()
    assert "Thủ tục cấp giấy phép lao động cho người nước ngoài" in html
    assert "Lắp đặt biển quảng cáo" not in html and "Vay vốn" not in html
    assert Question.objects.filter(status=QuestionStatus.ANSWERED).exists()


def _lookup(client, page, reference, contact):
    response = client.post(page.url + "tra-cuu/", {"reference": reference, "contact": contact})
    assert response.status_code == 200
    return response.content.decode()


NO_MATCH = "Không có câu hỏi nào khớp với mã tra cứu và thông tin liên hệ này."


def test_the_questioner_follows_a_question_by_code_and_contact(
        client, qa_page, agency, units, board, staff, labour, make_agency):
    """R-ED-15: with the reference code and the email or phone given when asking, the
    questioner sees the state and the due date; the answer only once the board approved it
    (published or not); a rejection's reason. A wrong contact, a wrong code or another
    agency's code give one message and show nothing."""
    question = ask(agency, subject_area=labour, phone="0912 345 678")
    html = _lookup(client, qa_page, question.reference.lower(), " TAM@example.vn ")
    assert question.title in html and "Đã chuyển đơn vị xử lý" in html  # routed by subject
    assert question.due_at.astimezone(TZ).strftime("%d/%m/%Y") in html
    assert "tra-cuu/" in client.get(qa_page.url).content.decode()  # linked from the list
    questions.answer(question, "Nộp báo cáo trước ngày 31/01.", staff.leader)
    html = _lookup(client, qa_page, question.reference, "(0912) 345-678")  # the phone
    assert "Ban biên tập xem xét" in html and "Nộp báo cáo trước ngày 31/01." not in html
    questions.decide(question, staff.chief, publish=False)
    html = _lookup(client, qa_page, question.reference, "tam@example.vn")
    assert "Nộp báo cáo trước ngày 31/01." in html and "Đã trả lời, không đăng tải" in html
    spam = ask(agency, email="x@example.vn", title="Mua thuốc giá rẻ")
    assert "Đã tiếp nhận, chờ phân công" in _lookup(client, qa_page, spam.reference,
                                                     "x@example.vn")
    spam = questions.reject(spam, "Quảng cáo", staff.member)
    assert "Quảng cáo" in _lookup(client, qa_page, spam.reference, "x@example.vn")

    for reference, contact in [(question.reference, "khac@example.vn"),
                               (question.reference, "0999 999 999"),
                               ("BQL-2026-XXXXXX", "tam@example.vn")]:
        html = _lookup(client, qa_page, reference, contact)
        assert NO_MATCH in html and question.title not in html
    other = ask(make_agency("SKH", own_home=True), title="Câu hỏi gửi Sở")
    html = _lookup(client, qa_page, other.reference, "tam@example.vn")
    assert NO_MATCH in html and "Câu hỏi gửi Sở" not in html


def test_guessing_lookups_are_limited_per_address(client, qa_page, agency):
    """R-ED-15: after 20 unsuccessful lookups in an hour an address is refused, even with
    the right code and contact, and the contact never travels in a URL."""
    question = ask(agency)
    assert client.get(qa_page.url + "tra-cuu/", {"contact": "tam@example.vn"}).content.decode(
        ).count("tam@example.vn") == 0  # GET shows the form only
    for _ in range(20):
        assert NO_MATCH in _lookup(client, qa_page, question.reference, "doan@example.vn")
    html = _lookup(client, qa_page, question.reference, "wrong@example.vn")
    assert "Có quá nhiều lượt tra cứu" in html
