"""Every message of the tasks goes out through :func:`_send` (one place to switch to the
core notification centre once it is on main): the assignees when a task is assigned, sent
back, extended or cancelled; the assigner when completion is reported; the reminders."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from plugins.core.mail import queue_mail

KINDS = {
    "eoffice_tasks.assigned": _("A task is assigned to you"),
    "eoffice_tasks.reported": _("Completion of a task you assigned is reported"),
    "eoffice_tasks.closed": _("A task you work on is accepted, sent back, extended or "
                              "cancelled"),
    "eoffice_tasks.reminder": _("Reminders of the deadlines of your tasks"),
}


def _send(users, kind, subject, body, task):
    """Send ``subject``/``body`` (lazy strings, rendered in the site's language) to
    ``users`` about ``task``."""
    assert kind in KINDS, kind
    addresses = sorted({user.email for user in users if user is not None and user.email})
    if not addresses:
        return
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("eoffice_task:inspect", args=[task.pk])
        text = f"{body}\n\n{task.title}\n{_('Task deadline')}: {task.deadline:%d/%m/%Y}\n{url}"
        queue_mail(addresses, str(subject), text)
