"""Mail is kept until it goes out (R-SEC-3): a mail server that is down delays a mail and
never loses it nor the record it is about; a rolled-back record sends nothing."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from plugins.core.mail import DELIVER_DUE_FUNC, RETRY_AFTER, deliver, deliver_due, queue_mail
from plugins.core.models import OutgoingMail

pytestmark = pytest.mark.django_db

# Nothing listens on the discard port here: the connection is refused at once.
DOWN = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": 9, "EMAIL_TIMEOUT": 2}
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def test_mail_goes_out_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail("a@example.vn", "Tiêu đề\n dài", "Nội dung")
        assert mail.outbox == []  # not before the commit
    assert [(m.subject, m.to) for m in mail.outbox] == [("Tiêu đề dài", ["a@example.vn"])]
    assert OutgoingMail.objects.get().sent_at is not None


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                queue_mail("a@example.vn", "Không gửi", "…")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == [] and not OutgoingMail.objects.exists()


def test_a_server_that_is_down_delays_the_mail_and_it_is_retried(
        settings, django_capture_on_commit_callbacks):
    for name, value in DOWN.items():
        setattr(settings, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        queued = queue_mail(["a@example.vn", "b@example.vn"], "Nhắc hạn", "…")
    queued.refresh_from_db()
    assert queued.sent_at is None and queued.attempts == 1
    assert "ConnectionRefused" in queued.last_error
    first_retry = queued.next_attempt_at
    assert first_retry - timezone.now() <= datetime.timedelta(minutes=RETRY_AFTER[0])
    assert deliver_due() == 0  # not due yet: nothing is tried
    settings.EMAIL_BACKEND = LOCMEM
    assert deliver_due(now=first_retry + datetime.timedelta(seconds=1)) == 1
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.attempts == 2 and queued.last_error == ""
    assert [m.to for m in mail.outbox] == [["a@example.vn", "b@example.vn"]]


def test_a_mail_is_given_up_after_the_last_retry_and_kept(settings):
    for name, value in DOWN.items():
        setattr(settings, name, value)
    queued = queue_mail("a@example.vn", "Không tới", "…")
    now = timezone.now()
    for _ in range(len(RETRY_AFTER) + 1):
        queued.refresh_from_db()
        now = queued.next_attempt_at
        deliver(queued.pk, now=now)
    queued.refresh_from_db()
    assert queued.given_up and queued.attempts == len(RETRY_AFTER) + 1
    assert deliver_due(now=now + datetime.timedelta(days=30)) == 0
    assert OutgoingMail.objects.filter(pk=queued.pk).exists()


def test_two_workers_never_send_one_mail_twice():
    queued = queue_mail("a@example.vn", "Một lần", "…")
    now = timezone.now()
    OutgoingMail.objects.filter(pk=queued.pk).update(claimed_until=now + datetime.timedelta(
        minutes=1))  # another worker is sending it
    assert deliver(queued.pk, now=now) is False and mail.outbox == []
    assert deliver(queued.pk, now=now + datetime.timedelta(minutes=2)) is True
    assert deliver(queued.pk, now=now + datetime.timedelta(minutes=3)) is False
    assert len(mail.outbox) == 1


def test_sent_mail_is_purged_after_a_week_and_the_schedule_exists():
    from django_q.models import Schedule

    queued = queue_mail("a@example.vn", "Cũ", "…")
    deliver(queued.pk)
    deliver_due(now=timezone.now() + datetime.timedelta(days=8))
    assert not OutgoingMail.objects.exists()
    assert Schedule.objects.filter(func=DELIVER_DUE_FUNC, schedule_type=Schedule.MINUTES,
                                   minutes=1).exists()
