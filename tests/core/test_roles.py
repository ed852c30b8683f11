"""Roles per agency as groups with scoped permissions (R-SEC-2, R-ORG-3)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from plugins.core.models import AgencyRole, Role
from plugins.core.roles import has_role, sync_agency_roles

pytestmark = pytest.mark.django_db


def test_each_agency_gets_one_group_per_role(two_agencies):
    """R-ORG-3: BQL and SKH each have their own five role groups."""
    bql, skh = two_agencies
    for agency in (bql, skh):
        roles = set(AgencyRole.objects.filter(agency=agency).values_list("role", flat=True))
        assert roles == {role.value for role in Role}
    assert Group.objects.filter(name="BQL — Văn thư").exists()
    assert Group.objects.filter(name="SKH — Quản trị công nghệ thông tin").exists()


def test_sync_is_idempotent(two_agencies):
    bql, _ = two_agencies
    before = (Group.objects.count(), AgencyRole.objects.count())
    sync_agency_roles(bql)
    sync_agency_roles(bql)
    assert (Group.objects.count(), AgencyRole.objects.count()) == before


def test_role_permissions(two_agencies, make_staff):
    """R-SEC-2: the IT administrator edits units; a clerk only views them."""
    bql, _ = two_agencies
    it_admin = make_staff("quantri", bql, Role.IT_ADMIN)
    clerk = make_staff("vanthu", bql, Role.CLERK)
    assert it_admin.has_perm("core.change_unit")
    assert it_admin.has_perm("wagtailadmin.access_admin")
    assert clerk.has_perm("core.view_unit")
    assert not clerk.has_perm("core.change_unit")
    assert not it_admin.has_perm("core.add_agency")
    assert has_role(clerk, bql, Role.CLERK)
    assert not has_role(clerk, bql, Role.IT_ADMIN)


def test_page_permissions_stop_at_the_agencys_own_site(make_agency, make_staff):
    """R-SEC-2: a specialist of one agency may edit its pages, never another agency's."""
    root = Page.get_first_root_node()
    home_a = root.add_child(instance=Page(title="Trang chủ A", slug="trang-chu-a"))
    home_b = root.add_child(instance=Page(title="Trang chủ B", slug="trang-chu-b"))
    agency_a = make_agency("AAA")
    agency_a.site.root_page = home_a
    agency_a.site.save()
    agency_a.save()  # re-syncs page permissions onto the new root
    agency_b = make_agency("BBB")
    agency_b.site.root_page = home_b
    agency_b.site.save()
    agency_b.save()
    specialist = make_staff("chuyenvien", agency_a, Role.SPECIALIST)
    leader = make_staff("lanhdao", agency_a, Role.AGENCY_LEADER)

    assert home_a.permissions_for_user(specialist).can_edit()
    assert not home_a.permissions_for_user(specialist).can_publish()
    assert home_a.permissions_for_user(leader).can_publish()
    assert not home_b.permissions_for_user(specialist).can_edit()
    assert not home_b.permissions_for_user(leader).can_publish()



def test_an_agencys_role_groups_are_made_in_a_few_queries_and_logged_once(
        make_agency, make_staff, django_assert_max_num_queries):
    """R-EO-19: a new agency's five groups and their permissions, on its pages and its
    collection, are one entry of its system log naming each change; made in a bounded
    number of queries (not one or more per permission), and brought up to date the same
    way when its site gets an English home (R-ED-16)."""
    from wagtail.models import Locale

    from plugins.core.models import AuditEvent

    agency = make_agency("AAA", own_home=True)
    event = AuditEvent.objects.get(
        agency=agency, description="Cập nhật quyền của các nhóm vai trò của Cơ quan AAA")
    changes = event.details["changes"]
    leader_pages = [change for change in changes if change.startswith(
        "Nhóm AAA — Lãnh đạo cơ quan được cấp quyền") and change.endswith("trên Trang chủ AAA")]
    assert len(leader_pages) == 3  # add, change, publish
    assert any(change.startswith("Nhóm AAA — Chuyên viên được cấp quyền") and
               change.endswith("trên Cơ quan AAA") for change in changes)  # the collection
    assert any(change.startswith("Cấp quyền cho nhóm AAA — Văn thư: ") for change in changes)

    home = agency.site.root_page
    english = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    leader = make_staff("lanhdao", agency, Role.AGENCY_LEADER)
    assert english.permissions_for_user(leader).can_publish()  # synced as it was made
    assert AuditEvent.objects.filter(agency=agency, description=event.description).count() == 2
    with django_assert_max_num_queries(30):
        sync_agency_roles(agency)  # nothing to change: nothing logged
    assert AuditEvent.objects.filter(agency=agency, description=event.description).count() == 2
