"""Bring an agency's list of links up to date with its live pages and their documents.

Every live page of the agency's site is read (its rich text, StreamField blocks, URL
fields, chosen pages and documents), then the files of the documents those pages link
to. Links no longer found anywhere are forgotten; the result of a link's last check stays
while it is still linked.
"""

from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Site

from plugins.site_health.extract import DOCUMENT_PREFIX, PAGE_PREFIX, document_links, page_links
from plugins.site_health.models import Link, LinkKind, LinkOccurrence
from plugins.site_health.sites import site_pages


def _own_hostnames():
    return {hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)}


def _as_internal(address, hostnames):
    """An absolute address on one of the installation's own sites becomes its path: it is
    checked against the pages, not fetched from ourselves."""
    if address.startswith(("http://", "https://")):
        parts = urlsplit(address)
        if (parts.hostname or "").lower() in hostnames:
            return parts.path or "/"
    return address


def kind_of(address):
    if address.startswith((PAGE_PREFIX, DOCUMENT_PREFIX, "/")):
        return LinkKind.INTERNAL
    return LinkKind.EXTERNAL


def found_links(agency):
    """[(address, page id or None, document id or None, field)] of the agency's site."""
    hostnames = _own_hostnames()
    found = []
    for page in site_pages(agency).specific().iterator(chunk_size=200):
        for address, field in page_links(page):
            found.append((_as_internal(address, hostnames), page.pk, None, field))
    document_ids = {int(address.removeprefix(DOCUMENT_PREFIX)) for address, *_ in found
                    if address.startswith(DOCUMENT_PREFIX)}
    for document in get_document_model().objects.filter(pk__in=document_ids):
        for address, field in document_links(document):
            found.append((_as_internal(address, hostnames), None, document.pk, field))
    return found


@transaction.atomic
def collect(agency, now=None):
    """Replace the agency's inventory of links by what its site holds now; returns the
    number of distinct links."""
    now = now or timezone.now()
    found = found_links(agency)
    addresses = {address for address, *_ in found}
    existing = dict(Link.objects.filter(agency=agency).values_list("url", "pk"))
    Link.objects.bulk_create([Link(agency=agency, url=address, kind=kind_of(address))
                              for address in sorted(addresses - existing.keys())])
    Link.objects.filter(agency=agency).exclude(url__in=addresses).delete()
    Link.objects.filter(agency=agency).update(last_seen_at=now)
    ids = dict(Link.objects.filter(agency=agency).values_list("url", "pk"))
    LinkOccurrence.objects.filter(link__agency=agency).delete()
    LinkOccurrence.objects.bulk_create([
        LinkOccurrence(link_id=ids[address], page_id=page_id, document_id=document_id,
                       field=field)
        for address, page_id, document_id, field in dict.fromkeys(found)])
    return len(addresses)
