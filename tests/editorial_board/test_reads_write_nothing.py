"""Drawing the admin reads: the dashboard, the menus and the page's action menu write no
editorial record and arm no reminder (R-ED-5's trust is read, kept in step on save)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plugins.editorial_board.models import EditorialRecord, TrustedSource
from plugins.editorial_board.moderation import publishing, records

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def _board_writes(queries):
    """Writes to the board's tables or to django-q2's (its reminders)."""
    return [query["sql"] for query in queries
            if query["sql"].lstrip().upper().startswith(WRITES)
            and ("editorial_board_" in query["sql"] or "django_q_" in query["sql"])]


def test_drawing_the_dashboard_menus_and_an_editor_writes_nothing(make_item, staff, client):
    page = make_item(staff.editor, title="Chính phủ ban hành Nghị định mới", submit=False)
    EditorialRecord.objects.filter(page_id=page.pk).delete()  # even with no record yet
    client.force_login(staff.editor)  # the IT administrator: may_publish_directly asks trust
    with CaptureQueriesContext(connection) as captured:
        for url in (reverse("wagtailadmin_home"),
                    reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
                    reverse("wagtailadmin_pages:edit", args=[page.pk])):
            assert client.get(url).status_code == 200
    assert _board_writes(captured.captured_queries) == []
    assert not EditorialRecord.objects.filter(page_id=page.pk).exists()


def test_is_trusted_only_reads(make_item, staff, agency):
    page = make_item(staff.editor, submit=False)
    with CaptureQueriesContext(connection) as captured:
        assert publishing.is_trusted(page) is False
    assert [q for q in captured.captured_queries
            if q["sql"].lstrip().upper().startswith(WRITES)] == []


def test_saving_the_record_or_a_new_trusted_source_brings_trust(make_item, staff, agency):
    """R-ED-5: trust follows the record's source and the agency's trusted sources, on save."""
    page = make_item(staff.editor, submit=False)
    record = records.sync(page)
    record.source = "https://chinhphu.vn/nghi-dinh-42"
    record.save()
    assert not publishing.is_trusted(page)  # no such trusted source yet
    portal = TrustedSource.objects.create(agency=agency, name="Cổng Thông tin điện tử Chính phủ",
                                          domain="chinhphu.vn")
    assert publishing.is_trusted(page)
    assert EditorialRecord.objects.get(pk=record.pk).trusted_source == portal

    other = make_item(staff.editor, title="Tin khác", submit=False)
    other_record = records.sync(other)
    other_record.source = "Theo chinhphu.vn"
    other_record.save()
    assert publishing.is_trusted(other)


def test_an_inactive_trusted_source_trusts_nothing(make_item, staff, agency):
    page = make_item(staff.editor, submit=False)
    record = records.sync(page)
    record.source = "chinhphu.vn"
    record.save()
    TrustedSource.objects.create(agency=agency, name="Chính phủ", domain="chinhphu.vn",
                                 active=False)
    assert not publishing.is_trusted(page)
