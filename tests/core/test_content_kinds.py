"""The core's registry of what page types say about their events (read by the editorial
board's deadlines; filled by plugins such as legal_docs)."""

import datetime

import pytest
from wagtail.models import Page

from plugins.core import content_kinds

pytestmark = pytest.mark.django_db  # a Page instance looks up its content type


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(content_kinds, "_kinds", {})
    return content_kinds


class Notice(Page):
    """Not a model of any app: only its class and attributes matter here."""

    class Meta:
        abstract = True


def test_an_unregistered_page_type_has_no_event_whatever_its_fields(registry):
    page = Page(title="Thông báo")
    page.issue_date = datetime.date(2026, 3, 2)  # no guessing by field name
    page.signing_date = datetime.date(2026, 3, 2)
    assert registry.event_of(page) is None
    assert not registry.registered(Page)


def test_a_registered_type_gives_its_date_and_whether_the_agency_issued_it(registry):
    registry.register("wagtailcore.Page", event_date="issue_date", issued_here="issued_here")
    page = Page(title="Quyết định")
    page.issue_date = datetime.date(2026, 3, 2)
    page.issued_here = True
    assert registry.event_of(page) == content_kinds.PageEvent(datetime.date(2026, 3, 2), True)
    page.issued_here = False
    assert registry.event_of(page).issued_here is False
    page.issue_date = None  # not dated yet: no event
    assert registry.event_of(page) is None


def test_readers_may_be_functions_and_issued_here_defaults_to_true(registry):
    registry.register(Page, event_date=lambda page: datetime.date(2026, 1, 5))
    assert registry.event_of(Page(title="Báo cáo")) == content_kinds.PageEvent(
        datetime.date(2026, 1, 5), True)


def test_a_subclass_of_a_registered_type_is_registered_too(registry):
    registry.register(Page, event_date="issue_date")
    assert registry.registered(Notice) and registry.registered("wagtailcore.Page")
    assert not registry.registered("legal_docs.LegalDocumentPage")
