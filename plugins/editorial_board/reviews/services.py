"""Periodic review of pages that must stay current (R-ED-8; 000 Đ9.2b, 001 Đ8.3).

A page of a type the agency lists in its :class:`ReviewRule` is *due for review* when the
later of its last publication and its last "reviewed, still correct" record is older than
the rule's period. Due pages are listed to their unit: the unit of the editorial metadata
mixin when the page type has it, else the unit of the page's owner in that agency; a page
with neither goes to the board.

Every list here is one SQL query whatever the number of pages: the last review, the
threshold per page type and the unit are computed by the database (subqueries and CASE),
plus one query each for the rules, the units' names and the reviewers' names.
"""

import calendar
import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import (
    BigIntegerField,
    Case,
    DateTimeField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from wagtail.models import Page

from plugins.core import periodic_updates
from plugins.core.models import Agency, Position, Unit
from plugins.core.scoping import agency_for_page
from plugins.editorial_board.models import EditorialMetadataMixin, PageReview, ReviewRule
from plugins.editorial_board.moderation import board as who
from plugins.editorial_board.moderation.digests import claim, previous_week
from plugins.editorial_board.notifications import notify

WEEKLY = "periodic_review"
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def months_before(moment, months):
    """``moment`` ``months`` calendar months earlier (the day clamped to the month's end)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def add_months(moment, months):
    return months_before(moment, -months)


def rules_for(agency):
    """The agency's rules, and an unsaved rule for each page type registered with
    :mod:`plugins.core.periodic_updates` that the agency has no rule of its own for."""
    rules = list(ReviewRule.objects.filter(agency=agency).select_related("page_type"))
    return rules + registered_rules(agency, rules)


def registered_rules(agency, rules=()):
    from django.contrib.contenttypes.models import ContentType

    own = {rule.page_type_id for rule in rules}
    found = []
    for entry in periodic_updates.registered():
        page_type = ContentType.objects.get_for_model(entry.model)  # cached after the first
        if page_type.pk not in own:
            found.append(ReviewRule(agency=agency, page_type=page_type, months=entry.months))
    return found


def _checked_at(rules):
    """The later of a page's last publication, its last review and, for a page type
    registered with a data lookup, its data's last update — whose publication then does not
    count (editing the page's introduction does not bring its data up to date)."""
    types = {rule.page_type_id for rule in rules}
    published = Coalesce("last_published_at", Value(_EPOCH))
    data_types, updates = [], []
    for entry in periodic_updates.registered():
        expression = periodic_updates.update_expression(entry)
        if expression is not None and rule_type_id(entry) in types:
            data_types.append(rule_type_id(entry))
            updates.append(Coalesce(expression, Value(_EPOCH), output_field=DateTimeField()))
    if data_types:
        published = Case(When(content_type_id__in=data_types, then=Value(_EPOCH)),
                         default=published, output_field=DateTimeField())
    return Greatest(published, Coalesce("last_review_at", Value(_EPOCH)), *updates,
                    output_field=DateTimeField())


def rule_type_id(entry):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(entry.model).pk


def _unit_expression(agency, rules):
    """The page's unit: its mixin's unit where the type has one, else its owner's unit."""
    expressions = []
    for rule in rules:
        model = rule.page_type.model_class()
        if model is not None and issubclass(model, EditorialMetadataMixin):
            expressions.append(Subquery(
                model.objects.filter(pk=OuterRef("pk")).values("unit_id")[:1]))
    expressions.append(Subquery(
        Position.objects.filter(user_id=OuterRef("owner_id"), unit__agency_id=agency.pk)
        .order_by("-is_leader", "sort_order", "pk").values("unit_id")[:1]))
    if len(expressions) == 1:
        return expressions[0]
    return Coalesce(*expressions, output_field=BigIntegerField())


def tracked_pages(agency, now=None, rules=None):
    """The agency's live pages of the listed types (below its home page), annotated with
    their review figures: ``last_review_at``, ``last_reviewer_id``, ``checked_at`` (the
    later of the last publication and review), ``review_cutoff``, ``review_months`` and
    ``review_unit_id``."""
    now = now or timezone.now()
    rules = rules_for(agency) if rules is None else rules
    if not rules or agency.site_id is None:
        return Page.objects.none()
    latest = PageReview.objects.filter(page=OuterRef("pk")).order_by("-reviewed_at", "-pk")
    root = agency.site.root_page
    # The home's tree and its translations' (English versions must stay current too).
    homes = Q()
    for path in Page.objects.filter(translation_key=root.translation_key,
                                    depth=root.depth).values_list("path", flat=True):
        homes |= Q(path__startswith=path)
    return (
        Page.objects.live()
        .filter(homes, depth__gt=root.depth,
                content_type_id__in=[rule.page_type_id for rule in rules])
        .annotate(
            last_review_at=Subquery(latest.values("reviewed_at")[:1]),
            last_reviewer_id=Subquery(latest.values("reviewed_by_id")[:1]),
        )
        .annotate(
            checked_at=_checked_at(rules),
            review_cutoff=Case(*[When(content_type_id=rule.page_type_id,
                                      then=Value(months_before(now, rule.months)))
                                 for rule in rules], output_field=DateTimeField()),
            review_months=Case(*[When(content_type_id=rule.page_type_id,
                                      then=Value(rule.months)) for rule in rules],
                               output_field=IntegerField()),
            review_unit_id=_unit_expression(agency, rules),
        )
    )


def due_pages(agency, now=None, rules=None):
    """Pages not published nor confirmed for their type's period: oldest first."""
    rules = rules_for(agency) if rules is None else rules
    pages = tracked_pages(agency, now, rules)
    if not rules or agency.site_id is None:
        return pages
    return pages.filter(checked_at__lt=F("review_cutoff")).order_by("checked_at", "pk")


def sees_all_units(user, agency_id):
    """The board and the agency's leaders follow every unit's pages."""
    from plugins.editorial_board.questions.services import all_questions_agency_ids

    return user.is_superuser or agency_id in all_questions_agency_ids(user)


def for_user(pages, user, agency_id):
    """``pages`` narrowed to the user's units unless the user sees them all."""
    if sees_all_units(user, agency_id) or not pages.query.annotations:
        return pages
    from plugins.editorial_board.questions.services import own_unit_ids

    return pages.filter(review_unit_id__in=own_unit_ids(user))


def decorate(pages):
    """Give each page its unit, reviewer and next review date (two queries in all)."""
    pages = list(pages)
    units = Unit.objects.in_bulk({page.review_unit_id for page in pages} - {None})
    reviewers = get_user_model().objects.in_bulk(
        {page.last_reviewer_id for page in pages} - {None})
    for page in pages:
        page.review_unit = units.get(page.review_unit_id)
        reviewer = reviewers.get(page.last_reviewer_id)
        page.last_reviewer = (reviewer.get_full_name() or reviewer.get_username()) if (
            reviewer) else ""
        page.checked = None if page.checked_at == _EPOCH else page.checked_at
        page.review_due_at = add_months(page.checked_at, page.review_months) if (
            page.checked) else None
        model = page.content_type.model_class() if page.content_type_id else None
        page.type_label = model._meta.verbose_name if model else ""
    return pages


def is_tracked(page):
    """Whether ``page`` is of a type its agency reviews periodically."""
    agency = agency_for_page(page)
    return agency is not None and any(rule.page_type_id == page.content_type_id
                                      for rule in rules_for(agency))


@transaction.atomic
def record_review(page, user, note="", now=None):
    """``user`` confirms that ``page`` is still correct."""
    return PageReview.objects.create(page=page, reviewed_by=user, note=(note or "").strip(),
                                     reviewed_at=now or timezone.now())


def send_review_reminders(today=None):
    """The django-q2 weekly task: each unit's leaders get their pages due for review;
    pages without a unit go to the board. Once a week per agency."""
    today = today or timezone.localdate()
    monday = previous_week(today)[1]
    sent = 0
    agencies = Agency.objects.select_related("site__root_page")
    if not periodic_updates.registered():  # else every agency has a rule
        agencies = agencies.filter(pk__in=ReviewRule.objects.values("agency_id"))
    for agency in agencies:
        pages = decorate(due_pages(agency).select_related("content_type"))
        if not pages or not claim(agency, WEEKLY, monday):
            continue
        by_unit = {}
        for page in pages:
            by_unit.setdefault(page.review_unit_id, []).append(page)
        for unit_id, unit_pages in by_unit.items():
            people = who.unit_leaders(unit_id) if unit_id else who.members(agency.pk)
            sent += notify(people, "review_reminder", {
                "agency": agency, "unit": unit_pages[0].review_unit, "pages": unit_pages})
    return sent
