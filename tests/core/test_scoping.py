"""Agency scoping: one agency's staff never see another agency's records (R-ORG-3, R-SEC-2)."""

import pytest
from django.urls import reverse

from plugins.core.models import Agency, DayOverride, Position, Role, Unit
from plugins.core.scoping import current_agency

pytestmark = pytest.mark.django_db


def test_querysets_are_limited_to_the_users_agency(two_agencies, make_staff):
    """R-ORG-3: a clerk of BQL sees BQL's units and positions only."""
    bql, skh = two_agencies
    clerk = make_staff("vanthu", bql, Role.CLERK, unit=bql.units.first())
    other = make_staff("vanthuskh", skh, Role.CLERK, unit=skh.units.first())

    assert set(Unit.objects.visible_to(clerk)) == set(bql.units.all())
    assert list(Agency.objects.visible_to(clerk)) == [bql]
    assert list(Position.objects.visible_to(clerk).values_list("user", flat=True)) == [clerk.pk]
    assert not Unit.objects.visible_to(other).filter(agency=bql).exists()


def test_superuser_sees_every_agency_and_anonymous_sees_none(two_agencies, django_user_model):
    """R-SEC-2: only administrators see across agencies."""
    from django.contrib.auth.models import AnonymousUser

    admin = django_user_model.objects.create_superuser("root", password="x")
    assert Unit.objects.visible_to(admin).count() == 4
    assert Unit.objects.visible_to(AnonymousUser()).count() == 0


def test_current_agency_follows_the_requests_site(two_agencies, rf):
    """R-ORG-3: each agency's public site resolves to that agency."""
    bql, skh = two_agencies
    request = rf.get("/", HTTP_HOST=skh.site.hostname)
    assert current_agency(request) == skh
    assert list(Unit.objects.for_request(request)) == list(skh.units.all())


def test_admin_unit_list_shows_only_own_agency(client, two_agencies, make_staff):
    """R-SEC-2: the admin list of units of an IT administrator of SKH hides BQL's units."""
    bql, skh = two_agencies
    make_staff("quantri", skh, Role.IT_ADMIN, unit=skh.units.first())
    client.login(username="quantri", password="correct-horse-battery")
    response = client.get(reverse("core_unit:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Phòng Đăng ký kinh doanh" in content
    assert "Phòng Quản lý đầu tư" not in content


def test_admin_edit_of_another_agencys_unit_is_not_found(client, two_agencies, make_staff):
    """R-SEC-2: opening another agency's unit by its URL answers 404, and nothing changes."""
    bql, skh = two_agencies
    make_staff("quantri", skh, Role.IT_ADMIN, unit=skh.units.first())
    client.login(username="quantri", password="correct-horse-battery")
    foreign = bql.units.get(name="Văn phòng")
    assert client.get(reverse("core_unit:edit", args=[foreign.pk])).status_code == 404
    response = client.post(reverse("core_unit:delete", args=[foreign.pk]))
    assert response.status_code == 404
    assert Unit.objects.filter(pk=foreign.pk).exists()
    own = skh.units.get(name="Văn phòng Sở")
    assert client.get(reverse("core_unit:edit", args=[own.pk])).status_code == 200


def test_admin_form_offers_only_own_agency_and_requires_it(client, two_agencies, make_staff):
    """R-SEC-2: an IT administrator cannot file a unit or a day under another agency,
    nor declare a day off for the whole country."""
    bql, skh = two_agencies
    make_staff("quantri", skh, Role.IT_ADMIN, unit=skh.units.first())
    client.login(username="quantri", password="correct-horse-battery")

    response = client.post(
        reverse("core_unit:add"),
        {"agency": bql.pk, "name": "Phòng lạ", "kind": "department", "sort_order": 0},
    )
    assert response.status_code == 200  # the form is shown again with an error
    assert not Unit.objects.filter(name="Phòng lạ").exists()

    response = client.post(
        reverse("core_dayoverride:add"),
        {"agency": "", "date": "2026-12-31", "kind": "off", "reason": "Nghỉ"},
    )
    assert response.status_code == 200
    assert not DayOverride.objects.exists()

    response = client.post(
        reverse("core_dayoverride:add"),
        {"agency": skh.pk, "date": "2026-12-31", "kind": "off", "reason": "Nghỉ bù"},
    )
    assert response.status_code == 302
    assert DayOverride.objects.get().agency == skh


def test_specialist_cannot_change_units(client, two_agencies, make_staff):
    """R-SEC-2: only the IT administrator of an agency edits its unit tree."""
    bql, _ = two_agencies
    make_staff("chuyenvien", bql, Role.SPECIALIST, unit=bql.units.first())
    client.login(username="chuyenvien", password="correct-horse-battery")
    unit = bql.units.first()
    response = client.get(reverse("core_unit:edit", args=[unit.pk]))
    assert response.status_code in (302, 403)
    assert client.get(reverse("core_unit:index")).status_code == 200  # may view
