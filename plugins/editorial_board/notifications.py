"""Emails to the people the editorial process concerns, in their own admin language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def _language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.get_preferred_language() if profile else None) or settings.LANGUAGE_CODE


def notify(users, template, context, exclude=()):
    """Send ``editorial_board/mail/<template>.txt`` (first line: subject) to ``users``.

    Returns the number of emails sent. Users without an email address are skipped.
    """
    excluded = {getattr(user, "pk", user) for user in exclude if user is not None}
    sent = 0
    for user in {user for user in users if user.pk not in excluded and user.email}:
        with translation.override(_language(user)):
            text = render_to_string(f"editorial_board/mail/{template}.txt",
                                    {**context, "user": user,
                                     "base_url": settings.WAGTAILADMIN_BASE_URL}).strip()
        subject, _, body = text.partition("\n")
        send_mail(subject.strip(), body.strip(), None, [user.email])
        sent += 1
    return sent
