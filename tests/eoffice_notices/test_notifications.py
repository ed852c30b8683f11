"""R-EO-11: the notices tell people through the core's notification centre — a message
its recipients, an announcement its audience, an extension request those who decide and
the decision the one who asked — and nobody else."""

import datetime

import pytest

from plugins.core.models import Notification
from plugins.eoffice.notices import services

pytestmark = pytest.mark.django_db


def _told(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__username",
                                                                      flat=True))


def test_R_EO_11_a_message_tells_its_recipients_only(staff, bql, units):
    services.send_message(staff["specialist"], bql, subject="Họp phòng chiều nay",
                          body="Mời các đồng chí dự họp lúc 14 giờ.",
                          people=[staff["colleague"]], units=[units["office"]])
    assert _told("eoffice_notices.message") == ["chanhvanphong", "chuyenvien2", "vanthu"]
    notification = Notification.objects.get(user=staff["colleague"])
    assert "Họp phòng chiều nay" in notification.subject
    assert notification.url.startswith("/admin/")


def test_R_EO_11_an_announcement_tells_its_audience_and_extensions_their_deciders(
        staff, bql, units):
    announcement = services.create_announcement(
        staff["leader"], bql, title="Lịch trực phòng tháng 12", body="Trực theo danh sách.",
        unit=units["investment"], to_everyone=False, units=[units["investment"]])
    services.publish(staff["leader"], announcement)
    assert _told("eoffice_notices.announcement") == ["chuyenvien", "chuyenvien2"]
    until = (announcement.expires_at + datetime.timedelta(days=30)).date()
    request = services.request_extension(staff["specialist"], announcement, until,
                                         "Còn dùng đến hết quý")
    assert _told("eoffice_notices.extension_asked") == ["truongban", "truongphong"]
    services.grant_extension(staff["director"], request)
    assert _told("eoffice_notices.extension_decided") == ["chuyenvien"]
