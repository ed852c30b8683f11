"""Keep role groups in step with agencies, and flag first-login password changes."""

from django.apps import apps
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from plugins.core.files.access import refresh_references
from plugins.core.models import AccountSecurity, Agency
from plugins.core.roles import sync_agency_roles, sync_all_agencies

SESSION_MUST_CHANGE_PASSWORD = "core_must_change_password"


@receiver(post_save, sender=Agency)
def agency_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_agency_roles(instance)


@receiver(post_migrate)
def grant_role_permissions(sender, app_config=None, **kwargs):
    # Run once, after the last app migrated, so every plugin's permissions exist.
    if app_config is not None and app_config is list(apps.get_app_configs())[-1]:
        sync_all_agencies()


@receiver(user_logged_in)
def remember_pending_password_change(sender, request, user, **kwargs):
    if AccountSecurity.must_change(user):
        request.session[SESSION_MUST_CHANGE_PASSWORD] = True


@receiver(post_save, sender="wagtailcore.Site")
def site_saved(sender, instance, raw=False, **kwargs):
    """A site given a new root page moves its agency's page permissions along with it."""
    if raw:
        return
    agency = Agency.objects.filter(site=instance).first()
    if agency is not None:
        sync_agency_roles(agency)


@receiver(page_published)
def page_references_now(sender, instance, **kwargs):
    """A page's files are downloadable as soon as it is published, not after the worker
    has updated the reference index."""
    refresh_references(instance)
