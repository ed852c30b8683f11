"""Every message of the tasks goes out through :func:`_send`, to the core's notification
centre: the assignees when a task is assigned, sent back, extended or cancelled; the
assigner when completion is reported; the reminders."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plugins.core.notifications import notify, register_kind

GROUP = _("E-office: assigned tasks")
KINDS = {
    "eoffice_tasks.assigned": _("A task is assigned to you"),
    "eoffice_tasks.reported": _("Completion of a task you assigned is reported"),
    "eoffice_tasks.closed": _("A task you work on is accepted, sent back, extended or "
                              "cancelled"),
    "eoffice_tasks.reminder": _("Reminders of the deadlines of your tasks"),
}


def register_kinds():
    for name, label in KINDS.items():
        register_kind(name, label, group=GROUP, email=True)


def _send(users, kind, subject, body, task, actor=None):
    """Tell ``users`` ``subject``/``body`` (lazy strings, rendered in each one's language)
    about ``task``."""

    def compose():
        return subject, f"{body}\n\n{task.title}\n{_('Task deadline')}: {task.deadline:%d/%m/%Y}"

    notify([user for user in users if user is not None], kind, subject=compose,
           url=reverse("eoffice_task:inspect", args=[task.pk]), agency=task.agency,
           actor=actor)
