"""What happens to a consultation's comments and window (R-SITE-6).

- :func:`receive`: a citizen's comment is stored first; the acknowledgement to the sender
  and the copy to the receiving address go through the core outbox
  (:func:`plugins.core.mail.queue_mail`), which sends them after the commit and retries a
  failed delivery: a comment is never lost because the mail server is down.
- :func:`sweep` (django-q2, every minute): keeps each consultation's search entry in step
  with its state (the list's facet of states) and, once a window has closed, tells the
  drafter and the receiving address how many comments came in — once per close.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plugins.core.mail import queue_mail
from plugins.core.scoping import agency_for_page
from plugins.public_consultation.models import (
    Comment,
    CommentStatus,
    ConsultationPage,
    ConsultationState,
    WindowState,
)

SWEEP_FUNC = "plugins.public_consultation.services.sweep"


class Closed(Exception):
    """The consultation does not take comments now (not open yet, or closed)."""


@transaction.atomic
def receive(page, *, name, text, email="", phone="", section="", now=None):
    """Store a citizen's comment on ``page`` and queue its mails; refuse it (:class:`Closed`)
    when the window is not open at ``now`` — checked here, when the form arrives."""
    now = now or timezone.now()
    if page.state(now) != ConsultationState.OPEN:
        raise Closed
    agency = page.agency or agency_for_page(page)
    comment = Comment.objects.create(
        agency=agency, page=page, name=name, email=email, phone=phone, section=section,
        text=text, received_at=now)
    language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        if email:
            queue_mail(email, _("Your comment on “%(title)s” was received") % {
                "title": page.title}, _acknowledgement(page, comment))
        queue_mail(page.email, _("A comment on “%(title)s”") % {"title": page.title},
                   _copy(page, comment), reply_to=[email] if email else None)
    return comment


def _quoted(comment):
    lines = []
    if comment.section:
        lines.append(_("On: %(section)s") % {"section": comment.section})
    lines.append(comment.text)
    return "\n".join(lines)


def _acknowledgement(page, comment):
    return "\n\n".join([
        _("Thank you, %(name)s. The agency received your comment on “%(title)s”.") % {
            "name": comment.name, "title": page.title},
        _quoted(comment),
        _("Comments are read before they are shown on the site, without your email or "
          "phone. The agency publishes a summary of the comments and its answers after the "
          "consultation closes."),
    ])


def _copy(page, comment):
    contact = ", ".join(filter(None, [comment.email, comment.phone]))
    return "\n\n".join([
        _("A comment was sent through the site on “%(title)s”.") % {"title": page.title},
        _("From: %(name)s (%(contact)s)") % {"name": comment.name, "contact": contact},
        _quoted(comment),
        _("Approve or refuse it in the administration: %(url)s") % {"url": _admin_url()},
    ])


def _admin_url():
    try:
        path = reverse("public_consultation_comment:index")
    except NoReverseMatch:
        return ""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return f"{base.rstrip('/')}{path}"


# --- the scheduled job -------------------------------------------------------------------

def sweep(now=None):
    """Every minute: re-index the live consultations whose state moved since they were
    indexed, and announce each close once. Returns (re-indexed, announced)."""
    from plugins.core.search import documents

    now = now or timezone.now()
    live = ConsultationPage.objects.live()
    moved = live.exclude(
        Q(opens__gt=now, window_state__indexed_state=ConsultationState.UPCOMING)
        | Q(opens__lte=now, closes__gt=now, window_state__indexed_state=ConsultationState.OPEN)
        | Q(closes__lte=now, window_state__indexed_state=ConsultationState.CLOSED))
    reindexed = 0
    for page in moved:
        with transaction.atomic():
            documents.index(page)
            mark_indexed(page, now)
        reindexed += 1
    announced = 0
    to_announce = live.filter(closes__lte=now).filter(
        Q(window_state__close_announced_at__isnull=True) | Q(window_state__isnull=True))
    for page in to_announce.select_related("owner"):
        announced += announce_close(page, now)
    return reindexed, announced


def mark_indexed(page, now=None):
    WindowState.objects.update_or_create(
        page_id=page.pk, defaults={"indexed_state": page.state(now)})


@transaction.atomic
def announce_close(page, now=None):
    """Tell the drafter (the page's owner) and the receiving address that comments are
    closed, with the counts to moderate. Once per close; the mails go after commit."""
    now = now or timezone.now()
    state, _created = WindowState.objects.select_for_update().get_or_create(page_id=page.pk)
    if state.close_announced_at is not None:
        return 0
    state.close_announced_at = now
    state.save(update_fields=["close_announced_at"])
    counts = Comment.objects.filter(page=page).aggregate(
        total=Count("pk"), pending=Count("pk", filter=Q(status=CommentStatus.PENDING)))
    recipients = [page.email]
    if page.owner_id and page.owner.email and page.owner.is_active:
        recipients.append(page.owner.email)
    with translation.override(settings.LANGUAGE_CODE):
        body = "\n\n".join([
            _("The consultation “%(title)s” closed on %(closes)s (Vietnam time).") % {
                "title": page.title, "closes": page.local_closes.strftime("%d/%m/%Y %H:%M")},
            _("Comments sent through the site: %(total)s, of which %(pending)s wait for "
              "moderation.") % counts,
            _("Publish the summary of the comments and the agency's answers on the page: "
              "%(url)s") % {"url": _admin_url()},
        ])
        queue_mail(list(dict.fromkeys(recipients)),
                   _("Consultation closed: %(title)s") % {"title": page.title}, body)
    return 1


def reopen_if_moved(page, now=None):
    """A published window that is not closed any more (its close moved later) will be
    announced again when it closes."""
    if page.state(now) != ConsultationState.CLOSED:
        WindowState.objects.filter(page_id=page.pk).update(close_announced_at=None)


def schedule_sweep(**kwargs):
    """Create the every-minute schedule (post_migrate; idempotent)."""
    from django_q.models import Schedule

    Schedule.objects.get_or_create(
        func=SWEEP_FUNC,
        defaults={"name": "public consultation: states and closes",
                  "schedule_type": Schedule.MINUTES, "minutes": 1},
    )
