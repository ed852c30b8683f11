"""The every-minute job of the consultations (R-SITE-6): once a window has closed, the
drafter and the receiving address are told, once, through the core outbox after commit."""

import datetime

import pytest
import time_machine
from django.core import mail
from django_q.models import Schedule

from plugins.core.models import OutgoingMail
from plugins.public_consultation import services
from plugins.public_consultation.models import CommentStatus

from .conftest import NOW, add_comment, days

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafter(django_user_model):
    return django_user_model.objects.create_user("soanthao", "soanthao@bqlkcn.example.vn",
                                                 "x-2026-pw")


def test_the_close_is_announced_once_to_the_drafter_and_the_address(
        make_consultation, drafter, settings, django_capture_on_commit_callbacks):
    """R-SITE-6: after the close, one mail to the page's owner and the receiving address
    with the counts to moderate; the next runs send nothing more."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page = make_consultation("Dự thảo Quy chế", days(-5), NOW + datetime.timedelta(hours=2),
                             owner=drafter)
    add_comment(page, CommentStatus.APPROVED)
    add_comment(page, CommentStatus.PENDING)
    add_comment(page, CommentStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep()[1] == 0  # still open
    assert not mail.outbox
    with time_machine.travel(NOW + datetime.timedelta(hours=2, minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.sweep() == (1, 1)
        with django_capture_on_commit_callbacks(execute=True):
            assert services.sweep() == (0, 0)
    [message] = mail.outbox
    assert sorted(message.to) == ["gopy@bqlkcn.example.vn", "soanthao@bqlkcn.example.vn"]
    assert "Dự thảo Quy chế" in message.subject
    assert "3" in message.body and "2 ý kiến chờ duyệt" in message.body
    assert OutgoingMail.objects.get().sent_at is not None


def test_a_window_moved_later_is_announced_again_at_its_new_close(
        make_consultation, django_capture_on_commit_callbacks):
    """R-SITE-6: an agency that extends a closed consultation gets a new announcement when
    the new window closes."""
    page = make_consultation("Dự thảo Kế hoạch", days(-10), days(-1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep()[1] == 1
    page.closes = days(3)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert services.sweep()[1] == 0
    with time_machine.travel(days(4), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.sweep()[1] == 1
    assert OutgoingMail.objects.count() == 2


def test_a_draft_is_never_announced(make_consultation):
    make_consultation("Dự thảo nháp", days(-10), days(-1), publish=False)
    assert services.sweep() == (0, 0)


def test_the_schedule_exists_after_migrate(db):
    """The job runs every minute (made by post_migrate, idempotent)."""
    services.schedule_sweep()
    services.schedule_sweep()
    schedule = Schedule.objects.get(func=services.SWEEP_FUNC)
    assert (schedule.schedule_type, schedule.minutes) == (Schedule.MINUTES, 1)
