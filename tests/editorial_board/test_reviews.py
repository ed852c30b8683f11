"""Periodic review of pages that must stay current (R-ED-8; 000 Đ9.2b, 001 Đ8.3)."""

import datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page

from plugins.core.models import Role, Unit
from plugins.editorial_board.models import PageReview, ReviewRule
from plugins.editorial_board.reviews import services as reviews

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=TZ)


@pytest.fixture
def rule(agency):
    """Plain pages (any page type works the same) must be reviewed every 6 months."""
    return ReviewRule.objects.create(agency=agency, months=6,
                                     page_type=ContentType.objects.get_for_model(Page))


@pytest.fixture
def make_page(agency):
    home = agency.site.root_page

    def make(title, owner, published, model=Page, **fields):
        page = home.add_child(instance=model(title=title, slug=f"p-{Page.objects.count()}",
                                             owner=owner, **fields))
        page.save_revision(user=owner).publish()
        Page.objects.filter(pk=page.pk).update(last_published_at=published)
        return page

    return make


def titles(pages):
    return [page.title for page in pages]


def test_pages_not_published_or_confirmed_for_the_period_are_due(make_page, rule, staff, agency,
                                                                  units):
    """R-ED-8: published 7 months ago → due; 2 months ago → current; old but confirmed
    "reviewed, still correct" last month → current. Each has its owner's unit."""
    old = make_page("Cơ cấu tổ chức", staff.author, datetime.datetime(2026, 2, 1, tzinfo=TZ))
    make_page("Dự án đầu tư", staff.author, datetime.datetime(2026, 7, 20, tzinfo=TZ))
    confirmed = make_page("Danh bạ", staff.member, datetime.datetime(2025, 1, 5, tzinfo=TZ))
    reviews.record_review(confirmed, staff.member, now=datetime.datetime(2026, 8, 20, tzinfo=TZ))
    due = reviews.decorate(reviews.due_pages(agency, now=NOW).select_related("content_type"))
    assert titles(due) == ["Cơ cấu tổ chức"]
    assert due[0].review_unit == units.business and due[0].pk == old.pk
    assert due[0].review_due_at == datetime.datetime(2026, 8, 1, tzinfo=TZ)
    assert reviews.due_pages(agency, now=datetime.datetime(2027, 3, 1, tzinfo=TZ)).count() == 3
    ReviewRule.objects.filter(pk=rule.pk).update(months=12)
    assert not reviews.due_pages(agency, now=NOW).exists()


@pytest.mark.cross_plugin("portal")  # a page type with the mixin
def test_the_mixins_unit_wins_over_the_owners(make_page, agency, staff, units):
    """R-ED-8: a page with editorial metadata is listed to its own unit."""
    from portal.models import ArticlePage

    ReviewRule.objects.create(agency=agency, months=3,
                              page_type=ContentType.objects.get_for_model(ArticlePage))
    make_page("Tin dự án", staff.author, datetime.datetime(2026, 1, 1, tzinfo=TZ),
              model=ArticlePage, unit=units.investment, date=datetime.date(2026, 1, 1))
    [page] = reviews.decorate(reviews.due_pages(agency, now=NOW))
    assert page.review_unit == units.investment


def test_the_review_action_records_who_and_when(client, make_page, rule, staff, agency,
                                                make_agency, make_staff):
    """R-ED-8: "Reviewed, still correct" from the page's header records the person and the
    time, and the page leaves the list; someone who cannot edit the page cannot confirm."""
    page = make_page("Cơ cấu tổ chức", staff.author, datetime.datetime(2026, 1, 1, tzinfo=TZ))
    client.force_login(staff.leader)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    url = reverse("editorial_board:review_page", args=[page.pk])
    assert url in edit
    with time_machine.travel(NOW, tick=False):
        response = client.post(url, {"note": "Đã đối chiếu quyết định mới"})
        assert response.status_code == 302
        review = PageReview.objects.get(page=page)
        assert review.reviewed_by == staff.leader and review.reviewed_at == NOW
        assert not reviews.due_pages(agency).exists()
    client.force_login(make_staff("giamdocso", make_agency("SKH", own_home=True),
                                  Role.AGENCY_LEADER))
    refused = client.post(url)  # another agency's leader: its page is not found (R-SEC-2)
    assert refused.status_code == 404
    assert PageReview.objects.count() == 1


@pytest.mark.parametrize("count", [2, 12])
def test_report_and_panel_in_constant_queries(client, make_page, rule, staff, units, board,
                                              django_assert_max_num_queries, count):
    """R-ED-8: the report (with XLSX/ODS export) and the dashboard panel cost the same
    queries for 2 or 12 pages."""
    owners = [staff.author, staff.other_leader, staff.member]
    for index in range(count):
        make_page(f"Trang cần rà soát {index}", owners[index % 3],
                  datetime.datetime(2025, 12, 1, tzinfo=TZ))
    client.force_login(staff.chief)
    with time_machine.travel(NOW, tick=False):
        client.get(reverse("editorial_board:reviews"))
        with django_assert_max_num_queries(40):
            html = client.get(reverse("editorial_board:reviews")).content.decode()
        assert html.count("Trang cần rà soát") == count
        client.get(reverse("wagtailadmin_home"))
        with django_assert_max_num_queries(90):
            html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "editorial-review" in html and "Trang cần rà soát 0" in html
        for fmt, kind in (("ods", "opendocument"), ("xlsx", "spreadsheetml")):
            response = client.get(reverse("editorial_board:reviews"), {"export": fmt})
            assert kind in response["Content-Type"]


def test_units_see_their_pages_and_other_agencies_none(client, make_page, rule, staff, units,
                                                       board, make_agency, make_staff):
    """R-ED-8: a unit leader sees only the pages of the unit; the unit filter narrows the
    board's list; another agency sees nothing."""
    make_page("Trang của phòng doanh nghiệp", staff.author,
              datetime.datetime(2025, 1, 1, tzinfo=TZ))
    make_page("Trang của phòng đầu tư", staff.other_leader,
              datetime.datetime(2025, 1, 1, tzinfo=TZ))
    client.force_login(staff.leader)
    html = client.get(reverse("editorial_board:reviews")).content.decode()
    assert "Trang của phòng doanh nghiệp" in html and "Trang của phòng đầu tư" not in html
    client.force_login(staff.chief)
    html = client.get(reverse("editorial_board:reviews"),
                      {"unit": units.investment.pk}).content.decode()
    assert "Trang của phòng đầu tư" in html and "Trang của phòng doanh nghiệp" not in html
    other = make_agency("SKH", own_home=True)
    Unit.objects.create(agency=other, name="Văn phòng Sở")
    client.force_login(make_staff("giamdocso", other, Role.AGENCY_LEADER))
    html = client.get(reverse("editorial_board:reviews")).content.decode()
    assert "Trang của phòng" not in html


def test_weekly_reminder_to_each_units_leaders(make_page, rule, staff, units, board, delivered):
    """R-ED-8: once a week each unit's leaders get their pages due for review (django-q2)."""
    make_page("Thủ tục đầu tư", staff.author, datetime.datetime(2025, 1, 1, tzinfo=TZ))
    make_page("Giới thiệu phòng đầu tư", staff.other_leader,
              datetime.datetime(2025, 1, 1, tzinfo=TZ))
    delivered().clear()
    with time_machine.travel(NOW, tick=False):
        assert reviews.send_review_reminders() == 2
        assert reviews.send_review_reminders() == 0  # once a week
    by_person = {message.to[0]: message.body for message in delivered()}
    assert "Thủ tục đầu tư" in by_person[staff.leader.email]
    assert "Giới thiệu phòng đầu tư" not in by_person[staff.leader.email]
    assert "Giới thiệu phòng đầu tư" in by_person[staff.other_leader.email]
    from django_q.models import Schedule

    from plugins.editorial_board.apps import ensure_schedules

    ensure_schedules(sender=None)
    assert Schedule.objects.filter(func="plugins.editorial_board.reviews.send_review_reminders",
                                   schedule_type="W").exists()
