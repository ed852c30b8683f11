"""R-ED-6: the event date of a page without the metadata mixin comes from what its page type
registered in the core (plugins.core.content_kinds), never from guessed field names."""

import datetime

import pytest

from plugins.core import content_kinds
from plugins.editorial_board.models import ContentKind, EditorialRecord

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2026, 3, 2)


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(content_kinds, "_kinds", {})
    return content_kinds


def _record(page):
    return EditorialRecord.objects.get(page_id=page.pk)


def test_a_registered_page_type_is_an_agency_document_from_its_event_date(registry, make_item,
                                                                         staff, agency):
    registry.register("wagtailcore.Page", event_date=lambda page: SIGNED,
                      issued_here=lambda page: page.title.startswith("Quyết định"))
    record = _record(make_item(staff.author, title="Quyết định ban hành quy chế"))
    assert record.kind == ContentKind.AGENCY_DOCUMENT
    assert record.event_at is not None
    assert record.event_at.astimezone(datetime.timezone(datetime.timedelta(hours=7))).date() \
        == SIGNED
    assert record.due_at is not None

    elsewhere = _record(make_item(staff.author, title="Nghị định của Chính phủ"))
    assert elsewhere.kind == ContentKind.OTHER  # dated, but not issued by the agency
    assert elsewhere.event_at is not None


def test_an_unregistered_page_type_has_no_event_date_whatever_its_attributes(registry,
                                                                             make_item, staff):
    from wagtail.models import Page

    Page.issue_date = SIGNED  # a field name the board used to guess
    try:
        record = _record(make_item(staff.author, title="Quyết định số 1"))
    finally:
        del Page.issue_date
    assert record.kind == ContentKind.OTHER and record.event_at is None
