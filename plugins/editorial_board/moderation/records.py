"""Keeping each page's :class:`EditorialRecord` in step with the page (any page type).

The contract for page types (documented in the README):

- a page with :class:`EditorialMetadataMixin` gives its unit, staff authors, kind, event
  date, source and translation flag from its own fields (its latest revision);
- any other page keeps what editors set on its record in the admin; where they left a gap,
  the event its page type registered in the core (:mod:`plugins.core.content_kinds`, as
  legal_docs does for its documents) gives the event date, and makes it a document of the
  agency when the agency issued it;
- the unit falls back to the unit of the person who submits it (or of the page's owner),
  and the staff author to that person.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from plugins.core import content_kinds
from plugins.core.calendar import OFFICE_TZ
from plugins.core.scoping import agency_for_page
from plugins.editorial_board.models import (
    ContentKind,
    EditorialMetadataMixin,
    EditorialRecord,
    TrustedSource,
)
from plugins.editorial_board.moderation import board as who


def _as_moment(value, agency):
    """A date becomes the start of that office day; a datetime stays as it is."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    start = agency.morning_start if agency else datetime.time(7, 30)
    return datetime.datetime.combine(value, start, tzinfo=OFFICE_TZ)


def trusted_source_for(record):
    """The first active trusted source of the record's agency its source names, if any."""
    if not record.source or not record.agency_id:
        return None
    return next((source for source in TrustedSource.objects.filter(agency_id=record.agency_id,
                                                                   active=True)
                 if source.matches(record.source)), None)


def latest(page):
    """The page as its latest revision has it (what a reviewer is looking at)."""
    page = page.specific
    revision = page.get_latest_revision()
    return revision.as_object() if revision else page


@transaction.atomic
def sync(page, submitted_by=None):
    """Create or bring up to date the record of ``page``; returns it."""
    base_page = page
    record, created = EditorialRecord.objects.get_or_create(page_id=page.pk)
    page = latest(page)
    if record.agency_id is None:
        record.agency = agency_for_page(base_page)
    if isinstance(page, EditorialMetadataMixin):
        record.unit_id = page.unit_id
        record.kind = page.get_editorial_kind()
        record.event_at = page.event_date
        record.source = page.source
        record.is_translation = page.is_translation
        record.original_source = page.original_source
        authors = [user.pk for user in page.authors.all()]
        if authors or not created:
            record.authors.set(authors)
    else:
        event = content_kinds.event_of(page)
        if record.event_at is None and event is not None:
            record.event_at = _as_moment(event.date, record.agency)
        if not record.kind:
            record.kind = (ContentKind.AGENCY_DOCUMENT if event is not None and event.issued_here
                           else ContentKind.OTHER)
    if record.trusted_source_id is None:
        record.trusted_source = trusted_source_for(record)
    if submitted_by is not None:
        record.submitted_by = submitted_by
        record.submitted_at = timezone.now()
    person = submitted_by or base_page.owner
    if person is not None and record.unit_id is None and record.agency_id is not None:
        unit = who.unit_of(person, record.agency_id)
        record.unit_id = unit.pk if unit else None
    if person is not None and created and not isinstance(page, EditorialMetadataMixin):
        record.authors.add(person)
    record.save()
    from plugins.editorial_board.moderation import deadlines

    return deadlines.arm(record)


def record_publication(page, user, via_workflow):
    """Remember the first publication of ``page`` (quotas, royalties, digest)."""
    record = sync(page)
    if record.published_at is None:
        record.published_at = page.first_published_at or timezone.now()
        record.published_by = user
        record.published_directly = not via_workflow
        record.save(update_fields=["published_at", "published_by", "published_directly"])
        from plugins.editorial_board.moderation import deadlines

        deadlines.arm(record)  # no reminders once it is out
    return record
