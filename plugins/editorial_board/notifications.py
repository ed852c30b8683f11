"""What the editorial process tells the people it concerns, through the core's notification
centre: in the admin's Notifications list, and by email (after commit, retried) unless they
chose otherwise; each message written in the recipient's own admin language from
``editorial_board/mail/<template>.txt`` (first line: subject). The kind of each message is
its template's name prefixed by the app: ``editorial_board.<template>``."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

# The templates sent to the board's people (question_answer goes to the citizen instead).
KINDS = {
    "task_submitted": _("A page awaits your moderation step"),
    "rejected": _("Changes are requested on your page"),
    "reminder_before": _("A page's publication deadline is near"),
    "reminder_due": _("A page's publication deadline is now"),
    "reminder_overdue": _("A page's publication deadline is past"),
    "weekly_digest": _("Weekly digest of items published from trusted sources"),
    "monthly_report": _("Monthly report of the website"),
    "review_reminder": _("Pages to review so that the site stays current"),
    "question_received": _("A citizen's question is received"),
    "question_assigned": _("A citizen's question is assigned to your unit"),
    "question_answered": _("An answer to a citizen's question awaits approval"),
    "question_reminder_before": _("The answer to a citizen's question is soon due"),
    "question_reminder_due": _("The answer to a citizen's question is due now"),
    "question_reminder_overdue": _("The answer to a citizen's question is overdue"),
}


def register_kinds():
    from plugins.core.notifications import register_kind

    for template, label in KINDS.items():
        register_kind(f"editorial_board.{template}", label, group=_("Editorial board"),
                      email=True)


def _url(context):
    page = context.get("page")
    if getattr(page, "pk", None):
        from django.urls import reverse

        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return ""


def notify(users, template, context, exclude=()):
    """Tell ``users`` what ``editorial_board/mail/<template>.txt`` says.

    Returns the number of people told by email (those with an address who did not turn
    that kind's mail off); everyone is told in the admin."""
    from plugins.core.notifications import notify as tell

    excluded = {getattr(user, "pk", user) for user in exclude if user is not None}

    def compose(user):
        text = render_to_string(f"editorial_board/mail/{template}.txt",
                                {**context, "user": user,
                                 "base_url": settings.WAGTAILADMIN_BASE_URL}).strip()
        subject, _newline, body = text.partition("\n")
        return subject.strip(), body.strip()

    about = context.get("page") or context.get("question")
    told = tell([user for user in users if user.pk not in excluded],
                f"editorial_board.{template}", subject=compose, url=_url(context),
                agency=getattr(about, "agency", None))
    return sum(1 for notification in told if notification.emailed)
