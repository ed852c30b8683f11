"""The "update every 3 months" rule (seed 001 Đ8.4; R-ED-8): the plugin registers its
directory page with the core (plugins.core.periodic_updates), and, when the editorial board
is installed, the board's periodic review sees the directory due once the enterprise data
was not brought up to date for 3 months — whatever the page's own publication. Without the
board (the solo suite) the registration is there and nothing else is needed."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from plugins.core import periodic_updates
from plugins.enterprises.models import EnterpriseDirectoryPage, EnterpriseRegister

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=TZ)
needs_board = pytest.mark.cross_plugin("plugins.editorial_board")


def test_the_directory_is_registered_with_its_three_months():
    entry = periodic_updates.entry_for(EnterpriseDirectoryPage)
    assert (entry.months, entry.updated_at) == (3, "agency__enterprise_register__updated_at")
    assert entry in periodic_updates.registered()


def _dated(agency, when):
    EnterpriseRegister.objects.update_or_create(agency=agency, defaults={"updated_at": when})


def _due(agency, now=NOW):
    from plugins.editorial_board.reviews import services as reviews

    return [page.pk for page in reviews.due_pages(agency, now=now)]


@needs_board
def test_the_board_sees_the_directory_due_after_three_months_without_an_update(
        agency, directory):
    """R-ED-8: data brought up to date 4 months ago → due, even though the page was just
    published (its introduction is not its data); 2 months ago → current; and the report's
    next review date is 3 months after the update."""
    from plugins.editorial_board.reviews import services as reviews

    _dated(agency, datetime.datetime(2026, 8, 1, tzinfo=TZ))
    assert _due(agency) == [directory.pk]
    page = reviews.decorate(reviews.due_pages(agency, now=NOW))[0]
    assert page.review_due_at == datetime.datetime(2026, 11, 1, tzinfo=TZ)
    assert page.review_months == 3
    _dated(agency, datetime.datetime(2026, 10, 1, tzinfo=TZ))
    assert _due(agency) == []
    assert reviews.is_tracked(directory)


@needs_board
def test_a_directory_never_brought_up_to_date_is_due(agency, directory):
    assert _due(agency) == [directory.pk]


@needs_board
def test_any_change_of_an_enterprise_brings_the_directory_up_to_date(agency, directory,
                                                                      make_enterprise):
    import time_machine

    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, tzinfo=TZ), tick=False):
        enterprise = make_enterprise("Công ty TNHH Kho vận Sông Tiền")
    assert _due(agency) == [directory.pk]
    enterprise.products = "Kho ngoại quan"
    enterprise.save()
    assert _due(agency) == []


@needs_board
def test_the_agencys_own_rule_wins_and_other_pages_keep_their_publication(
        agency, directory, make_enterprise):
    """An agency may ask for the directory every month; a plain page tracked by a rule of
    its own is still judged by its publication."""
    from plugins.editorial_board.models import ReviewRule

    _dated(agency, datetime.datetime(2026, 10, 15, tzinfo=TZ))
    assert _due(agency) == []
    ReviewRule.objects.create(agency=agency, months=1,
                              page_type=ContentType.objects.get_for_model(EnterpriseDirectoryPage))
    assert _due(agency) == [directory.pk]
    ReviewRule.objects.create(agency=agency, months=6,
                              page_type=ContentType.objects.get_for_model(Page))
    plain = agency.site.root_page.add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu"))
    plain.save_revision().publish()
    Page.objects.filter(pk=plain.pk).update(
        last_published_at=datetime.datetime(2026, 9, 1, tzinfo=TZ))
    assert _due(agency) == [directory.pk]
    Page.objects.filter(pk=plain.pk).update(
        last_published_at=datetime.datetime(2026, 1, 1, tzinfo=TZ))
    assert sorted(_due(agency)) == sorted([directory.pk, plain.pk])


@needs_board
def test_the_report_lists_the_directory_to_the_board(client, agency, directory, make_staff):
    """R-ED-8: the board's report "Pages due for periodic review" shows the directory."""
    from django.urls import reverse

    from plugins.core.models import Role

    _dated(agency, datetime.datetime(2026, 1, 1, tzinfo=TZ))
    leader = make_staff("lanhdao", agency, Role.AGENCY_LEADER)
    client.force_login(leader)
    response = client.get(reverse("editorial_board:reviews"))
    assert response.status_code == 200
    assert "Doanh nghiệp" in response.content.decode()
