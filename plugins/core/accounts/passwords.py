"""One-time passwords: a new account's password is changed at first login (R-EO-1)."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from plugins.core.models import AccountSecurity


def one_time_password():
    return secrets.token_urlsafe(12)


def split_full_name(full_name):
    """Vietnamese order: family and middle names first, given name last."""
    parts = full_name.split()
    if len(parts) < 2:
        return "", full_name.strip()
    return " ".join(parts[:-1]), parts[-1]


@transaction.atomic
def issue_one_time_password(user):
    """Give ``user`` a new random password that must be changed at first login."""
    password = one_time_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    AccountSecurity.require_change(user)
    return password


@transaction.atomic
def ensure_staff_user(username, full_name, email="", is_superuser=False):
    """Create the account if missing; return ``(user, password or None)``.

    The password is returned only when the account was created: an existing account's
    password is never touched, so running the demo loader twice changes nothing.
    """
    User = get_user_model()
    first_name, last_name = split_full_name(full_name)
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "is_staff": is_superuser,
            "is_superuser": is_superuser,
        },
    )
    if not created:
        return user, None
    return user, issue_one_time_password(user)
