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
    """The permissions named ``"app_label.codename"`` that exist (a plugin not installed
    has none), with their content types, as {name: permission}; one query."""
    by_app = defaultdict(set)
    for name in names:
        app_label, codename = name.split(".", 1)
        by_app[app_label].add(codename)
    found = Permission.objects.none()
    for app_label, codenames in by_app.items():
        found = found | Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
    return {f"{permission.content_type.app_label}.{permission.codename}": permission
            for permission in found.select_related("content_type")}


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
    """A few queries whatever the number of roles and permissions: an agency is made in
    every test and by every import of agencies, and this runs after each migrate."""
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    groups = _role_groups(agency)
    permissions = _permissions(set().union(
        *_model_permissions.values(),
        (f"wagtailcore.{kind}_page" for kinds in _page_permissions.values() for kind in kinds),
        *_collection_permissions.values(),
    ))

    def named(names):
        return [permissions[name] for name in sorted(names) if name in permissions]

    for role, group in groups.items():
        group.permissions.set(named(_model_permissions[role]))

    pages = []
    if agency.site_id is not None:
        # The site's home and its translations (the English tree: R-ED-16) are the agency's.
        pages = list(agency.site.root_page.get_translations(inclusive=True))
    _sync_object_permissions(GroupPagePermission, "page", groups, {
        (role, page, permission) for role in groups for page in pages
        for permission in named(f"wagtailcore.{kind}_page" for kind in _page_permissions[role])
    })
    collection = agency_collection(agency)
    _sync_object_permissions(GroupCollectionPermission, "collection", groups, {
        (role, collection, permission) for role in groups
        for permission in named(_collection_permissions[role])
    })


def _role_groups(agency):
    """{role: its group} for the agency, the missing ones made."""
    found = {agency_role.role: agency_role.group for agency_role in
             AgencyRole.objects.filter(agency=agency).select_related("group")}
    for role in ALL_ROLES:
        if role not in found:
            group, _ = Group.objects.get_or_create(name=group_name(agency, role))
            AgencyRole.objects.create(agency=agency, role=role, group=group)
            found[role] = group
    return {role: found[role] for role in ALL_ROLES}


def _sync_object_permissions(model, target, groups, wanted):
    """Make the role groups' rows of ``model`` (Wagtail's permissions on a page or a
    collection) exactly ``wanted``: {(role, target object, permission)}. Rows are added in
    one query and each addition is recorded in the summary of the change."""
    from plugins.core.audit.signals import object_permission_changed

    by_group = {group.pk: group for group in groups.values()}
    wanted = {(groups[role].pk, thing.pk, permission.pk): (groups[role], thing, permission)
              for role, thing, permission in wanted}
    have = {(group_id, thing_id, permission_id): pk for pk, group_id, thing_id, permission_id
            in model.objects.filter(group__in=by_group).values_list(
                "pk", "group_id", f"{target}_id", "permission_id")}
    stale = [pk for key, pk in have.items() if key not in wanted]
    if stale:
        model.objects.filter(pk__in=stale).delete()  # each deletion recorded by its signal
    added = model.objects.bulk_create([
        model(group=group, permission=permission, **{target: thing})
        for key, (group, thing, permission) in wanted.items() if key not in have
    ])
    for row in added:
        object_permission_changed(row, True, target)


def sync_all_agencies():
    from plugins.core.models import Agency

    for agency in Agency.objects.select_related("site"):
        sync_agency_roles(agency)


def has_role(user, agency, role):
    """Whether ``user`` holds ``role`` in ``agency`` (through the role's group)."""
    return user.is_authenticated and AgencyRole.objects.filter(
        agency=agency, role=role, group__user=user
    ).exists()
