"""The yearly review (002 Đ13.2, R-SITE-8): the live pages nobody changed for a year, each
with the unit that answers for it.

A page's unit is its own where its page type has one (a ``unit`` field pointing to a core
unit, ``SITE_HEALTH_PAGE_UNIT_FIELD``), otherwise the unit of its owner's position in the
core's organisation. Both are read in the list's one query, as subqueries, so the list can
be filtered by unit and stays at a fixed number of queries.
"""

import datetime

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page, get_page_models

from plugins.core.models import Position, Unit
from plugins.site_health.conf import setting
from plugins.site_health.sites import root_paths, under


def unit_fields():
    """[(page model, attribute name)] of the page types that carry a unit of their own."""
    name = setting("SITE_HEALTH_PAGE_UNIT_FIELD")
    found = []
    for model in get_page_models():
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - FieldDoesNotExist: this type has no unit
            continue
        if getattr(field, "related_model", None) is Unit and field.model is model:
            found.append((model, field.attname))
    return found


def unit_expression(agency_ids):
    """The id of a page's unit, as an SQL expression over the page's row."""
    candidates = [Subquery(model.objects.filter(pk=OuterRef("pk")).values(attname)[:1])
                  for model, attname in unit_fields()]
    positions = Position.objects.filter(user_id=OuterRef("owner_id"))
    if agency_ids is not None:
        positions = positions.filter(unit__agency_id__in=agency_ids)
    candidates.append(Subquery(positions.order_by("sort_order", "pk").values("unit_id")[:1]))
    return Coalesce(*candidates) if len(candidates) > 1 else candidates[0]


def stale_pages(agency_ids, now=None):
    """The live pages of the agencies ``agency_ids`` (every agency when None) last changed
    more than ``SITE_HEALTH_REVIEW_AFTER_DAYS`` days before ``now``, oldest first."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=setting("SITE_HEALTH_REVIEW_AFTER_DAYS"))
    pages = Page.objects.live().filter(depth__gt=1)
    if agency_ids is not None:
        paths = [path for paths in root_paths(agency_ids).values() for path in paths]
        pages = pages.filter(under(paths))
    return (pages.annotate(
        last_changed_at=Coalesce("latest_revision_created_at", "last_published_at",
                                 "first_published_at"),
        review_unit_id=unit_expression(agency_ids))
        .annotate(review_unit_name=Subquery(
            Unit.objects.filter(pk=OuterRef("review_unit_id")).values("name")[:1]))
        .filter(last_changed_at__lt=since)
        .select_related("owner")
        .order_by(F("last_changed_at").asc(), "pk"))


def decorate(pages, now=None):
    """Set ``owner_name``, ``days_unchanged`` and ``review_unit_name`` for display."""
    now = now or timezone.now()
    for page in pages:
        owner = page.owner
        page.owner_name = (owner.get_full_name() or owner.get_username()) if owner else ""
        page.days_unchanged = (now - page.last_changed_at).days
        page.review_unit_name = page.review_unit_name or ""
    return pages
