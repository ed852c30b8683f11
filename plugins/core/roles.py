"""Roles per agency as Django groups (agency leader, unit leader, clerk, specialist, IT admin).

Each agency gets one group per role, named after the agency's symbol. A user gets a role
by joining the group in the Wagtail user editor. The permissions of each role come from a
registry that every plugin extends in its ``AppConfig.ready``::

    from plugins.core.roles import Role, grant
    grant(Role.CLERK, "eoffice.add_incomingdocument", ...)

Page permissions apply to the agency's own site tree only, and document and image
permissions to the agency's own collection, so one agency's staff never edit another's.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_noop

from plugins.core.audit.recorder import summarised, text
from plugins.core.models import AgencyRole, AuditEvent, Role

_model_permissions = defaultdict(set)
_page_permissions = defaultdict(set)
_collection_permissions = defaultdict(set)

ALL_ROLES = tuple(Role)


def grant(role, *permissions):
    """Give ``role`` model permissions named ``"app_label.codename"``."""
    _model_permissions[role].update(permissions)


def grant_pages(role, *permission_types):
    """Give ``role`` page permissions ("add", "change", "publish", …) on the agency's site."""
    _page_permissions[role].update(permission_types)


def grant_collection(role, *permissions):
    """Give ``role`` permissions ("add_document", …) on the agency's collection."""
    _collection_permissions[role].update(permissions)


for _role in ALL_ROLES:
    grant(_role, "wagtailadmin.access_admin", "core.view_unit", "core.view_position")
    grant_collection(
        _role, "wagtaildocs.add_document", "wagtaildocs.choose_document",
        "wagtailimages.add_image", "wagtailimages.choose_image",
    )
grant(Role.AGENCY_LEADER, "core.view_agency", "core.view_dayoverride")
grant(
    Role.IT_ADMIN,
    "core.view_agency", "core.change_agency",
    "core.add_unit", "core.change_unit", "core.delete_unit",
    "core.add_position", "core.change_position", "core.delete_position",
    "core.view_dayoverride", "core.add_dayoverride", "core.change_dayoverride",
    "core.delete_dayoverride",
    # The users of the agency (R-EO-1): list, add, edit, deactivate; never delete (their
    # records stay signed by them), never a superuser (plugins.core.accounts.scope).
    "auth.add_user", "auth.change_user",
    # The agency's system log (R-EO-19): sign-ins, permission and configuration changes.
    "core.view_auditevent",
)
grant_pages(Role.AGENCY_LEADER, "add", "change", "publish")
grant_pages(Role.IT_ADMIN, "add", "change", "publish", "lock", "unlock")
grant_pages(Role.UNIT_LEADER, "add", "change")
grant_pages(Role.SPECIALIST, "add", "change")
# Wagtail's "Translate" (R-ED-16) for everyone who writes pages; the copy is a draft that
# goes through the board's workflow like any other page.
for _role in (Role.AGENCY_LEADER, Role.IT_ADMIN, Role.UNIT_LEADER, Role.SPECIALIST):
    grant(_role, "simple_translation.submit_translation")
grant_collection(
    Role.IT_ADMIN, "wagtaildocs.change_document", "wagtailimages.change_image",
    "wagtaildocs.delete_document", "wagtailimages.delete_image",
)


def group_name(agency, role):
    with translation.override(settings.LANGUAGE_CODE):
        return f"{agency.symbol} — {Role(role).label}"


def _permissions(names):
    by_app = defaultdict(set)
    for name in names:
        app_label, codename = name.split(".", 1)
        by_app[app_label].add(codename)
    found = Permission.objects.none()
    for app_label, codenames in by_app.items():
        found = found | Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
    return found


def agency_collection(agency):
    """The agency's own collection of documents and images (made on first use)."""
    from wagtail.models import Collection

    if agency.collection_id is None:
        agency.collection = Collection.get_first_root_node().add_child(name=agency.name)
        type(agency).objects.filter(pk=agency.pk).update(collection=agency.collection)
    return agency.collection


@transaction.atomic
def sync_agency_roles(agency):
    """Make (or bring up to date) the agency's role groups and their permissions.

    What changes is one entry of the agency's system log, not one per permission."""
    description = text(gettext_noop("Role groups of %(agency)s brought up to date"),
                       agency=agency.name)
    with summarised(AuditEvent.Kind.PERMISSION_CHANGE, description, agencies=[agency.pk]):
        _sync_agency_roles(agency)


def _sync_agency_roles(agency):
    for role in ALL_ROLES:
        agency_role = AgencyRole.objects.filter(agency=agency, role=role).select_related("group")
        agency_role = agency_role.first()
        if agency_role is None:
            group, _ = Group.objects.get_or_create(name=group_name(agency, role))
            agency_role = AgencyRole.objects.create(agency=agency, role=role, group=group)
        group = agency_role.group
        group.permissions.set(_permissions(_model_permissions[role]))
        _sync_page_permissions(agency, role, group)
        _sync_collection_permissions(agency, role, group)


def _sync_page_permissions(agency, role, group):
    from wagtail.models import GroupPagePermission

    if agency.site_id is None:
        return
    wanted = _permissions(f"wagtailcore.{kind}_page" for kind in _page_permissions[role])
    # The site's home and its translations (the English tree: R-ED-16) are the agency's.
    roots = list(agency.site.root_page.get_translations(inclusive=True))
    GroupPagePermission.objects.filter(group=group).exclude(page__in=roots).delete()
    GroupPagePermission.objects.filter(group=group, page__in=roots).exclude(
        permission__in=wanted
    ).delete()
    for root in roots:
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(group=group, page=root,
                                                      permission=permission)


def _sync_collection_permissions(agency, role, group):
    from wagtail.models import GroupCollectionPermission

    collection = agency_collection(agency)
    wanted = _permissions(_collection_permissions[role])
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def sync_all_agencies():
    from plugins.core.models import Agency

    for agency in Agency.objects.select_related("site"):
        sync_agency_roles(agency)


def has_role(user, agency, role):
    """Whether ``user`` holds ``role`` in ``agency`` (through the role's group)."""
    return user.is_authenticated and AgencyRole.objects.filter(
        agency=agency, role=role, group__user=user
    ).exists()
