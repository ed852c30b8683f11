"""Royalties of published items and the board's fees, the monthly ledger (R-ED-11)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import Page

from plugins.editorial_board.models import (
    RoyaltyItem,
    RoyaltyKind,
    RoyaltyMonth,
    RoyaltyRate,
    RoyaltyRole,
    RoyaltyShare,
)
from plugins.editorial_board.moderation import records
from plugins.editorial_board.royalties import services as royalties
from tests.editorial_board.conftest import act, step_of

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))
MARCH = datetime.datetime(2026, 3, 10, 9, tzinfo=TZ)


@pytest.fixture
def rates(agency):
    """The agency's table from 1 January 2026 (amounts in đồng)."""
    table = [
        (RoyaltyKind.NEWS, 0, 300, 150_000), (RoyaltyKind.NEWS, 301, None, 250_000),
        (RoyaltyKind.ARTICLE, 0, 1500, 400_000), (RoyaltyKind.ARTICLE, 1501, None, 600_000),
        (RoyaltyKind.TRANSLATION, 0, None, 300_000), (RoyaltyKind.PHOTO, 0, None, 50_000),
        (RoyaltyKind.BOARD_EDITING, 0, None, 60_000), (RoyaltyKind.VERIFICATION, 0, None, 40_000),
    ]
    for kind, low, high, amount in table:
        RoyaltyRate.objects.create(agency=agency, kind=kind, min_words=low, max_words=high,
                                   amount=amount, valid_from=datetime.date(2026, 1, 1))


def publish_through_workflow(page, staff):
    if step_of(page) == "UnitLeaderApprovalTask":
        act(page, staff.leader)
    act(page, staff.member)
    act(page, staff.chief)
    page.refresh_from_db()
    assert page.live
    return RoyaltyItem.objects.get(page=page)


def lines(item):
    return {(line.person.username, line.role): line.amount for line in item.shares.all()}


def test_publication_pays_the_author_and_the_board(make_item, staff, rates):
    """R-ED-11: the author earns the rate of the item's kind; the member who passed it on
    and the chief who verified it earn their fees (seed 002 Đ14.2đ)."""
    with time_machine.travel(MARCH, tick=False):
        item = publish_through_workflow(make_item(staff.author), staff)
    assert item.kind == RoyaltyKind.ARTICLE and item.month == datetime.date(2026, 3, 1)
    assert lines(item) == {("chuyenvien", RoyaltyRole.AUTHOR): 400_000,
                           ("chanhvanphong", RoyaltyRole.EDITING): 60_000,
                           ("truongban", RoyaltyRole.VERIFICATION): 40_000}
    assert item.total == 500_000


def test_co_authors_share_equally_and_rounding_goes_to_the_first(agency, news, staff, units):
    """R-ED-11: co-authors share the amount by parts; whole đồng, remainder to the first."""
    RoyaltyRate.objects.create(agency=agency, kind=RoyaltyKind.ARTICLE, amount=100_000,
                               valid_from=datetime.date(2026, 1, 1))
    page = news.add_child(instance=Page(title="Bài viết chung", slug="bai-chung"))
    record = records.sync(page)
    record.authors.set([staff.author, staff.leader, staff.other_leader])
    with time_machine.travel(MARCH, tick=False):
        item = royalties.record_publication(page, record)
    amounts = sorted(line.amount for line in item.shares.all())
    assert amounts == [33_333, 33_333, 33_334] and sum(amounts) == 100_000
    assert royalties.split(100_000, [2, 1]) == [66_667, 33_333]


def test_the_rate_in_force_and_the_length_band(agency, rates):
    """R-ED-11: a newer table replaces the older one from its day; bands by word count."""
    RoyaltyRate.objects.create(agency=agency, kind=RoyaltyKind.NEWS, min_words=0,
                               amount=180_000, valid_from=datetime.date(2026, 7, 1))
    march, august = datetime.date(2026, 3, 5), datetime.date(2026, 8, 5)
    assert royalties.rate_for(agency.pk, RoyaltyKind.NEWS, march, 120).amount == 150_000
    assert royalties.rate_for(agency.pk, RoyaltyKind.NEWS, march, 301).amount == 250_000
    assert royalties.rate_for(agency.pk, RoyaltyKind.NEWS, august, 900).amount == 180_000
    assert royalties.rate_for(agency.pk, RoyaltyKind.NEWS, datetime.date(2025, 12, 31)) is None


def test_an_overlapping_band_is_refused(agency, rates):
    rate = RoyaltyRate(agency=agency, kind=RoyaltyKind.NEWS, min_words=200, max_words=400,
                       amount=1, valid_from=datetime.date(2026, 1, 1))
    with pytest.raises(ValidationError):
        rate.full_clean()


def test_republishing_does_not_pay_twice_and_unpublishing_voids(make_item, staff, rates):
    """R-ED-11: one item per publication; unpublished before closing → void; published
    again → paid again once."""
    with time_machine.travel(MARCH, tick=False):
        page = make_item(staff.author)
        item = publish_through_workflow(page, staff)
        page.get_latest_revision().publish()
        assert RoyaltyItem.objects.filter(page=page).count() == 1
        page.unpublish()
        item.refresh_from_db()
        assert item.voided_at is not None
        assert not RoyaltyShare.objects.in_force().filter(item=item).exists()
        page.refresh_from_db()
        page.get_latest_revision().publish()
        assert RoyaltyItem.objects.filter(page=page, voided_at__isnull=True).count() == 1


def test_closing_a_month_locks_its_entries(make_item, staff, rates, agency):
    """R-ED-11: closing is an explicit transition with history; closed entries stay even
    when the item is unpublished, and their lines cannot change."""
    with time_machine.travel(MARCH, tick=False):
        page = make_item(staff.author)
        item = publish_through_workflow(page, staff)
        with pytest.raises(ValidationError):  # March has not ended
            royalties.close_month(agency, datetime.date(2026, 3, 1), staff.chief)
    with time_machine.travel(datetime.datetime(2026, 4, 2, 9, tzinfo=TZ), tick=False):
        with pytest.raises(PermissionDenied):
            royalties.close_month(agency, datetime.date(2026, 3, 1), staff.member)
        month = royalties.close_month(agency, datetime.date(2026, 3, 1), staff.chief)
        assert month.closed_by == staff.chief and month.history.count() == 2
        with pytest.raises(ValidationError):
            royalties.close_month(agency, datetime.date(2026, 3, 1), staff.chief)
        page.unpublish()
        item.refresh_from_db()
        assert item.voided_at is None
        with pytest.raises(ValidationError):
            royalties.check_editable(item)


def test_the_board_changes_the_parts_until_the_month_is_closed(make_item, staff, rates,
                                                               agency, client):
    """R-ED-11: shares editable by the board in the admin; not by the author; not after
    closing."""
    with time_machine.travel(MARCH, tick=False):
        page = make_item(staff.author)
        item = publish_through_workflow(page, staff)
    record = records.sync(page)
    line = item.shares.get(role=RoyaltyRole.AUTHOR)
    client.force_login(staff.member)
    add = client.post(reverse("editorial_board_royalty_line:add"), {
        "item": item.pk, "person": staff.leader.pk, "role": RoyaltyRole.AUTHOR, "parts": 1})
    assert add.status_code == 302, add.content.decode()[:3000]
    edit = reverse("editorial_board_royalty_line:edit", args=[line.pk])
    client.post(edit, {"item": item.pk, "person": staff.author.pk,
                       "role": RoyaltyRole.AUTHOR, "parts": 3})
    assert lines(item)[("chuyenvien", RoyaltyRole.AUTHOR)] == 300_000
    assert lines(item)[("truongphongqldn", RoyaltyRole.AUTHOR)] == 100_000
    assert record.pk
    client.force_login(staff.author)
    assert client.get(edit).status_code in (302, 403, 404)
    with time_machine.travel(datetime.datetime(2026, 4, 2, 9, tzinfo=TZ), tick=False):
        royalties.close_month(agency, datetime.date(2026, 3, 1), staff.chief)
    client.force_login(staff.member)
    response = client.post(edit, {"item": item.pk, "person": staff.author.pk,
                                  "role": RoyaltyRole.AUTHOR, "parts": 1})
    assert response.status_code == 200 and "03/2026" in response.content.decode()
    assert lines(item)[("chuyenvien", RoyaltyRole.AUTHOR)] == 300_000


@pytest.mark.parametrize("items", [2, 9])
def test_the_ledger_in_constant_queries_with_totals_and_export(
        make_item, staff, rates, client, django_assert_max_num_queries, items):
    """R-ED-11: per person and per unit, totals, month filter, XLSX/ODS export."""
    with time_machine.travel(MARCH, tick=False):
        for index in range(items):
            publish_through_workflow(make_item(staff.author, title=f"Tin số {index}"), staff)
        client.force_login(staff.member)
        url = reverse("editorial_board:royalty_ledger")
        client.get(url)
        with django_assert_max_num_queries(40):
            html = client.get(url).content.decode()
        total = items * 500_000
        assert f"{total:,}".replace(",", ".") + " ₫" in html
        assert "Phòng Quản lý doanh nghiệp" in html and "Tin số 1" in html
        assert "Tin số 1" not in client.get(url, {"month": "2026-04"}).content.decode()
        for fmt, media in (("xlsx", "spreadsheetml"), ("ods", "opendocument.spreadsheet")):
            response = client.get(url, {"month": "2026-03", "export": fmt})
            assert media in response["Content-Type"]


def test_who_sees_the_ledger(make_item, staff, rates, client, make_agency, make_staff):
    """R-ED-11: the board and the agency's leaders see it all, an author only their own
    lines, another agency's people nothing."""
    from plugins.core.models import Role, Unit

    with time_machine.travel(MARCH, tick=False):
        publish_through_workflow(make_item(staff.author, title="Tin của chuyên viên"), staff)
        publish_through_workflow(make_item(staff.other_leader, title="Tin phòng đầu tư"),
                                 staff)
        url = reverse("editorial_board:royalty_ledger")
        client.force_login(staff.author)
        html = client.get(url).content.decode()
        assert "Tin của chuyên viên" in html and "Tin phòng đầu tư" not in html
        other = make_agency("SKH", own_home=True)
        stranger = make_staff("lanhdaoskh", other, Role.AGENCY_LEADER,
                              Unit.objects.create(agency=other, name="Văn phòng Sở"))
        client.force_login(stranger)
        html = client.get(url).content.decode()
        assert "Tin của chuyên viên" not in html and "Tin phòng đầu tư" not in html
        client.force_login(staff.deputy)  # an agency leader (and deputy chief)
        html = client.get(url).content.decode()
        assert "Tin của chuyên viên" in html and "Tin phòng đầu tư" in html


def test_closing_from_the_ledger(make_item, staff, rates, agency, client):
    with time_machine.travel(MARCH, tick=False):
        publish_through_workflow(make_item(staff.author), staff)
    with time_machine.travel(datetime.datetime(2026, 4, 2, 9, tzinfo=TZ), tick=False):
        client.force_login(staff.chief)
        html = client.get(reverse("editorial_board:royalty_ledger"), {"month": "2026-03"}
                          ).content.decode()
        assert reverse("editorial_board:royalty_ledger_close") in html
        client.post(reverse("editorial_board:royalty_ledger_close"),
                    {"agency": agency.pk, "month": "2026-03"})
    assert RoyaltyMonth.objects.get(agency=agency).is_closed
