"""Sending notifications, reading them, forgetting them."""

import datetime
import inspect

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django_q.tasks import async_task

from plugins.core.mail import queue_mail
from plugins.core.notifications import sms
from plugins.core.notifications.registry import get_kind

PURGE_FUNC = "plugins.core.notifications.service.purge"
KEEP_READ = datetime.timedelta(days=90)
SUBJECT_LENGTH = 300


def keep_read_days():
    return int(getattr(settings, "PORTAL_NOTIFICATIONS_KEEP_DAYS", KEEP_READ.days))


def language_of(user):
    """The language ``user`` reads the admin in: their Wagtail profile's preferred one,
    else the site's."""
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.get_preferred_language() if profile else None) or settings.LANGUAGE_CODE


def _recipients(users, actor):
    """The active, distinct recipients, in the order given, with their profiles and
    settings (two queries whatever their number)."""
    from plugins.core.models import NotificationSettings

    skipped = getattr(actor, "pk", actor)
    wanted = list(dict.fromkeys(
        pk for pk in (getattr(user, "pk", user) for user in users)
        if pk is not None and pk != skipped))
    if not wanted:
        return [], {}
    found = get_user_model().objects.filter(pk__in=wanted, is_active=True).select_related(
        "wagtail_userprofile")
    by_pk = {user.pk: user for user in found}
    prefs = {s.user_id: s for s in NotificationSettings.objects.filter(user_id__in=by_pk)}
    return [by_pk[pk] for pk in wanted if pk in by_pk], prefs


def _composer(subject, body):
    """A function ``(user) -> (subject, body)`` from what the caller gave."""
    if callable(subject):
        if _composer_takes_user(subject):
            return subject
        return lambda user: subject()
    return lambda user: (subject, body)


def _one_line(text):
    return " ".join(str(text).split())[:SUBJECT_LENGTH]


def absolute(url):
    """``url`` as a link in a mail: a relative one gets the admin's base URL."""
    if not url or "://" in url:
        return url or ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + url.lstrip("/")


def notify(recipients, kind, *, subject, body="", url="", agency=None, actor=None):
    """Tell ``recipients`` something: a notification in each one's list in the admin, and
    by email / SMS to those whose settings say so (after commit; mail retried).

    ``kind``: a name given to :func:`register_kind` (else :class:`UnknownKind`).
    ``subject``/``body``: texts (lazy translations are rendered in each recipient's own
    admin language), or ``subject`` a callable ``compose()`` — or ``compose(user)`` —
    returning ``(subject, body)``, called in the recipient's language. ``url``: where the
    notification leads (an admin path). ``actor``: who caused it; not told about it.
    Inactive people are skipped; each person is told once. Returns the notifications, each
    with ``emailed`` and ``texted``: whether it also went out by email / by SMS."""
    from plugins.core.models import Notification

    kind = get_kind(kind)
    people, prefs = _recipients(recipients, actor)
    compose = _composer(subject, body)
    per_language = not (callable(subject) and _composer_takes_user(subject))
    rendered = {}
    notifications = []
    deliveries = []
    for person in people:
        language = language_of(person)
        key = language if per_language else (language, person.pk)
        if key not in rendered:
            with translation.override(language):
                text_subject, text_body = compose(person)
                rendered[key] = (_one_line(text_subject), str(text_body or "").strip())
        text_subject, text_body = rendered[key]
        notifications.append(Notification(
            user=person, kind=kind.name, agency=agency, subject=text_subject, body=text_body,
            url=url or ""))
        deliveries.append((person, prefs.get(person.pk), text_subject, text_body))
    if not notifications:
        return []
    notifications = Notification.objects.bulk_create(notifications)
    link = absolute(url)
    for notification, (person, chosen, text_subject, text_body) in zip(
            notifications, deliveries, strict=True):
        notification.emailed = notification.texted = False  # what went out, for the caller
        if person.email and (chosen.wants(kind, "email") if chosen else kind.email):
            notification.emailed = True
            mail_body = text_body
            if link and link not in mail_body:
                mail_body = f"{mail_body}\n\n{link}".strip()
            queue_mail(person.email, text_subject, mail_body)
        if chosen and chosen.phone and chosen.wants(kind, "sms"):
            notification.texted = True
            text = text_subject[:sms.MAX_LENGTH]
            transaction.on_commit(
                lambda phone=chosen.phone, text=text: async_task(sms.SEND_FUNC, phone, text))
    return notifications


def _composer_takes_user(compose):
    """Does ``compose`` need an argument (the user)? Parameters with a default value (the
    ``lambda items=items: ...`` idiom of loops) do not count."""
    try:
        parameters = inspect.signature(compose).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
               for p in parameters)


def mark_read(user, pk, now=None):
    """Mark one of ``user``'s notifications read; returns it (``None`` if it is not one of
    theirs)."""
    from plugins.core.models import Notification

    notification = Notification.objects.for_user(user).filter(pk=pk).first()
    if notification is not None and notification.read_at is None:
        notification.read_at = now or timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user, now=None):
    """Mark every unread notification of ``user`` read; returns how many."""
    from plugins.core.models import Notification

    return Notification.objects.for_user(user).unread().update(read_at=now or timezone.now())


def unread_count(user):
    from plugins.core.models import Notification

    return Notification.objects.for_user(user).unread().count()


def purge(now=None):
    """Daily: forget the notifications read more than ``PORTAL_NOTIFICATIONS_KEEP_DAYS``
    (90) days ago. Unread ones stay. Returns how many were deleted."""
    from plugins.core.models import Notification

    limit = (now or timezone.now()) - datetime.timedelta(days=keep_read_days())
    deleted, _ = Notification.objects.filter(read_at__lt=limit).delete()
    return deleted


def schedule_purge(**kwargs):
    """Create the daily purge schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=PURGE_FUNC,
        defaults={"name": "core: forget notifications read long ago",
                  "schedule_type": Schedule.DAILY},
    )
