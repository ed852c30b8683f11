"""What the system log records, from Django's and Wagtail's own signals (R-EO-19).

- Sign-in: ``user_logged_in``, ``user_logged_out``, ``user_login_failed`` (with the name
  typed; a wrong two-factor code too), and django-axes' ``user_locked_out``; a lost or
  shared account report locks it.
- Permissions: a user's groups (either side of the relation), a group's permissions, a
  user's active / staff / superuser flags and new accounts, and Wagtail's page, collection
  and site permissions of a group.
- Configuration: the agencies, the Wagtail sites and the Wagtail settings, and any model a
  plugin adds with :func:`watch_configuration`.

Wagtail keeps its own log of the records edited in its admin (Reports → Site history);
this log does not repeat it. It records what Wagtail does not (sign-ins and permissions)
and configuration changes made by any path (admin, shell, import), each with the agency
it belongs to.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_noop

from plugins.core.audit.context import current_request
from plugins.core.audit.recorder import agency_ids_of, batching, record, text
from plugins.core.models import AccountReport, Agency, AgencyRole, AuditEvent

Kind = AuditEvent.Kind
USER_FLAGS = ("is_active", "is_staff", "is_superuser")
_BEFORE_ATTR = "_core_audit_before"
_CLEARED_ATTR = "_core_audit_cleared"
_watched = {}
# plugins.core.two_factor.views reports a wrong second-factor code as a failed sign-in.
TWO_FACTOR_SENDER = "plugins.core.two_factor.views"


def _user_label(user):
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    username = user.get_username()
    return f"{full_name} ({username})" if full_name else username


def _group_agency_ids(group_ids):
    return set(AgencyRole.objects.filter(group_id__in=group_ids)
               .values_list("agency_id", flat=True))


# Sign-in ------------------------------------------------------------------------------

def logged_in(sender, request, user, **kwargs):
    record(Kind.LOGIN, text(gettext_noop("Signed in")), agencies=agency_ids_of(user), actor=user,
           request=request)


def logged_out(sender, request, user, **kwargs):
    if user is None:
        return
    record(Kind.LOGOUT, text(gettext_noop("Signed out")), agencies=agency_ids_of(user), actor=user,
           request=request)


def _account_named(username):
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get(get_user_model().USERNAME_FIELD)
                   or credentials.get("username") or "")
    user = _account_named(username)
    locked_out = bool(getattr(request, "axes_locked_out", False))
    second_factor = sender == TWO_FACTOR_SENDER
    if user is None:
        description = text(gettext_noop("Failed sign-in with an unknown user name"))
    elif second_factor:
        description = text(gettext_noop("Failed sign-in: wrong two-factor code"))
    elif locked_out:
        description = text(
            gettext_noop("Sign-in refused: the account or the address is locked out"))
    else:
        description = text(gettext_noop("Failed sign-in"))
    record(Kind.LOGIN_FAILED, description, agencies=agency_ids_of(user), actor=user,
           username=username, request=request,
           details={key: True for key, value in (("locked_out", locked_out),
                                                  ("second_factor", second_factor)) if value})


def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    user = _account_named(username)
    record(Kind.ACCOUNT_LOCKED,
           text(gettext_noop("Sign-in locked out for a while after repeated wrong passwords")),
           agencies=agency_ids_of(user), actor=user, username=username or "",
           request=request)


def account_reported(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    user = instance.user
    record(Kind.ACCOUNT_LOCKED,
           text(gettext_noop("Account locked: its owner reported it lost or shared (%(kind)s)"),
                kind=AccountReport.Kind(instance.kind).label),
           agencies=agency_ids_of(user), actor=user, address=instance.address,
           details={"report": instance.pk, "kind": instance.kind})


# Permissions ---------------------------------------------------------------------------

def user_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A user joined or left groups (the user's form, or a group's member list)."""
    if action == "pre_clear":
        related = instance.user_set if reverse else instance.groups
        setattr(instance, _CLEARED_ATTR, set(related.values_list("pk", flat=True)))
        return
    if action == "post_clear":
        pk_set = getattr(instance, _CLEARED_ATTR, set())
        action = "post_remove"
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    if reverse:
        pairs = [(user, [instance]) for user in model._default_manager.filter(pk__in=pk_set)]
    else:
        pairs = [(instance, list(Group.objects.filter(pk__in=pk_set).order_by("name")))]
    message = (gettext_noop("%(user)s added to %(groups)s") if action == "post_add"
               else gettext_noop("%(user)s removed from %(groups)s"))
    for user, groups in pairs:
        names = [group.name for group in groups]
        record(Kind.PERMISSION_CHANGE,
               text(message, user=_user_label(user), groups=", ".join(names)),
               agencies=(_group_agency_ids([group.pk for group in groups])
                         | agency_ids_of(user, even_superuser=True)),
               details={"user": user.get_username(), "groups": names,
                        "change": "added" if action == "post_add" else "removed"})


def group_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse:
        return
    if action == "pre_clear":
        setattr(instance, _CLEARED_ATTR, set(instance.permissions.values_list("pk", flat=True)))
        return
    if action == "post_clear":
        pk_set = getattr(instance, _CLEARED_ATTR, set())
        action = "post_remove"
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    from django.contrib.auth.models import Permission

    names = sorted(
        f"{app_label}.{codename}" for app_label, codename in
        Permission.objects.filter(pk__in=pk_set).values_list("content_type__app_label",
                                                             "codename")
    )
    if action == "post_add":
        message = gettext_noop("Permissions given to %(group)s: %(permissions)s")
    else:
        message = gettext_noop("Permissions taken from %(group)s: %(permissions)s")
    description = text(message, group=instance.name, permissions=", ".join(names))
    if batching():
        record(Kind.PERMISSION_CHANGE, description)
        return
    record(Kind.PERMISSION_CHANGE, description,
           agencies=_group_agency_ids([instance.pk]),
           details={"group": instance.name, "permissions": names,
                    "change": "added" if action == "post_add" else "removed"})


def _flags(user):
    return {flag: getattr(user, flag) for flag in USER_FLAGS}


def user_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(USER_FLAGS):
        return
    before = sender._default_manager.filter(pk=instance.pk).values(*USER_FLAGS).first()
    setattr(instance, _BEFORE_ATTR, before)


def user_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    label = _user_label(instance)
    if created:
        # After commit: the admin's form gives the new account its groups (its agency) in
        # the same transaction.
        request = current_request()
        transaction.on_commit(lambda: record(
            Kind.PERMISSION_CHANGE, text(gettext_noop("Account %(user)s created"), user=label),
            agencies=agency_ids_of(instance, even_superuser=True), request=request,
            details={"user": instance.get_username(), "change": "created",
                     **_flags(instance)},
        ))
        return
    before = instance.__dict__.pop(_BEFORE_ATTR, None)
    if not before:
        return
    changes = {flag: [before[flag], value] for flag, value in _flags(instance).items()
               if before[flag] != value}
    if not changes:
        return
    words = {
        ("is_active", True): gettext_noop("%(user)s: account activated"),
        ("is_active", False): gettext_noop("%(user)s: account deactivated"),
        ("is_staff", True): gettext_noop("%(user)s: staff status given"),
        ("is_staff", False): gettext_noop("%(user)s: staff status taken away"),
        ("is_superuser", True): gettext_noop("%(user)s: made an administrator (superuser)"),
        ("is_superuser", False): gettext_noop("%(user)s: no longer an administrator (superuser)"),
    }
    description = "; ".join(text(words[flag, new], user=label)
                            for flag, (_old, new) in changes.items())
    record(Kind.PERMISSION_CHANGE, description,
           agencies=agency_ids_of(instance, even_superuser=True),
           details={"user": instance.get_username(), "changes": changes})


def object_permission_changed(instance, created, target_attr):
    """Record that a group was given (``created``) or lost one of Wagtail's permissions on
    an object (a page, a collection, a site: ``instance.<target_attr>``); called by the
    signals below and by code that creates such rows in bulk."""
    try:
        permission, group = instance.permission, instance.group
        target = getattr(instance, target_attr)
    except ObjectDoesNotExist:  # removed together with its group or object: nothing to say
        return
    message = (gettext_noop("%(group)s given “%(permission)s” on %(target)s") if created
               else gettext_noop("%(group)s lost “%(permission)s” on %(target)s"))
    description = text(message, group=group.name, permission=permission.name,
                       target=str(target))
    if batching():  # one summary event says it: its agencies and details are the summary's
        record(Kind.PERMISSION_CHANGE, description)
        return
    record(Kind.PERMISSION_CHANGE, description,
           agencies=_group_agency_ids([group.pk]),
           details={"group": group.name, "object": str(target),
                    "permission": f"{permission.content_type.app_label}.{permission.codename}",
                    "change": "added" if created else "removed"})


def _object_permission_saved(target_attr):
    def saved(sender, instance, created=False, raw=False, **kwargs):
        if created and not raw:
            object_permission_changed(instance, True, target_attr)

    def deleted(sender, instance, **kwargs):
        object_permission_changed(instance, False, target_attr)

    return saved, deleted


#: Wagtail's per-object permissions of a group: on a page tree, a collection, a site.
OBJECT_PERMISSIONS = (
    ("wagtailcore.GroupPagePermission", "page"),
    ("wagtailcore.GroupCollectionPermission", "collection"),
    ("wagtailcore.GroupSitePermission", "site"),
)


# Configuration -------------------------------------------------------------------------

def watch_configuration(model, agency_of):
    """Record every save and deletion of ``model`` as a configuration change of the
    agencies ``agency_of(instance)`` returns (ids or agencies; none: superusers only)."""
    if model in _watched:
        return
    _watched[model] = agency_of
    pre_save.connect(_config_before_save, sender=model, weak=False)
    post_save.connect(_config_saved, sender=model, weak=False)
    post_delete.connect(_config_deleted, sender=model, weak=False)


def _values(instance):
    return {
        field.name: field.value_to_string(instance)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


def _config_before_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = sender._default_manager.filter(pk=instance.pk).first()
    setattr(instance, _BEFORE_ATTR, _values(before) if before is not None else None)


def _describe(instance):
    # Lazy: put in words in the site's language by text().
    return format_lazy("{} “{}”", capfirst(instance._meta.verbose_name), str(instance))


def _config_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    agencies = _watched[sender](instance)
    if created:
        record(Kind.CONFIGURATION_CHANGE,
               text(gettext_noop("%(object)s created"), object=_describe(instance)),
               agencies=agencies, details={"model": sender._meta.label, "pk": instance.pk})
        return
    before = instance.__dict__.pop(_BEFORE_ATTR, None)
    after = _values(instance)
    if before is None:
        return
    changes = {name: [before.get(name), value] for name, value in after.items()
               if before.get(name) != value}
    if not changes:
        return
    names = [sender._meta.get_field(name).verbose_name for name in changes]
    fields = format_lazy(", ".join(["{}"] * len(names)), *names)
    record(Kind.CONFIGURATION_CHANGE,
           text(gettext_noop("%(object)s changed: %(fields)s"), object=_describe(instance),
                fields=fields),
           agencies=agencies,
           details={"model": sender._meta.label, "pk": instance.pk, "changes": changes})


def _config_deleted(sender, instance, **kwargs):
    record(Kind.CONFIGURATION_CHANGE,
           text(gettext_noop("%(object)s deleted"), object=_describe(instance)),
           agencies=_watched[sender](instance),
           details={"model": sender._meta.label, "pk": instance.pk})


def _agency_of_site(site):
    return list(Agency.objects.filter(site_id=site.pk).values_list("pk", flat=True))


def _agency_of_site_setting(setting):
    return _agency_of_site(setting.site) if setting.site_id else []


def _no_agency(instance):
    return []


def _watch_wagtail_settings():
    if not apps.is_installed("wagtail.contrib.settings"):
        return
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting):
            watch_configuration(model, _agency_of_site_setting)
        elif issubclass(model, BaseGenericSetting):
            watch_configuration(model, _no_agency)


def connect():
    """Connect the receivers (the core's ``AppConfig.ready``)."""
    from axes.signals import user_locked_out
    from wagtail.models import Site

    User = get_user_model()
    uid = "core_audit"
    user_logged_in.connect(logged_in, dispatch_uid=f"{uid}_login")
    user_logged_out.connect(logged_out, dispatch_uid=f"{uid}_logout")
    user_login_failed.connect(login_failed, dispatch_uid=f"{uid}_login_failed")
    user_locked_out.connect(locked_out, dispatch_uid=f"{uid}_locked_out")
    post_save.connect(account_reported, sender=AccountReport, dispatch_uid=f"{uid}_report")
    m2m_changed.connect(user_groups_changed, sender=User.groups.through,
                        dispatch_uid=f"{uid}_user_groups")
    m2m_changed.connect(group_permissions_changed, sender=Group.permissions.through,
                        dispatch_uid=f"{uid}_group_permissions")
    pre_save.connect(user_before_save, sender=User, dispatch_uid=f"{uid}_user_before")
    post_save.connect(user_saved, sender=User, dispatch_uid=f"{uid}_user_saved")
    for label, target_attr in OBJECT_PERMISSIONS:
        model = apps.get_model(label)
        saved, deleted = _object_permission_saved(target_attr)
        post_save.connect(saved, sender=model, weak=False,
                          dispatch_uid=f"{uid}_{label}_saved")
        post_delete.connect(deleted, sender=model, weak=False,
                            dispatch_uid=f"{uid}_{label}_deleted")
    watch_configuration(Agency, lambda agency: [agency.pk])
    watch_configuration(Site, _agency_of_site)
    _watch_wagtail_settings()
