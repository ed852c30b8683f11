"""The core's notification centre (R-EO-11 internal messages, R-EO-14 reminders of an
official order): one list per person in the admin, email and SMS as each person chooses,
in each person's own language, after commit; nobody sees another person's notifications."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from plugins.core.models import Notification, NotificationSettings, Role
from plugins.core.notifications import UnknownKind, notify, register_kind, service, sms
from plugins.core.notifications.views import safe_url

pytestmark = pytest.mark.django_db

User = get_user_model()

register_kind("tests.assigned", _("A task is assigned to you"), group=_("Tests"), email=True)
register_kind("tests.quiet", _("Something quiet"), group=_("Tests"), email=False)


@pytest.fixture
def people(two_agencies, make_staff):
    bql, skh = two_agencies
    made = {
        "lanhdao": make_staff("lanhdao", bql, Role.AGENCY_LEADER),
        "vanthu": make_staff("vanthu", bql, Role.CLERK),
        "chuyenvien": make_staff("chuyenvien", bql, Role.CLERK),
        "khac": make_staff("khac", skh, Role.CLERK),
    }
    for username, person in made.items():
        person.email = f"{username}@example.test"
        person.save()
    return made


def _send(people, *names, **kwargs):
    kwargs.setdefault("subject", "Việc mới")
    return notify([people[name] for name in names], kwargs.pop("kind", "tests.assigned"),
                  **kwargs)


def test_R_EO_11_each_recipient_gets_one_notification_and_one_mail_after_commit(
        people, two_agencies, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = _send(people, "vanthu", "chuyenvien", "vanthu", body="Xử lý văn bản 12.",
                     url="/admin/viec/1/", agency=two_agencies[0])
        assert mail.outbox == []
    assert len(made) == 2 and {n.user.username for n in made} == {"vanthu", "chuyenvien"}
    assert all(n.pk and n.read_at is None and n.agency == two_agencies[0] for n in made)
    assert sorted(m.to[0] for m in mail.outbox) == ["chuyenvien@example.test",
                                                    "vanthu@example.test"]
    message = mail.outbox[0]
    assert message.subject == "Việc mới"
    assert message.body.startswith("Xử lý văn bản 12.")
    assert message.body.endswith("/admin/viec/1/")  # the link, absolute, in the mail


def test_the_actor_and_inactive_people_are_not_told(people):
    people["chuyenvien"].is_active = False
    people["chuyenvien"].save()
    made = _send(people, "lanhdao", "vanthu", "chuyenvien", actor=people["lanhdao"])
    assert [n.user.username for n in made] == ["vanthu"]


def test_an_unknown_kind_is_a_programming_error(people):
    with pytest.raises(UnknownKind):
        _send(people, "vanthu", kind="tests.nobody_registered_this")
    assert not Notification.objects.exists()


def test_a_rolled_back_transaction_leaves_no_notification_and_sends_nothing(
        people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                _send(people, "vanthu")
                raise RuntimeError
        except RuntimeError:
            pass
    assert not Notification.objects.exists() and mail.outbox == []


def test_R_EO_11_texts_are_written_in_each_recipients_own_language(
        people, django_capture_on_commit_callbacks):
    UserProfile.objects.create(user=people["chuyenvien"], preferred_language="en")
    subject = format_lazy("{}: {}", _("Notifications"), "12/UBND")
    with django_capture_on_commit_callbacks(execute=True):
        made = _send(people, "vanthu", "chuyenvien", subject=subject, body=_("Email"))
    texts = {n.user.username: (n.subject, n.body) for n in made}
    assert texts == {"vanthu": ("Thông báo: 12/UBND", "Thư điện tử"),
                     "chuyenvien": ("Notifications: 12/UBND", "Email")}


def test_a_composer_is_called_in_the_recipients_language(people):
    UserProfile.objects.create(user=people["chuyenvien"], preferred_language="en")
    from django.utils.translation import get_language

    made = _send(people, "vanthu", "chuyenvien",
                 subject=lambda: (f"lang={get_language()}", "body"))
    assert {n.user.username: n.subject for n in made} == {
        "vanthu": "lang=vi", "chuyenvien": "lang=en"}
    per_user = _send(people, "vanthu", subject=lambda user: (user.username, ""))
    assert per_user[0].subject == "vanthu"
    default = _send(people, "vanthu", subject=lambda text="mặc định": (text, ""))
    assert default[0].subject == "mặc định"  # a parameter with a default is not the user


def test_R_EO_14_email_and_sms_follow_each_persons_choices(
        people, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_SMS_BACKEND = "plugins.core.notifications.sms.MemoryBackend"
    sms.MemoryBackend.outbox = []
    NotificationSettings.objects.create(
        user=people["vanthu"], phone="0912345678",
        choices={"tests.assigned": {"email": False, "sms": True}})
    NotificationSettings.objects.create(  # wants SMS but gave no number
        user=people["chuyenvien"], choices={"tests.assigned": {"sms": True}})
    with django_capture_on_commit_callbacks(execute=True):
        _send(people, "vanthu", "chuyenvien", "lanhdao", subject="Nhắc hạn xử lý")
        assert sms.MemoryBackend.outbox == []  # not before the commit
    assert sorted(m.to[0] for m in mail.outbox) == ["chuyenvien@example.test",
                                                    "lanhdao@example.test"]
    assert sms.MemoryBackend.outbox == [("0912345678", "Nhắc hạn xử lý")]
    assert Notification.objects.count() == 3  # everyone has it in the admin


def test_a_kind_registered_without_email_sends_no_mail_by_default(
        people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send(people, "vanthu", kind="tests.quiet")
    assert mail.outbox == [] and Notification.objects.count() == 1


def test_the_console_sms_backend_prints(capsys):
    sms.ConsoleBackend().send("0912345678", "Xin chào")
    assert "0912345678" in capsys.readouterr().out


# --- The admin screens ------------------------------------------------------------------

def test_R_EO_11_the_menu_shows_the_unread_count_and_the_list_mine_only(client, people):
    _send(people, "vanthu", subject="Của văn thư")
    _send(people, "khac", subject="Của cơ quan khác")
    client.force_login(people["vanthu"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("Thông báo (1)") in home  # the sidebar's menu is JSON
    assert "Của văn thư" in home  # the dashboard panel
    page = client.get(reverse("core_notifications")).content.decode()
    assert "Của văn thư" in page and "Của cơ quan khác" not in page


def test_the_list_takes_the_same_queries_whatever_its_length(
        client, people, django_assert_max_num_queries):
    client.force_login(people["vanthu"])
    _send(people, "vanthu")
    client.get(reverse("core_notifications"))  # warm the caches
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("core_notifications"))
    for index in range(40):
        _send(people, "vanthu", subject=f"Việc {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("core_notifications"))
    assert response.status_code == 200 and "Việc 39" in response.content.decode()


def test_opening_marks_read_and_follows_only_a_link_inside_the_site(client, people):
    inside, = _send(people, "vanthu", url="/admin/viec/7/")
    outside, = _send(people, "vanthu", url="https://evil.example/phish")
    sneaky, = _send(people, "vanthu", url="//evil.example/phish")
    client.force_login(people["vanthu"])
    response = client.get(reverse("core_notification_open", args=[inside.pk]))
    assert response.status_code == 302 and response["Location"] == "/admin/viec/7/"
    for notification in (outside, sneaky):
        response = client.get(reverse("core_notification_open", args=[notification.pk]))
        assert response["Location"] == reverse("core_notifications")
    assert Notification.objects.unread().count() == 0


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/", "/\\evil.example",
                                 "javascript:alert(1)", "admin/relative", ""])
def test_unsafe_links_are_not_followed(url):
    assert safe_url(url) is None


def test_nobody_opens_or_marks_another_persons_notifications(client, people):
    theirs, = _send(people, "khac")
    client.force_login(people["vanthu"])
    assert client.get(reverse("core_notification_open", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("core_notifications_read_all")).status_code == 302
    theirs.refresh_from_db()
    assert theirs.read_at is None  # unchanged


def test_mark_all_as_read_is_a_post_and_marks_only_mine(client, people):
    _send(people, "vanthu", "chuyenvien")
    client.force_login(people["vanthu"])
    assert client.get(reverse("core_notifications_read_all")).status_code == 405
    assert Notification.objects.unread().count() == 2
    client.post(reverse("core_notifications_read_all"))
    assert list(Notification.objects.unread().values_list("user__username", flat=True)) == [
        "chuyenvien"]


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("core_notifications"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_R_EO_14_a_person_chooses_email_and_sms_per_kind(client, people):
    client.force_login(people["vanthu"])
    page = client.get(reverse("core_notification_settings")).content.decode()
    assert "A task is assigned to you" in page or "Tests" in page
    refused = client.post(reverse("core_notification_settings"),
                          {"sms:tests.assigned": "on"})  # SMS without a number
    assert refused.status_code == 200 and not NotificationSettings.objects.exists()
    client.post(reverse("core_notification_settings"),
                {"phone": "0912 345 678", "sms:tests.assigned": "on"})
    row = NotificationSettings.objects.get(user=people["vanthu"])
    assert row.phone == "0912345678"
    assert row.choices["tests.assigned"] == {"email": False, "sms": True}
    assert row.choices["tests.quiet"] == {"email": False, "sms": False}


def test_read_notifications_are_purged_after_the_retention(people, settings):
    settings.PORTAL_NOTIFICATIONS_KEEP_DAYS = 90
    old_read, old_unread, recent_read = _send(people, "vanthu", "chuyenvien", "lanhdao")
    now = timezone.now()
    Notification.objects.filter(pk=old_read.pk).update(read_at=now - datetime.timedelta(days=91))
    Notification.objects.filter(pk=recent_read.pk).update(
        read_at=now - datetime.timedelta(days=10))
    assert service.purge() == 1
    assert set(Notification.objects.values_list("pk", flat=True)) == {old_unread.pk,
                                                                     recent_read.pk}


def test_the_purge_is_scheduled_after_migrate():
    from django_q.models import Schedule

    service.schedule_purge()
    service.schedule_purge()
    assert Schedule.objects.filter(func=service.PURGE_FUNC).count() == 1


@pytest.mark.cross_plugin()  # its assertions follow the plugins installed
def test_the_plugins_senders_register_their_kinds_and_the_settings_list_them(client, people):
    from django.apps import apps

    from plugins.core.notifications import kinds

    names = {kind.name for kind in kinds()}
    expected = {
        "plugins.eoffice.documents": {"eoffice_documents.review", "eoffice_documents.reminder"},
        "plugins.eoffice.exchange": {"eoffice_exchange.received"},
        "plugins.eoffice.schedules": {"eoffice_schedules.for_approval"},
        "plugins.editorial_board": {"editorial_board.task_submitted",
                                    "editorial_board.question_received"},
    }
    for app, wanted in expected.items():
        if apps.is_installed(app):
            assert wanted <= names
    client.force_login(people["vanthu"])
    page = client.get(reverse("core_notification_settings")).content.decode()
    assert page.count('type="checkbox"') == 2 * len(names)
