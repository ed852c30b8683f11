"""Citizens comment through the site (R-SITE-6): the form, the core's spam guards shared
with the citizens' questions, the window checked when the form arrives, the comment stored
first and its mails sent after commit through the core outbox (a mail failure loses
nothing)."""

import datetime

import pytest
import time_machine
from django.core import mail

from plugins.core.mail import deliver_due
from plugins.core.models import OutgoingMail
from plugins.public_consultation import services
from plugins.public_consultation.models import Comment, CommentStatus

from .conftest import FORM, NOW, days, open_form, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(make_consultation):
    return make_consultation("Dự thảo Quy chế quản lý Trang thông tin điện tử",
                             days(-1), NOW.replace(hour=17))


def test_a_comment_is_stored_pending_and_acknowledged_after_commit(
        client, page, django_capture_on_commit_callbacks, settings):
    """R-SITE-6: the comment is kept waiting for moderation, not shown yet; the sender gets
    an acknowledgement and the receiving address a copy with the sender's contacts."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = submit(client, page, on_commit=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Cảm ơn quý vị đã góp ý" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.name, comment.section, comment.status) == (
        FORM["name"], "Điều 9", CommentStatus.PENDING)
    assert comment.agency_id == page.agency_id
    assert FORM["text"] not in client.get(page.url).content.decode()  # not approved yet
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    acknowledgement = by_recipient[("hoa.tran@example.vn",)]
    assert "Đã nhận ý kiến góp ý" in acknowledgement.subject
    assert FORM["text"] in acknowledgement.body
    copy = by_recipient[("gopy@bqlkcn.example.vn",)]
    assert "0912 345 678" in copy.body and FORM["text"] in copy.body
    assert copy.reply_to == ["hoa.tran@example.vn"]


def test_a_mail_failure_does_not_lose_the_comment(client, page, settings,
                                                  django_capture_on_commit_callbacks):
    """R-SITE-6: with the mail server down the comment is saved, the citizen is thanked,
    and the mails wait in the outbox to be tried again."""
    settings.EMAIL_BACKEND = "tests.public_consultation.failing_mail.Backend"
    response = submit(client, page, on_commit=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert Comment.objects.count() == 1
    waiting = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 2
    assert all(row.attempts == 1 and "refused" in row.last_error for row in waiting)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(NOW + datetime.timedelta(minutes=2), tick=False):
        assert deliver_due() == 2


def test_a_form_sent_after_the_close_is_refused_and_nothing_is_stored(client, page):
    """R-SITE-6: the form opened at 16:59:50 and sent at 17:00:05 arrives after the close:
    refused with a message, nothing saved, no mail."""
    with time_machine.travel(NOW.replace(hour=16, minute=59, second=50), tick=False) as clock:
        token = open_form(client, page)
        clock.shift(15)
        response = client.post(page.url + "gop-y/", {**FORM, "token": token, "website": ""})
    assert response.status_code == 403
    assert "Đã hết thời gian lấy ý kiến" in response.content.decode()
    assert "chưa được lưu" in response.content.decode()
    assert not Comment.objects.exists() and not OutgoingMail.objects.exists()


def test_a_comment_before_the_window_is_refused(client, make_consultation):
    """R-SITE-6: a POST to a consultation not open yet stores nothing."""
    page = make_consultation("Dự thảo sắp lấy ý kiến", days(2), days(20))
    response = client.post(page.url + "gop-y/", {**FORM, "token": "x", "website": ""})
    assert response.status_code == 403
    assert "Chưa đến thời gian lấy ý kiến" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_service_checks_the_window_too(page):
    """R-SITE-6: whoever calls it, the service refuses a comment after the close."""
    with pytest.raises(services.Closed):
        services.receive(page, name="A", text="B", email="a@example.vn",
                         now=NOW.replace(hour=17))
    assert not Comment.objects.exists()


@pytest.mark.parametrize("changes, wait, message", [
    ({"website": "http://spam.example"}, 10, "Để trống ô ẩn"),
    ({}, 1, "quá nhanh"),
    ({}, 3 * 60 * 60, "hết hạn"),
    ({"token": "forged"}, 10, "không kiểm tra được"),
    ({"email": "", "phone": ""}, 10, "địa chỉ thư điện tử hoặc số điện thoại"),
    ({"phone": "gọi tôi"}, 10, "số điện thoại"),
    ({"text": ""}, 10, "bắt buộc"),
])
def test_spam_and_bad_input_are_refused(client, make_consultation, changes, wait, message):
    """R-SITE-6, R-SEC-2: the core's spam guards (honeypot, too fast, stale, forged token)
    and the form's checks refuse in Vietnamese; nothing is saved; the typed text is kept."""
    page = make_consultation("Dự thảo Quy định", days(-1), days(10))
    response = submit(client, page, wait=wait, **changes)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert not Comment.objects.exists() and not OutgoingMail.objects.exists()
    if changes.get("text") != "":
        assert FORM["text"] in html


def test_a_token_serves_once_and_an_address_is_limited(client, page):
    """R-SITE-6: a replayed form is refused; an address sends at most 5 comments an hour."""
    with time_machine.travel(NOW, tick=False) as clock:
        token = open_form(client, page)
        clock.shift(10)
        data = {**FORM, "token": token, "website": ""}
        assert client.post(page.url + "gop-y/", data).status_code == 200
        replay = client.post(page.url + "gop-y/", data)
        assert replay.status_code == 400 and "đã được gửi" in replay.content.decode()
        for _ in range(4):
            data["token"] = open_form(client, page)
            clock.shift(10)
            assert client.post(page.url + "gop-y/", data).status_code == 200
        data["token"] = open_form(client, page)
        clock.shift(10)
        limited = client.post(page.url + "gop-y/", data)
    assert limited.status_code == 429
    assert "quá nhiều ý kiến" in limited.content.decode().lower()
    assert Comment.objects.count() == 5


def test_a_get_of_the_form_address_leads_back_to_the_page(client, page):
    response = client.get(page.url + "gop-y/")
    assert response.status_code == 302 and response["Location"].endswith("#comment-form")


@pytest.mark.parametrize("changes", [
    {"text": "Ý kiến\x00có ký tự NUL"},
    {"name": "\u202eTên đảo chiều"},
    {"text": "x" * 6000},
    {"email": "không-phải-email"},
    {"section": "Đ" * 500},
])
def test_hostile_values_are_refused_without_a_server_error(client, make_consultation,
                                                           changes):
    """R-SEC-2: control characters, an oversized text, a broken email: a 400 with the form
    again, nothing stored."""
    client.raise_request_exception = False
    page = make_consultation("Dự thảo Quy định", days(-1), days(10))
    response = submit(client, page, **changes)
    assert response.status_code == 400
    assert not Comment.objects.exists()
