"""Internal messages (R-EO-11; seed 004 Đ7.2): between the staff of one agency, to people
and units, with private attachments and read receipts; never across agencies."""

import pytest
from django.urls import reverse

from plugins.eoffice.notices import services
from plugins.eoffice.notices.models import Message, Receipt
from tests.eoffice_notices.conftest import PDF, pdf

pytestmark = pytest.mark.django_db

ROLES = ("director", "clerk", "office_head", "leader", "specialist", "colleague", "outsider",
         "other_leader", "it_admin", "skh_clerk", "skh_director")


def _send(staff, units, files=()):
    return services.send_message(staff["director"], staff["director"].positions.first()
                                 .unit.agency, subject="Báo cáo tiến độ dự án",
                                 body="Đề nghị gửi báo cáo trước thứ Năm.",
                                 people=[staff["clerk"]], units=[units["investment"]],
                                 files=files)


def test_R_EO_11_a_message_reaches_the_people_and_the_units_people(staff, units):
    message = _send(staff, units)
    assert set(message.receipts.values_list("user__username", flat=True)) == {
        "vanthu", "truongphong", "chuyenvien", "chuyenvien2"}
    assert message.history.count() == 1


def test_R_EO_11_never_across_agencies(staff, bql, skh, units):
    for kwargs in ({"people": [staff["skh_clerk"]]}, {"units": [units["skh_office"]]}):
        with pytest.raises(services.TransitionError):
            services.send_message(staff["director"], bql, subject="S", body="B", **kwargs)
    with pytest.raises(services.TransitionError):  # writing in another agency's name
        services.send_message(staff["skh_clerk"], bql, subject="S", body="B",
                              people=[staff["clerk"]])
    with pytest.raises(services.TransitionError):
        services.send_message(staff["director"], bql, subject="S", body="B")
    assert not Message.objects.exists()


def test_R_EO_11_every_role_on_a_message_and_its_file(client, staff, units):
    message = _send(staff, units, files=[pdf("bao-cao.pdf")])
    readers = {"director", "clerk", "leader", "specialist", "colleague"}
    file_url = reverse("eoffice_notices:message_file", args=[message.files.get().pk])
    for role in ROLES:
        client.force_login(staff[role])
        page = client.get(reverse("eoffice_notices:message", args=[message.pk]))
        download = client.get(file_url)
        if role in readers:
            assert page.status_code == 200 and download.status_code == 200, role
            assert b"".join(download.streaming_content) == PDF
        else:
            assert page.status_code == 404 and download.status_code == 404, role
    # Only recipients got a receipt; those refused did not mark anything.
    assert Receipt.objects.filter(read_at__isnull=False).count() == 4


def test_R_EO_11_opening_marks_read_and_the_sender_sees_who_and_when(client, staff, units):
    message = _send(staff, units)
    client.force_login(staff["specialist"])
    inbox = client.get(reverse("eoffice_notices:inbox")).content.decode()
    assert "1 unread message" in inbox and "Báo cáo tiến độ dự án" in inbox
    client.get(reverse("eoffice_notices:message", args=[message.pk]))
    first = Receipt.objects.get(message=message, user=staff["specialist"]).read_at
    assert first is not None
    client.get(reverse("eoffice_notices:message", args=[message.pk]))
    assert Receipt.objects.get(message=message, user=staff["specialist"]).read_at == first
    assert "0 unread messages" in client.get(reverse("eoffice_notices:inbox")).content.decode()
    client.force_login(staff["director"])
    assert "1/4" in client.get(reverse("eoffice_notices:sent")).content.decode()
    page = client.get(reverse("eoffice_notices:message", args=[message.pk])).content.decode()
    assert "Not read yet" in page
    assert not Receipt.objects.filter(user=staff["director"]).exists()


def test_R_EO_11_compose_offers_only_the_own_agency(client, staff, bql, units):
    client.force_login(staff["specialist"])
    page = client.get(reverse("eoffice_notices:compose")).content.decode()
    assert "Văn phòng Sở" not in page and "giamdoc.skh" not in page
    response = client.post(reverse("eoffice_notices:compose"), {
        "agency": bql.pk, "subject": "Gửi Sở", "body": "x",
        "people": [staff["skh_director"].pk]})
    assert response.status_code == 200 and not Message.objects.exists()
    response = client.post(reverse("eoffice_notices:compose"), {
        "agency": bql.pk, "subject": "Xin ý kiến", "body": "Nội dung",
        "people": [staff["leader"].pk], "units": [units["business"].pk],
        "files": [pdf()]})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.sender == staff["specialist"] and message.files.count() == 1
    assert set(message.receipts.values_list("user__username", flat=True)) == {
        "truongphong", "chuyenvienqldn", "truongphongqldn"}


@pytest.mark.parametrize("screen", ["inbox", "sent"])
def test_R_EO_11_message_lists_at_constant_queries(client, staff, units, screen,
                                                   django_assert_max_num_queries):
    client.force_login(staff["director"] if screen == "sent" else staff["clerk"])
    url = reverse(f"eoffice_notices:{screen}")

    def count():
        with django_assert_max_num_queries(60) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    _send(staff, units, files=[pdf()])
    few = count()
    for _number in range(6):
        _send(staff, units, files=[pdf(), pdf("b.pdf")])
    assert count() <= few
