"""A lost or shared account is locked at once and handled by IT (R-SEC-1).

Seed regulations 003 Đ11.1 and 004 Đ6.5, Đ17.2: a person whose password leaked, or who
lost control of their account, tells the IT staff at once; accounts are never lent.
:func:`report_account` locks the account the moment its owner reports it: inactive, its
password gone (every session of it ends at its next request, since a session is signed
with the password's hash and an inactive user is never loaded), the report kept, and the
IT administrators of the user's agencies told by mail. :func:`unlock_account` gives the
account back with a new one-time password.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plugins.core.accounts.passwords import issue_one_time_password
from plugins.core.mail import queue_mail
from plugins.core.models import AccountReport, Role
from plugins.core.scoping import agency_ids_for_user, forget_user_agencies
from plugins.core.two_factor import devices


def it_administrators(agency_ids, exclude=None):
    """The active IT administrators of ``agency_ids`` with a mail address; the superusers
    when those agencies have none."""
    users = get_user_model()._default_manager.filter(is_active=True).exclude(email="")
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    admins = users.filter(
        groups__agency_role__role=Role.IT_ADMIN, groups__agency_role__agency_id__in=agency_ids
    ).distinct()
    if admins.exists():
        return list(admins)
    return list(users.filter(is_superuser=True))


@transaction.atomic
def report_account(user, kind, note="", address=None):
    """Record ``user``'s report, lock the account and tell IT; returns the report."""
    agency_ids = agency_ids_for_user(user) or ()  # read while the user is still active
    report = AccountReport.objects.create(user=user, kind=kind, note=note.strip(),
                                          address=address)
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    forget_user_agencies(user)
    _tell_it(report, agency_ids)
    return report


def _tell_it(report, agency_ids):
    user = report.user
    recipients = it_administrators(agency_ids, exclude=user)
    if not recipients:
        return
    unlock_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "core_account_unlock", args=[user.pk])
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "name": user.get_full_name() or user.get_username(),
            "username": user.get_username(),
            "kind": report.get_kind_display(),
            "time": timezone.localtime(report.reported_at).strftime("%H:%M %d/%m/%Y"),
            "address": report.address or "?",
            "note": report.note or "—",
            "url": unlock_url,
        }
        subject = _("Account %(username)s locked: reported lost or shared") % values
        body = _(
            "%(name)s (%(username)s) reported at %(time)s, from the address %(address)s, "
            "that their account is lost or shared:\n%(kind)s\n\nDetails: %(note)s\n\n"
            "The account is locked and every session of it has ended. Check with the "
            "person, then unlock the account here; a new one-time password is made then, "
            "to hand to them in person:\n%(url)s\n"
        ) % values
    queue_mail([person.email for person in recipients], subject, body)


@transaction.atomic
def unlock_account(user, by, reset_two_factor=True):
    """Give a locked account back: close its reports, activate it, and return its new
    one-time password (to be changed at first login)."""
    AccountReport.objects.filter(user=user, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by
    )
    user.is_active = True
    user.save(update_fields=["is_active"])
    if reset_two_factor:
        devices.reset(user)
    AxesProxyHandler.reset_attempts(username=user.get_username())
    return issue_one_time_password(user)


def open_reports(user):
    return AccountReport.objects.filter(user=user, resolved_at__isnull=True)
