"""Emails to the people the editorial process concerns, in their own admin language; they
go out after commit, retried until they do (plugins.core.mail)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from plugins.core.mail import queue_mail


def _language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.get_preferred_language() if profile else None) or settings.LANGUAGE_CODE


def notify(users, template, context, exclude=()):
    """Send ``editorial_board/mail/<template>.txt`` (first line: subject) to ``users``.

    Returns the number of emails queued. Users without an email address are skipped.
    """
    excluded = {getattr(user, "pk", user) for user in exclude if user is not None}
    sent = 0
    for user in {user for user in users if user.pk not in excluded and user.email}:
        with translation.override(_language(user)):
            text = render_to_string(f"editorial_board/mail/{template}.txt",
                                    {**context, "user": user,
                                     "base_url": settings.WAGTAILADMIN_BASE_URL}).strip()
        subject, _, body = text.partition("\n")
        queue_mail(user.email, subject.strip(), body.strip())
        sent += 1
    return sent
