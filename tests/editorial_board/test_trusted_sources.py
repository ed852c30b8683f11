"""Trusted sources published directly by administrators, reported weekly (R-ED-5)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import Page

from plugins.editorial_board.models import EditorialRecord, TrustedSource
from plugins.editorial_board.moderation import digests, records

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def government_portal(agency):
    return TrustedSource.objects.create(agency=agency, name="Cổng Thông tin điện tử Chính phủ",
                                        domain="chinhphu.vn")


def _publish_as(client, user, page):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                       {"title": page.title, "slug": page.slug, "action-publish": "publish"})


def test_an_administrator_publishes_a_trusted_item_directly(make_item, staff, government_portal,
                                                            client, units):
    """R-ED-5: the IT administrator publishes an item from the government portal at once."""
    page = make_item(staff.editor, title="Chính phủ ban hành Nghị định mới", submit=False)
    record = records.sync(page)
    record.source = "https://chinhphu.vn/nghi-dinh-42"
    record.save()
    assert records.sync(page).trusted_source == government_portal
    _publish_as(client, staff.editor, page)
    assert Page.objects.get(pk=page.pk).live
    record.refresh_from_db()
    assert record.published_directly and record.published_by == staff.editor


def test_an_untrusted_item_still_needs_the_board(make_item, staff, government_portal, client):
    page = make_item(staff.editor, title="Tin tự viết", submit=False)
    _publish_as(client, staff.editor, page)
    assert not Page.objects.get(pk=page.pk).live


def test_the_board_gets_last_weeks_direct_publications_once(make_item, staff, government_portal,
                                                            client, agency, delivered):
    """R-ED-5: a weekly digest by email (django-q2 schedule) and an admin report."""
    with time_machine.travel(datetime.datetime(2026, 3, 11, 9, 0, tzinfo=TZ), tick=False):
        page = make_item(staff.editor, title="Thông cáo báo chí của Chính phủ", submit=False)
        record = records.sync(page)
        record.trusted_source = government_portal
        record.save()
        _publish_as(client, staff.editor, page)
    delivered().clear()
    sent = digests.send_weekly_digests(today=datetime.date(2026, 3, 16))
    assert sent == 4  # the chief, the deputy and both members
    body = delivered()[0].body
    assert "Thông cáo báo chí của Chính phủ" in body and "Cổng Thông tin điện tử Chính phủ" in body
    assert digests.send_weekly_digests(today=datetime.date(2026, 3, 17)) == 0
    client.force_login(staff.member)
    html = client.get(reverse("editorial_board:direct_publications")).content.decode()
    assert "Thông cáo báo chí của Chính phủ" in html
    ods = client.get(reverse("editorial_board:direct_publications"), {"export": "ods"})
    assert ods["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    from django_q.models import Schedule

    assert Schedule.objects.filter(func="plugins.editorial_board.digests.send_weekly_digests",
                                   schedule_type=Schedule.WEEKLY).exists()


def test_editors_set_the_editorial_information_of_any_page(make_item, staff, client, units):
    """A page without the metadata mixin gets its unit and event date from the admin."""
    page = make_item(staff.author, submit=False)
    client.force_login(staff.leader)
    response = client.get(reverse("editorial_board:page_record", args=[page.pk]))
    assert response.status_code == 302
    url = response["Location"]
    response = client.post(url, {"unit": units.investment.pk, "authors": [staff.author.pk],
                                 "kind": "news", "event_at": "2026-03-02 08:00", "source": "",
                                 "is_translation": "on", "original_source": ""})
    assert response.status_code == 200  # a translation needs its original source (R-ED-10)
    response = client.post(url, {"unit": units.investment.pk, "authors": [staff.author.pk],
                                 "kind": "news", "event_at": "2026-03-02 08:00", "source": "",
                                 "original_source": ""})
    assert response.status_code == 302
    assert EditorialRecord.objects.get(page=page).unit == units.investment
